-- Agencies on one platform (DOMAIN.md §8): the registry and which staff belong to which agency. The default agency
-- of disclosure.agency.* and its members are written at start-up (agency.AgencySetup), not here: the name comes
-- from configuration and the users from Camunda's identity tables. Portable SQL for H2 and MySQL/MariaDB.
CREATE TABLE dd_agency (
  code                 VARCHAR(16)  NOT NULL PRIMARY KEY,
  name                 VARCHAR(100) NOT NULL,
  short_name           VARCHAR(100) NOT NULL,
  kind                 VARCHAR(16)  NOT NULL,
  parent_code          VARCHAR(16),
  address              VARCHAR(200) NOT NULL,
  phone                VARCHAR(50)  NOT NULL,
  email                VARCHAR(200),
  reconsideration_body VARCHAR(100) NOT NULL,
  court                VARCHAR(100) NOT NULL,
  active               BOOLEAN      NOT NULL,
  created_at           DATETIME     NOT NULL,
  updated_at           DATETIME     NOT NULL,
  CONSTRAINT dd_agency_kind CHECK (kind IN ('GOVERNMENT', 'DEPARTMENT', 'OTHER')),
  CONSTRAINT dd_agency_parent FOREIGN KEY (parent_code) REFERENCES dd_agency (code)
);

-- a user may belong to several agencies; the roles stay the Camunda groups
CREATE TABLE dd_agency_member (
  agency_code VARCHAR(16)  NOT NULL,
  user_id     VARCHAR(64)  NOT NULL,
  CONSTRAINT dd_agency_member_pk PRIMARY KEY (agency_code, user_id),
  CONSTRAINT dd_agency_member_agency FOREIGN KEY (agency_code) REFERENCES dd_agency (code)
);
CREATE INDEX dd_agency_member_by_user ON dd_agency_member (user_id);
