-- The online channel (DOMAIN.md §2a): an application made on the website is a submission until a clerk confirms it;
-- confirmation registers the request (request_id). The query code is kept only as a salted hash.
CREATE TABLE dd_submission (
  id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
  submission_number     VARCHAR(20)   NOT NULL,
  status                VARCHAR(30)   NOT NULL,
  submitted_at          DATETIME      NOT NULL,
  submitted_on          DATE          NOT NULL,
  applicant_type        VARCHAR(40)   NOT NULL,
  applicant_name        VARCHAR(100)  NOT NULL,
  applicant_id_type     VARCHAR(40),
  applicant_id_number   VARCHAR(40),
  applicant_credit_code VARCHAR(40),
  applicant_email       VARCHAR(254),
  applicant_phone       VARCHAR(40)   NOT NULL,
  applicant_address     VARCHAR(2000),
  agent_name            VARCHAR(100),
  agent_id_type         VARCHAR(40),
  agent_id_number       VARCHAR(40),
  agent_phone           VARCHAR(40),
  description           TEXT          NOT NULL,
  requested_forms       VARCHAR(100),
  delivery_channel      VARCHAR(20),
  query_code_salt       VARCHAR(64)   NOT NULL,
  query_code_hash       VARCHAR(64)   NOT NULL,
  request_id            VARCHAR(36),
  decided_at            DATETIME,
  decided_by            VARCHAR(64),
  rejection_reason      VARCHAR(2000),
  withdrawn_at          DATETIME,
  withdrawal_reason     VARCHAR(2000),
  process_instance_id   VARCHAR(64),
  CONSTRAINT uq_submission_number UNIQUE (submission_number),
  CONSTRAINT fk_submission_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_submission_status ON dd_submission (status, submitted_at);
CREATE INDEX ix_submission_request ON dd_submission (request_id);
CREATE INDEX ix_submission_process ON dd_submission (process_instance_id);

-- Uploads (identity proof, supplement material): judged by content, never served to the public, kept with the
-- submission and its request and deleted with them.
CREATE TABLE dd_submission_attachment (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  submission_id  VARCHAR(36)   NOT NULL,
  name           VARCHAR(255)  NOT NULL,
  content_type   VARCHAR(100)  NOT NULL,
  size_bytes     INT           NOT NULL,
  sha256         VARCHAR(64)   NOT NULL,
  content        LONGBLOB      NOT NULL,
  purpose        VARCHAR(20)   NOT NULL,
  created_at     DATETIME      NOT NULL,
  CONSTRAINT fk_attachment_submission FOREIGN KEY (submission_id) REFERENCES dd_submission (id) ON DELETE CASCADE
);
CREATE INDEX ix_attachment_submission ON dd_submission_attachment (submission_id);

-- Every public access that reads or changes a submission (who asked, from where, what, with what result).
CREATE TABLE dd_public_access (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at                 DATETIME      NOT NULL,
  client_address     VARCHAR(64)   NOT NULL,
  action             VARCHAR(40)   NOT NULL,
  submission_number  VARCHAR(40),
  outcome            VARCHAR(40)   NOT NULL
);
CREATE INDEX ix_public_access_submission ON dd_public_access (submission_number, at);

-- Proof-of-work solutions already used: one use each, on every node (the primary key refuses the second).
CREATE TABLE dd_altcha_spent (
  signature   VARCHAR(128)  NOT NULL PRIMARY KEY,
  expires_at  DATETIME      NOT NULL
);
CREATE INDEX ix_altcha_expires ON dd_altcha_spent (expires_at);

-- Per-client and per-submission limits, shared by the cluster's nodes (Bucket4j's MySQL table layout).
CREATE TABLE dd_rate_bucket (
  id          VARCHAR(200)  NOT NULL PRIMARY KEY,
  state       BLOB,
  expires_at  BIGINT
);

-- Which identity document the number is (API.md "Identity"); null for requests registered before.
ALTER TABLE dd_request ADD COLUMN applicant_id_type VARCHAR(40);
ALTER TABLE dd_request ADD COLUMN agent_id_type VARCHAR(40);
