-- Running tallies of the two big groupings of table 三, kept by the application in each request's own transaction
-- (statistics.StatisticsTallies): NEW = requests received, by receipt year and stat_new_key (+ topic);
-- CONCLUDED = requests concluded, by conclusion year and stat_concluded_key. A year's table then reads a few
-- hundred rows whatever the volume. The reconciliation compares them with a recount of dd_request, and
-- StatisticsTallies.rebuild() recounts them after data was written past the application (bulk loads, hand fixes).
CREATE TABLE dd_stat_tally (
  facet     VARCHAR(10)  NOT NULL,
  stat_year INT          NOT NULL,
  stat_key  INT          NOT NULL,
  topic     VARCHAR(100) NOT NULL,  -- '' when the request has none (NEW only; always '' for CONCLUDED)
  n         BIGINT       NOT NULL,
  PRIMARY KEY (facet, stat_year, stat_key, topic)
);

INSERT INTO dd_stat_tally (facet, stat_year, stat_key, topic, n)
  SELECT 'CONCLUDED', stat_concluded_year, stat_concluded_key, '', COUNT(*) FROM dd_request
  WHERE stat_concluded_year IS NOT NULL GROUP BY stat_concluded_year, stat_concluded_key;
INSERT INTO dd_stat_tally (facet, stat_year, stat_key, topic, n)
  SELECT 'NEW', stat_received_year, stat_new_key, COALESCE(topic, ''), COUNT(*) FROM dd_request
  GROUP BY stat_received_year, stat_new_key, COALESCE(topic, '');
