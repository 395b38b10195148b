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

-- The statistics statement groups each big branch on one integer key kept in an indexed generated column, under an
-- equality on the year (also a generated column): the index is then already in group order, so the database counts
-- while it walks one index range, with no per-row CASE and no temporary table. Measured in bench-results/statistics.md.
-- The key expressions are StatisticsRepository.CONCLUDED_KEY / NEW_KEY verbatim (StatisticsKeysTest checks it): a new
-- outcome, applicant type, channel, … needs a new migration that redefines them. Plain GENERATED ALWAYS AS (…)
-- (no VIRTUAL/STORED): the one form H2, MySQL 8.4 and MariaDB 10.11 all accept (virtual on MySQL/MariaDB).
ALTER TABLE dd_request ADD COLUMN stat_concluded_year INT GENERATED ALWAYS AS (YEAR(concluded_on));
ALTER TABLE dd_request ADD COLUMN stat_concluded_key INT GENERATED ALWAYS AS (
  (CASE applicant_type WHEN 'NATURAL_PERSON' THEN 1 WHEN 'COMMERCIAL_ENTERPRISE' THEN 2 WHEN
  'RESEARCH_INSTITUTION' THEN 3 WHEN 'PUBLIC_INTEREST_ORGANIZATION' THEN 4 WHEN 'LEGAL_SERVICE_PROVIDER' THEN 5
  WHEN 'OTHER_ORGANIZATION' THEN 6 ELSE 0 END) * 1000000 + (CASE outcome WHEN 'DISCLOSED' THEN 1 WHEN
  'PARTIALLY_DISCLOSED' THEN 2 WHEN 'WITHHELD_STATE_SECRET' THEN 3 WHEN 'WITHHELD_PROHIBITED_BY_LAW' THEN 4 WHEN
  'WITHHELD_SECURITY_STABILITY' THEN 5 WHEN 'WITHHELD_THIRD_PARTY_RIGHTS' THEN 6 WHEN
  'WITHHELD_INTERNAL_AFFAIRS' THEN 7 WHEN 'WITHHELD_PROCESS_INFORMATION' THEN 8 WHEN
  'WITHHELD_ENFORCEMENT_CASE_FILE' THEN 9 WHEN 'WITHHELD_ADMINISTRATIVE_QUERY' THEN 10 WHEN
  'UNAVAILABLE_NOT_HELD' THEN 11 WHEN 'UNAVAILABLE_NEEDS_CREATION' THEN 12 WHEN 'UNAVAILABLE_STILL_UNCLEAR' THEN
  13 WHEN 'NOT_PROCESSED_PETITION' THEN 14 WHEN 'NOT_PROCESSED_DUPLICATE' THEN 15 WHEN
  'NOT_PROCESSED_PUBLICATION' THEN 16 WHEN 'NOT_PROCESSED_EXCESSIVE' THEN 17 WHEN 'NOT_PROCESSED_CONFIRMATION'
  THEN 18 WHEN 'OTHER_NO_SUPPLEMENT' THEN 19 WHEN 'OTHER_FEE_UNPAID' THEN 20 WHEN 'OTHER' THEN 21 ELSE 0 END) *
  10000 + CASE WHEN already_public THEN 1000 ELSE 0 END + (CASE third_party_interest WHEN 'TRADE_SECRET' THEN 1
  WHEN 'PERSONAL_PRIVACY' THEN 2 WHEN 'OTHER' THEN 3 ELSE 0 END) * 100 + (CASE not_held_reason WHEN
  'DOES_NOT_EXIST' THEN 1 WHEN 'OTHER_AGENCY' THEN 2 ELSE 0 END) * 10 + CASE WHEN due_on IS NULL THEN 0 WHEN
  concluded_on > due_on THEN 2 WHEN extension_working_days > 0 AND original_due_on IS NOT NULL AND concluded_on
  > original_due_on THEN 1 ELSE 0 END);
ALTER TABLE dd_request ADD COLUMN stat_received_year INT GENERATED ALWAYS AS (YEAR(received_on));
ALTER TABLE dd_request ADD COLUMN stat_new_key INT GENERATED ALWAYS AS (
  (CASE applicant_type WHEN 'NATURAL_PERSON' THEN 1 WHEN 'COMMERCIAL_ENTERPRISE' THEN 2 WHEN
  'RESEARCH_INSTITUTION' THEN 3 WHEN 'PUBLIC_INTEREST_ORGANIZATION' THEN 4 WHEN 'LEGAL_SERVICE_PROVIDER' THEN 5
  WHEN 'OTHER_ORGANIZATION' THEN 6 ELSE 0 END) * 10000 + (CASE channel WHEN 'IN_PERSON' THEN 1 WHEN
  'POST_REGISTERED' THEN 2 WHEN 'POST_ORDINARY' THEN 3 WHEN 'ONLINE' THEN 4 WHEN 'FAX' THEN 5 WHEN 'OTHER' THEN
  6 ELSE 0 END) * 100 + MONTH(received_on));
CREATE INDEX ix_request_stats_concluded ON dd_request (stat_concluded_year, stat_concluded_key);
CREATE INDEX ix_request_stats_received ON dd_request (stat_received_year, stat_new_key, topic);
-- carried over / carried forward (open at a date): covering, so the database takes whichever range is smaller
CREATE INDEX ix_request_stats_open_c ON dd_request (concluded_on, received_on, applicant_type);
CREATE INDEX ix_request_stats_open_r ON dd_request (received_on, concluded_on, applicant_type);
CREATE INDEX ix_fee_paid ON dd_fee_notice (paid_on, status);
CREATE INDEX ix_appeal_received ON dd_appeal (received_on);
