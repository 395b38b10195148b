package org.disclosuredesk.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.disclosuredesk.request.RequestRowObserver;
import org.disclosuredesk.statistics.TalliesRepository.Group;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps dd_stat_tally (V9; per agency since V19) equal to a recount of dd_request, so a year's
 * table reads a few hundred rows instead of two index ranges as long as the year's requests.
 *
 * <p>In each transaction it notes, at the first write to a request, which groups the request
 * counted in (read under the row lock), and just before the commit which groups it counts in now;
 * the difference goes into the tallies, in key order, as updates only (a new group's row is created
 * beforehand in a transaction of its own), so two commits cannot deadlock. The tally rows are
 * locked only from there to the commit, like the tracking-number counter, so concurrent
 * registrations do not queue on the month's busiest group for their whole transaction. A rollback
 * leaves the tallies untouched. The statements are {@link TalliesRepository}'s.
 */
@Component
public class StatisticsTallies implements RequestRowObserver {

  /** The columns the generated stat_* columns of V6 are computed from. */
  static final Set<String> COLUMNS =
      Set.of(
          "received_on",
          "applicant_type",
          "channel",
          "topic",
          "concluded_on",
          "outcome",
          "already_public",
          "third_party_interest",
          "not_held_reason",
          "due_on",
          "original_due_on",
          "extension_working_days",
          "agency_code");

  private final TalliesRepository tallies;

  /** Creates a new group's row outside the writing transaction (see {@link #add}). */
  private final TransactionTemplate create;

  /** Writes outside a Spring transaction (tests, tools): applied right after the write. */
  private final ThreadLocal<Map<String, List<Group>>> untransacted =
      ThreadLocal.withInitial(LinkedHashMap::new);

  public StatisticsTallies(TalliesRepository tallies, PlatformTransactionManager txm) {
    this.tallies = tallies;
    this.create = new TransactionTemplate(txm);
    this.create.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void beforeWrite(String requestId, boolean insert, Set<String> columns) {
    if (!insert && Collections.disjoint(columns, COLUMNS)) {
      return;
    }
    pending()
        .computeIfAbsent(
            requestId,
            id ->
                insert ? List.of() : tallies.groups(List.of(id), true).getOrDefault(id, List.of()));
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

  /** What a transaction noted so far, bound to it under this observer. */
  private static final class Pending {
    final Map<String, List<Group>> before = new LinkedHashMap<>();
  }

  /** The groups each request counted in at its first write in this transaction, by request id. */
  private Map<String, List<Group>> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return untransacted.get();
    }
    if (!(TransactionSynchronizationManager.getResource(this) instanceof Pending bound)) {
      Pending fresh = new Pending();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
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
              apply(fresh.before);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(StatisticsTallies.this);
            }
          });
      return fresh.before;
    }
    return bound.before;
  }

  /** Adds the difference between the groups now and the groups noted before. */
  private void apply(Map<String, List<Group>> before) {
    if (before.isEmpty()) {
      return;
    }
    Map<String, List<Group>> now = tallies.groups(new ArrayList<>(before.keySet()), false);
    Map<Group, Long> delta = new TreeMap<>(Group.ORDER);
    before.forEach((id, groups) -> groups.forEach(g -> delta.merge(g, -1L, Long::sum)));
    now.forEach((id, groups) -> groups.forEach(g -> delta.merge(g, 1L, Long::sum)));
    before.clear();
    delta.forEach(
        (g, n) -> {
          if (n != 0) {
            add(g, n);
          }
        });
  }

  private void add(Group g, long n) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (tallies.increment(g, n) > 0) {
        return;
      }
      // a group seen for the first time (or just removed by a recount): its row is created, at
      // zero, in a transaction of its own. Created here, two transactions adding the same new group
      // both held a shared lock from the failed duplicate insert and then both waited for the
      // exclusive one: a deadlock (seen on MariaDB). Now this transaction only updates.
      create.executeWithoutResult(s -> tallies.create(g));
    }
    throw new IllegalStateException("could not update the statistics tally " + g);
  }
}
