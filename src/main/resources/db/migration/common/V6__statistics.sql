-- Frozen annual statistics (POST /api/statistics/{year}/freeze): the published figures as they were, so later
-- back-filled or corrected requests show up as differences instead of silently changing a published report.
CREATE TABLE dd_statistics_freeze (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  report_year INT          NOT NULL,
  format      VARCHAR(20)  NOT NULL,
  frozen_at   DATETIME     NOT NULL,
  frozen_by   VARCHAR(64)  NOT NULL,
  snapshot    TEXT         NOT NULL
);
CREATE INDEX ix_statistics_freeze_year ON dd_statistics_freeze (report_year, format, frozen_at);
