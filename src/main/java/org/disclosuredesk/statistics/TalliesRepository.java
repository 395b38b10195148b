package org.disclosuredesk.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.statistics.counting.Tally;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The running tallies (dd_stat_tally, V9; per agency since V19) and the groups a request counts in,
 * read from the generated stat_* columns of dd_request (V6). {@link StatisticsTallies} decides when
 * to write; this says how.
 */
@Repository
public class TalliesRepository {

  /**
   * One tally row: NEW by receipt year, CONCLUDED by conclusion year; each agency's own (DOMAIN.md
   * §8, V19).
   */
  public record Group(String facet, int year, String agency, int key, String topic) {
    /** The primary key's order, so concurrent commits lock rows in one order. */
    static final Comparator<Group> ORDER =
        Comparator.comparingInt(Group::year)
            .thenComparing(Group::agency)
            .thenComparing(Group::facet)
            .thenComparingInt(Group::key)
            .thenComparing(Group::topic);
  }

  private final JdbcClient jdbc;

  public TalliesRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds {@code n} to the group's row; 0 when the group has no row yet. */
  public int increment(Group g, long n) {
    return jdbc.sql(
            "UPDATE dd_stat_tally SET n = n + ? WHERE stat_year = ? AND agency_code = ? AND facet = ?"
                + " AND stat_key = ? AND topic = ?")
        .params(n, g.year(), g.agency(), g.facet(), g.key(), g.topic())
        .update();
  }

  /** Creates the group's row at zero, unless another transaction just did. */
  public void create(Group g) {
    try {
      jdbc.sql(
              "INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)"
                  + " VALUES (?, ?, ?, ?, ?, 0)")
          .params(g.year(), g.agency(), g.facet(), g.key(), g.topic())
          .update();
    } catch (DuplicateKeyException raced) {
      // another transaction created it first
    }
  }

  /**
   * The groups the given requests count in, as dd_request holds them now (optionally locking the
   * rows).
   */
  public Map<String, List<Group>> groups(List<String> ids, boolean lock) {
    Map<String, List<Group>> out = new HashMap<>();
    String in = String.join(",", Collections.nCopies(ids.size(), "?"));
    jdbc.sql(
            "SELECT id, agency_code, stat_received_year, stat_new_key, topic, stat_concluded_year,"
                + " stat_concluded_key FROM dd_request WHERE id IN ("
                + in
                + ")"
                + (lock ? " FOR UPDATE" : ""))
        .params(ids.toArray())
        .query(
            rs -> {
              List<Group> g = new ArrayList<>(2);
              String topic = rs.getString("topic");
              String agency = rs.getString("agency_code");
              g.add(
                  new Group(
                      Tally.Facet.NEW.name(),
                      rs.getInt("stat_received_year"),
                      agency,
                      rs.getInt("stat_new_key"),
                      topic == null ? "" : topic));
              int concluded = rs.getInt("stat_concluded_year");
              if (!rs.wasNull()) {
                g.add(
                    new Group(
                        Tally.Facet.CONCLUDED.name(),
                        concluded,
                        agency,
                        rs.getInt("stat_concluded_key"),
                        ""));
              }
              out.put(rs.getString("id"), g);
            });
    return out;
  }

  /**
   * Recounts all tallies from dd_request (the statement of V19), for data written past the
   * application: a bulk load, a hand correction. In the caller's transaction; meant for a quiet
   * moment: writers wait for it, and one that adds a new group at the same instant can make it fail
   * (it then changes nothing: run it again).
   */
  public void rebuild() {
    jdbc.sql("DELETE FROM dd_stat_tally").update();
    jdbc.sql(
            "INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)"
                + " SELECT stat_concluded_year, agency_code, 'CONCLUDED', stat_concluded_key, '', COUNT(*) FROM dd_request"
                + " WHERE stat_concluded_year IS NOT NULL GROUP BY stat_concluded_year, agency_code, stat_concluded_key")
        .update();
    // in index order first, then no topic and '' merged (V19 says why)
    jdbc.sql(
            "INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)"
                + " SELECT y, a, 'NEW', k, t, SUM(c) FROM (SELECT stat_received_year y, agency_code a, stat_new_key k,"
                + " COALESCE(topic, '') t, COUNT(*) c FROM dd_request GROUP BY stat_received_year, agency_code, stat_new_key,"
                + " topic) g GROUP BY y, a, k, t")
        .update();
  }

  /** How many tally rows there are. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM dd_stat_tally").query(Long.class).single();
  }
}
