-- Every request and submission belongs to one agency (DOMAIN.md §8). Rows from before the registry belong to the
-- default agency of disclosure.agency.code (Flyway placeholder default_agency, set in application.yaml), which
-- agency.AgencySetup writes at the first start; the column default keeps rows written by older tools in it too.
ALTER TABLE dd_request ADD COLUMN agency_code VARCHAR(16) DEFAULT '${default_agency}' NOT NULL;
CREATE INDEX ix_request_agency ON dd_request (agency_code, received_on);
CREATE INDEX ix_request_agency_status ON dd_request (agency_code, status, due_on);
ALTER TABLE dd_submission ADD COLUMN agency_code VARCHAR(16) DEFAULT '${default_agency}' NOT NULL;
CREATE INDEX ix_submission_agency ON dd_submission (agency_code, status, submitted_at);

-- tracking numbers count per agency and receipt year (gap-free: the row lock serialises one agency's year)
CREATE TABLE dd_agency_counter (
  agency_code  VARCHAR(16) NOT NULL,
  receipt_year INT         NOT NULL,
  last_value   INT         NOT NULL,
  CONSTRAINT dd_agency_counter_pk PRIMARY KEY (agency_code, receipt_year)
);
INSERT INTO dd_agency_counter (agency_code, receipt_year, last_value)
  SELECT '${default_agency}', receipt_year, last_value FROM dd_tracking_counter;
DROP TABLE dd_tracking_counter;

-- 转送 before confirmation (DOMAIN.md §8): each move of a submission, with the reason the applicant sees
CREATE TABLE dd_submission_forwarding (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  submission_id VARCHAR(36)   NOT NULL,
  from_agency   VARCHAR(16)   NOT NULL,
  to_agency     VARCHAR(16)   NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  forwarded_at  DATETIME      NOT NULL,
  forwarded_by  VARCHAR(64)   NOT NULL,
  CONSTRAINT fk_forwarding_submission FOREIGN KEY (submission_id) REFERENCES dd_submission (id) ON DELETE CASCADE
);
CREATE INDEX ix_forwarding_submission ON dd_submission_forwarding (submission_id, forwarded_at);

-- 督办 (Art. 47): the supervising office's notices on one request; shown on it until it concludes
CREATE TABLE dd_supervision_notice (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  request_id  VARCHAR(36)   NOT NULL,
  agency_code VARCHAR(16)   NOT NULL,
  text        VARCHAR(2000) NOT NULL,
  sent_at     DATETIME      NOT NULL,
  sent_by     VARCHAR(64)   NOT NULL,
  CONSTRAINT fk_supervision_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_supervision_request ON dd_supervision_notice (request_id, sent_at);
CREATE INDEX ix_supervision_agency ON dd_supervision_notice (agency_code, sent_at);
