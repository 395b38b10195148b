-- Staff sessions (Spring Session JDBC, security.SignOn): one sign-in serves every node of a cluster, so a load
-- balancer needs no sticky sessions and a node's restart signs nobody out. Layout of Spring Session's own schema;
-- the attributes table's name is Spring's "<table>_ATTRIBUTES", written exactly so for case-sensitive MySQL.
CREATE TABLE dd_session (
  PRIMARY_ID            CHAR(36)     NOT NULL,
  SESSION_ID            CHAR(36)     NOT NULL,
  CREATION_TIME         BIGINT       NOT NULL,
  LAST_ACCESS_TIME      BIGINT       NOT NULL,
  MAX_INACTIVE_INTERVAL INT          NOT NULL,
  EXPIRY_TIME           BIGINT       NOT NULL,
  PRINCIPAL_NAME        VARCHAR(100),
  CONSTRAINT dd_session_pk PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX dd_session_ix1 ON dd_session (SESSION_ID);
CREATE INDEX dd_session_ix2 ON dd_session (EXPIRY_TIME);
CREATE INDEX dd_session_ix3 ON dd_session (PRINCIPAL_NAME);

CREATE TABLE dd_session_ATTRIBUTES (
  SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
  ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
  ATTRIBUTE_BYTES    BLOB         NOT NULL,
  CONSTRAINT dd_session_attributes_pk PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT dd_session_attributes_fk FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES dd_session (PRIMARY_ID)
    ON DELETE CASCADE
);
