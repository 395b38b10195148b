-- Our own business data, keyed by the request id; Camunda keeps only the few variables its gateways need.
-- Portable SQL: runs on H2 and MySQL 8.4 / MariaDB (utf8mb4 set by the mysql beforeMigrate callback).

CREATE TABLE dd_request (
  id                      VARCHAR(36)  NOT NULL PRIMARY KEY,
  tracking_number         VARCHAR(20)  NOT NULL,
  receipt_year            INT          NOT NULL,
  channel                 VARCHAR(20)  NOT NULL,
  arrived_on              DATE         NOT NULL,
  confirmed_on            DATE,
  received_on             DATE         NOT NULL,
  clock_start_on          DATE,
  period_working_days     INT          NOT NULL,
  custom_period_reason    TEXT,
  extension_working_days  INT          NOT NULL DEFAULT 0,
  due_on                  DATE,
  original_due_on         DATE,
  applicant_type          VARCHAR(40)  NOT NULL,
  applicant_name          VARCHAR(100) NOT NULL,
  applicant_id_number     VARCHAR(40),
  applicant_credit_code   VARCHAR(40),
  applicant_email         VARCHAR(254),
  applicant_phone         VARCHAR(40),
  applicant_address       VARCHAR(2000),
  applicant_key           VARCHAR(300) NOT NULL,
  agent_name              VARCHAR(100),
  agent_id_number         VARCHAR(40),
  agent_phone             VARCHAR(40),
  description             TEXT         NOT NULL,
  topic                   VARCHAR(100),
  requested_forms         VARCHAR(100),
  delivery_channel        VARCHAR(20),
  external_reference      VARCHAR(200),
  status                  VARCHAR(40)  NOT NULL,
  supplement_notice_on    DATE,
  supplement_due_on       DATE,
  supplement_items        TEXT,
  supplement_received_on  DATE,
  outcome                 VARCHAR(60),
  decided_on              DATE,
  signed_off_on           DATE,
  concluded_on            DATE,
  delivery_method         VARCHAR(20),
  outcome_reason          TEXT,
  already_public          BOOLEAN,
  third_party_interest    VARCHAR(40),
  not_held_reason         VARCHAR(40),
  responsible_agency      VARCHAR(200),
  related_request_id      VARCHAR(36),
  related_reference       VARCHAR(2000),
  confidentiality_reviewed_by VARCHAR(100),
  confidentiality_reviewed_on DATE,
  fees_collected_yuan     DECIMAL(12, 2) NOT NULL DEFAULT 0,
  process_instance_id     VARCHAR(64),
  created_at              DATETIME     NOT NULL,
  created_by              VARCHAR(64),
  version                 INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_request_tracking UNIQUE (tracking_number),
  CONSTRAINT uq_request_external UNIQUE (external_reference)
);
CREATE INDEX ix_request_received ON dd_request (received_on);
CREATE INDEX ix_request_concluded ON dd_request (concluded_on);
CREATE INDEX ix_request_status ON dd_request (status, due_on);
CREATE INDEX ix_request_applicant ON dd_request (applicant_key, received_on);

-- gap-free tracking numbers per receipt year: the row lock serialises concurrent registrations of one year
CREATE TABLE dd_tracking_counter (
  receipt_year INT NOT NULL PRIMARY KEY,
  last_value   INT NOT NULL
);

-- clock stops (Art. 32-34, 42): kept as intervals so the due date can be recomputed and explained
CREATE TABLE dd_suspension (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  request_id  VARCHAR(36) NOT NULL,
  kind        VARCHAR(40) NOT NULL,
  from_on     DATE        NOT NULL,
  to_on       DATE,
  source_id   VARCHAR(36),
  CONSTRAINT fk_suspension_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_suspension_request ON dd_suspension (request_id);

CREATE TABLE dd_consultation (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  request_id    VARCHAR(36)  NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  party         VARCHAR(200) NOT NULL,
  sent_on       DATE         NOT NULL,
  delivered_on  DATE         NOT NULL,
  answer_due_on DATE         NOT NULL,
  replied_on    DATE,
  opinion       VARCHAR(20),
  status        VARCHAR(20)  NOT NULL,
  CONSTRAINT fk_consultation_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_consultation_request ON dd_consultation (request_id);

CREATE TABLE dd_fee_notice (
  id             VARCHAR(36)    NOT NULL PRIMARY KEY,
  request_id     VARCHAR(36)    NOT NULL,
  notice_on      DATE           NOT NULL,
  delivered_on   DATE           NOT NULL,
  method         VARCHAR(20)    NOT NULL,
  pages          INT,
  amount_yuan    DECIMAL(12, 2) NOT NULL,
  waived         BOOLEAN        NOT NULL,
  waiver_reason  VARCHAR(2000),
  payment_due_on DATE,
  paid_on        DATE,
  status         VARCHAR(20)    NOT NULL,
  CONSTRAINT fk_fee_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_fee_request ON dd_fee_notice (request_id);

CREATE TABLE dd_extension (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  request_id    VARCHAR(36)   NOT NULL,
  requested_on  DATE          NOT NULL,
  working_days  INT           NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  decided_on    DATE,
  decided_by    VARCHAR(64),
  CONSTRAINT fk_extension_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_extension_request ON dd_extension (request_id);

-- the request's history: who did what, when (Art. 45 登记、审核、办理、答复、归档)
CREATE TABLE dd_event (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  request_id  VARCHAR(36)  NOT NULL,
  at          DATETIME     NOT NULL,
  seq         BIGINT       NOT NULL,
  type        VARCHAR(60)  NOT NULL,
  actor       VARCHAR(64),
  details     TEXT,
  CONSTRAINT fk_event_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_event_request ON dd_event (request_id, seq);
