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

-- The statistics statement reads only these columns: covering indexes turn each of its branches into one index
-- range (conclusion date: concluded, carried forward; receipt date: new requests by channel and topic, carried over)
-- instead of a table scan. Measured in bench-results/statistics.md.
CREATE INDEX ix_request_stats_concluded ON dd_request (concluded_on, received_on, applicant_type, outcome,
  already_public, third_party_interest, not_held_reason, due_on, original_due_on, extension_working_days);
CREATE INDEX ix_request_stats_received ON dd_request (received_on, applicant_type, channel, topic, concluded_on);
CREATE INDEX ix_fee_paid ON dd_fee_notice (paid_on, status);
CREATE INDEX ix_appeal_received ON dd_appeal (received_on);
