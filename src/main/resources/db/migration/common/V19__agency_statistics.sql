-- Each agency's annual statistics are its own (DOMAIN.md §8 "Reports", 条例 Art. 49): the running tallies, the
-- freezes and table 二 get an agency. Portable SQL for H2 and MySQL/MariaDB.

-- Running tallies (V9) per agency. Recounted from dd_request.agency_code rather than assigned to the default agency:
-- correct whatever agencies the requests already belong to. Key in query order: a year, then an agency's rows, so
-- both one agency's table and the overview of all agencies read one contiguous range.
DROP TABLE dd_stat_tally;
CREATE TABLE dd_stat_tally (
  stat_year   INT          NOT NULL,
  agency_code VARCHAR(16)  NOT NULL,
  facet       VARCHAR(10)  NOT NULL,
  stat_key    INT          NOT NULL,
  topic       VARCHAR(100) NOT NULL,  -- '' when the request has none (NEW only; always '' for CONCLUDED)
  n           BIGINT       NOT NULL,
  PRIMARY KEY (stat_year, agency_code, facet, stat_key, topic)
);
-- the grouped ranges of V6 (received / concluded in a year) with the agency after the year: one agency's groups, and
-- all agencies' groups agency by agency (the overview, the recount below and StatisticsTallies.rebuild), come in
-- index order instead of being sorted
DROP INDEX ix_request_stats_concluded ON dd_request;
DROP INDEX ix_request_stats_received ON dd_request;
CREATE INDEX ix_request_stats_concluded ON dd_request (stat_concluded_year, agency_code, stat_concluded_key);
CREATE INDEX ix_request_stats_received ON dd_request (stat_received_year, agency_code, stat_new_key, topic);

INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)
  SELECT stat_concluded_year, agency_code, 'CONCLUDED', stat_concluded_key, '', COUNT(*) FROM dd_request
  WHERE stat_concluded_year IS NOT NULL GROUP BY stat_concluded_year, agency_code, stat_concluded_key;
-- grouped in index order first, then no topic and '' merged: grouping a million rows on COALESCE(topic, '') makes
-- MariaDB sort them all in an on-disk table (21 s instead of 2 s at 1,000,000 requests in 40 agencies)
INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)
  SELECT y, a, 'NEW', k, t, SUM(c) FROM (
    SELECT stat_received_year y, agency_code a, stat_new_key k, COALESCE(topic, '') t, COUNT(*) c FROM dd_request
    GROUP BY stat_received_year, agency_code, stat_new_key, topic) g
  GROUP BY y, a, k, t;

-- "open at a date" (二 carried over, 四 carried forward) stays a covering index range, now also per agency and for
-- the overview grouped by agency; the V6 indexes without the agency would make the database read each row
DROP INDEX ix_request_stats_open_c ON dd_request;
DROP INDEX ix_request_stats_open_r ON dd_request;
CREATE INDEX ix_request_stats_open_c ON dd_request (concluded_on, received_on, agency_code, applicant_type);
CREATE INDEX ix_request_stats_open_r ON dd_request (received_on, concluded_on, agency_code, applicant_type);

-- freezes per agency; those made before belong to the default agency (disclosure.agency.code)
ALTER TABLE dd_statistics_freeze ADD COLUMN agency_code VARCHAR(16) DEFAULT '${default_agency}' NOT NULL;
DROP INDEX ix_statistics_freeze_year ON dd_statistics_freeze;
CREATE INDEX ix_statistics_freeze_agency ON dd_statistics_freeze (report_year, format, agency_code, frozen_at);

-- table 二 per agency and year; the rows so far are the default agency's
ALTER TABLE dd_proactive_disclosure ADD COLUMN agency_code VARCHAR(16) DEFAULT '${default_agency}' NOT NULL;
ALTER TABLE dd_proactive_disclosure DROP PRIMARY KEY;
ALTER TABLE dd_proactive_disclosure ADD PRIMARY KEY (agency_code, report_year);
