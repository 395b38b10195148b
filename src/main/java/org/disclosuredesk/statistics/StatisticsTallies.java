package org.disclosuredesk.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.disclosuredesk.request.RequestRowObserver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps dd_stat_tally (V9; per agency since V19) equal to a recount of dd_request, so a year's table reads a few
 * hundred rows instead of two index ranges as long as the year's requests.
 *
 * <p>In each transaction it notes, at the first write to a request, which groups the request counted in (read under
 * the row lock), and just before the commit which groups it counts in now; the difference goes into the tallies,
 * in key order, as updates only (a new group's row is created beforehand in a transaction of its own), so two
 * commits cannot deadlock. The tally rows are locked only from there to the commit, like
 * the tracking-number counter, so concurrent registrations do not queue on the month's busiest group for their
 * whole transaction. A rollback leaves the tallies untouched.
 */
@Component
public class StatisticsTallies implements RequestRowObserver {

  /** The columns the generated stat_* columns of V6 are computed from. */
  static final Set<String> COLUMNS = Set.of("received_on", "applicant_type", "channel", "topic", "concluded_on",
      "outcome", "already_public", "third_party_interest", "not_held_reason", "due_on", "original_due_on",
      "extension_working_days", "agency_code");

  /** One tally row: NEW by receipt year, CONCLUDED by conclusion year; each agency's own (DOMAIN.md §8, V19). */
  record Group(String facet, int year, String agency, int key, String topic) {
    /** The primary key's order, so concurrent commits lock rows in one order. */
    static final Comparator<Group> ORDER = Comparator.comparingInt(Group::year).thenComparing(Group::agency)
        .thenComparing(Group::facet).thenComparingInt(Group::key).thenComparing(Group::topic);
  }

  private final JdbcClient jdbc;
  /** Creates a new group's row outside the writing transaction (see {@link #add}). */
  private final TransactionTemplate create;
  /** Writes outside a Spring transaction (tests, tools): applied right after the write. */
  private final ThreadLocal<Map<String, List<Group>>> untransacted = ThreadLocal.withInitial(LinkedHashMap::new);

  public StatisticsTallies(JdbcClient jdbc, PlatformTransactionManager txm) {
    this.jdbc = jdbc;
    this.create = new TransactionTemplate(txm);
    this.create.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void beforeWrite(String requestId, boolean insert, Set<String> columns) {
    if (!insert && Collections.disjoint(columns, COLUMNS)) {
      return;
    }
    pending().computeIfAbsent(requestId, id -> insert ? List.of() : groups(List.of(id), true).getOrDefault(id,
        List.of()));
  }

  @Override
  public void afterWrite(String requestId, boolean insert, Set<String> columns) {
    if (TransactionSynchronizationManager.isSynchronizationActive()
        || !insert && Collections.disjoint(columns, COLUMNS)) {
      return; // in a transaction: applied just before its commit
    }
    try {
      apply(untransacted.get());
    } finally {
      untransacted.remove();
    }
  }

  /** The groups each request counted in at its first write in this transaction, by request id. */
  private Map<String, List<Group>> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return untransacted.get();
    }
    @SuppressWarnings("unchecked")
    Map<String, List<Group>> before = (Map<String, List<Group>>) TransactionSynchronizationManager.getResource(this);
    if (before == null) {
      Map<String, List<Group>> fresh = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResource(StatisticsTallies.this);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(StatisticsTallies.this, fresh);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
          apply(fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(StatisticsTallies.this);
        }
      });
      before = fresh;
    }
    return before;
  }

  /** Adds the difference between the groups now and the groups noted before. */
  private void apply(Map<String, List<Group>> before) {
    if (before.isEmpty()) {
      return;
    }
    Map<String, List<Group>> now = groups(new ArrayList<>(before.keySet()), false);
    Map<Group, Long> delta = new TreeMap<>(Group.ORDER);
    before.forEach((id, groups) -> groups.forEach(g -> delta.merge(g, -1L, Long::sum)));
    now.forEach((id, groups) -> groups.forEach(g -> delta.merge(g, 1L, Long::sum)));
    before.clear();
    delta.forEach((g, n) -> {
      if (n != 0) {
        add(g, n);
      }
    });
  }

  private void add(Group g, long n) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (increment(g, n) > 0) {
        return;
      }
      // a group seen for the first time (or just removed by a recount): its row is created, at zero, in a
      // transaction of its own. Created here, two transactions adding the same new group both held a shared lock
      // from the failed duplicate insert and then both waited for the exclusive one: a deadlock (seen on MariaDB).
      // Now this transaction only updates.
      create.executeWithoutResult(s -> {
        try {
          jdbc.sql("INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)"
                  + " VALUES (?, ?, ?, ?, ?, 0)")
              .params(g.year(), g.agency(), g.facet(), g.key(), g.topic()).update();
        } catch (DuplicateKeyException raced) {
          // another transaction created it first
        }
      });
    }
    throw new IllegalStateException("could not update the statistics tally " + g);
  }

  private int increment(Group g, long n) {
    return jdbc.sql("UPDATE dd_stat_tally SET n = n + ? WHERE stat_year = ? AND agency_code = ? AND facet = ?"
            + " AND stat_key = ? AND topic = ?")
        .params(n, g.year(), g.agency(), g.facet(), g.key(), g.topic()).update();
  }

  /** The groups the given requests count in, as dd_request holds them now (optionally locking the rows). */
  private Map<String, List<Group>> groups(List<String> ids, boolean lock) {
    Map<String, List<Group>> out = new HashMap<>();
    String in = String.join(",", Collections.nCopies(ids.size(), "?"));
    jdbc.sql("SELECT id, agency_code, stat_received_year, stat_new_key, topic, stat_concluded_year,"
            + " stat_concluded_key FROM dd_request WHERE id IN (" + in + ")" + (lock ? " FOR UPDATE" : ""))
        .params(ids.toArray())
        .query(rs -> {
          List<Group> g = new ArrayList<>(2);
          String topic = rs.getString("topic");
          String agency = rs.getString("agency_code");
          g.add(new Group(Tally.Facet.NEW.name(), rs.getInt("stat_received_year"), agency, rs.getInt("stat_new_key"),
              topic == null ? "" : topic));
          int concluded = rs.getInt("stat_concluded_year");
          if (!rs.wasNull()) {
            g.add(new Group(Tally.Facet.CONCLUDED.name(), concluded, agency, rs.getInt("stat_concluded_key"), ""));
          }
          out.put(rs.getString("id"), g);
        });
    return out;
  }

  /**
   * Recounts all tallies from dd_request (the statement of V19), for data written past the application: a bulk
   * load, a hand correction. In the caller's transaction; meant for a quiet moment: writers wait for it, and one
   * that adds a new group at the same instant can make it fail (it then changes nothing: run it again).
   */
  public void rebuild() {
    jdbc.sql("DELETE FROM dd_stat_tally").update();
    jdbc.sql("INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)"
        + " SELECT stat_concluded_year, agency_code, 'CONCLUDED', stat_concluded_key, '', COUNT(*) FROM dd_request"
        + " WHERE stat_concluded_year IS NOT NULL GROUP BY stat_concluded_year, agency_code, stat_concluded_key")
        .update();
    // in index order first, then no topic and '' merged (V19 says why)
    jdbc.sql("INSERT INTO dd_stat_tally (stat_year, agency_code, facet, stat_key, topic, n)"
        + " SELECT y, a, 'NEW', k, t, SUM(c) FROM (SELECT stat_received_year y, agency_code a, stat_new_key k,"
        + " COALESCE(topic, '') t, COUNT(*) c FROM dd_request GROUP BY stat_received_year, agency_code, stat_new_key,"
        + " topic) g GROUP BY y, a, k, t").update();
  }
}
