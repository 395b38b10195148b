-- Administrative reconsideration (行政复议) and litigation (行政诉讼) caused by a request: table 四 of the report.
CREATE TABLE dd_appeal (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  request_id          VARCHAR(36)   NOT NULL,
  kind                VARCHAR(40)   NOT NULL,
  received_on         DATE          NOT NULL,
  case_number         VARCHAR(100)  NOT NULL,
  body                VARCHAR(200)  NOT NULL,
  simple_procedure    BOOLEAN       NOT NULL DEFAULT FALSE,
  response_due_on     DATE          NOT NULL,
  submitted_on        DATE,
  result              VARCHAR(20),
  decided_on          DATE,
  status              VARCHAR(20)   NOT NULL,
  warning             VARCHAR(2000),
  process_instance_id VARCHAR(64),
  created_at          DATETIME      NOT NULL,
  created_by          VARCHAR(64),
  CONSTRAINT fk_appeal_request FOREIGN KEY (request_id) REFERENCES dd_request (id)
);
CREATE INDEX ix_appeal_request ON dd_appeal (request_id);
CREATE INDEX ix_appeal_decided ON dd_appeal (decided_on);
