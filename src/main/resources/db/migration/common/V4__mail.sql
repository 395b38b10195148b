-- Outgoing mail: written in the step's transaction, delivered by an asynchronous Camunda job with retries, so a
-- mail server outage loses neither the request nor the mail; a mail that keeps failing becomes an incident.
CREATE TABLE dd_mail (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  request_id   VARCHAR(36),
  kind         VARCHAR(40)  NOT NULL,
  recipient    VARCHAR(254) NOT NULL,
  subject      VARCHAR(300) NOT NULL,
  body         TEXT         NOT NULL,
  attachments  VARCHAR(2000),
  status       VARCHAR(20)  NOT NULL,
  created_at   DATETIME     NOT NULL,
  sent_at      DATETIME,
  attempts     INT          NOT NULL DEFAULT 0,
  last_error   VARCHAR(2000)
);
CREATE INDEX ix_mail_request ON dd_mail (request_id);
CREATE INDEX ix_mail_status ON dd_mail (status);
