package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.kernel.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running tallies (dd_stat_tally) equal a recount of dd_request after any mix of writes:
 * inserts, changes of every column the groupings read, rollbacks, nested transactions, writes
 * outside a transaction, and concurrent transactions on the same groups. Years 2041–2044 belong to
 * this test: the schema is shared on MySQL, and requests this test leaves open would otherwise be
 * carried forward into the years other tests check.
 */
class StatisticsTalliesTest extends StatisticsTestSupport {

  static final String[] TYPES = {
    "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "LEGAL_SERVICE_PROVIDER"
  };
  static final String[] CHANNELS = {"ONLINE", "IN_PERSON", "POST_REGISTERED"};
  static final String[] TOPICS = {null, "社保信息", "规划计划"};

  @Autowired PlatformTransactionManager txm;

  @Test
  void randomWritesRollbacksAndUntransactedWritesKeepTalliesEqualToRecount() {
    Random rnd = new Random(20240101);
    TransactionTemplate tx = new TransactionTemplate(txm);
    List<String> ids = new ArrayList<>();
    int rolledBack = 0;
    for (int step = 0; step < 250; step++) {
      boolean rollback = rnd.nextInt(8) == 0;
      boolean untransacted = !rollback && rnd.nextInt(10) == 0;
      List<String> created = new ArrayList<>();
      Runnable writes =
          () -> {
            for (int op = 0, ops = 1 + rnd.nextInt(3); op < ops; op++) {
              if (ids.isEmpty() || rnd.nextInt(3) == 0) {
                created.add(insert(rnd, 2041 + rnd.nextInt(3)));
              } else {
                requests.update(ids.get(rnd.nextInt(ids.size())), change(rnd));
              }
            }
          };
      if (untransacted) {
        writes.run();
      } else {
        tx.executeWithoutResult(
            status -> {
              writes.run();
              if (rollback) {
                status.setRollbackOnly();
              }
            });
      }
      if (rollback) {
        rolledBack++;
      } else {
        ids.addAll(created);
      }
    }
    assertThat(rolledBack).isPositive();
    assertThat(statistics.table(2042).rows().get("NEW_THIS_YEAR")[6])
        .as("new in 2042")
        .isPositive();
    for (int year = 2040; year <= 2045; year++) {
      assertThat(reconciliation.tallies(year).consistent()).as("year " + year).isTrue();
    }
  }

  @Test
  void aNestedTransactionCommitsItsOwnChangesWhenTheOuterOneRollsBack() {
    Random rnd = new Random(3);
    String a = insert(rnd, 2042);
    String b = insert(rnd, 2042);
    TransactionTemplate outer = new TransactionTemplate(txm);
    TransactionTemplate inner = new TransactionTemplate(txm);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    outer.executeWithoutResult(
        status -> {
          requests.update(a, conclusion(Outcome.DISCLOSED, LocalDate.of(2042, 12, 30)));
          inner.executeWithoutResult(
              s -> requests.update(b, conclusion(Outcome.OTHER, LocalDate.of(2043, 1, 6))));
          requests.update(a, Columns.of("topic", "改了的主题"));
          status.setRollbackOnly();
        });
    assertThat(requests.get(a).concludedOn()).isNull();
    assertThat(requests.get(b).concludedOn()).isEqualTo(LocalDate.of(2043, 1, 6));
    for (int year = 2042; year <= 2043; year++) {
      assertThat(reconciliation.tallies(year).consistent()).as("year " + year).isTrue();
    }
  }

  @Test
  void aWritePastTheApplicationShowsInTheReconciliationUntilTheTalliesAreRebuilt() {
    String id = insert(new Random(5), 2044);
    requests.update(id, conclusion(Outcome.DISCLOSED, LocalDate.of(2044, 3, 1)));
    jdbc.sql("UPDATE dd_request SET outcome = 'PARTIALLY_DISCLOSED' WHERE id = ?")
        .param(id)
        .update();

    Reconciliation.TallyCheck check = reconciliation.tallies(2044);
    assertThat(check.consistent()).isFalse();
    assertThat(check.differences())
        .extracting(Reconciliation.TallyDifference::group)
        .anyMatch(g -> g.startsWith("CONCLUDED") && g.contains("PARTIALLY_DISCLOSED"));
    assertThat(reconciliation.check(2044).runningTallies()).isEqualTo(check);

    // the manager's repair, over the API; a clerk may not
    Http http = new Http(port);
    assertThat(http.postJson("/api/statistics/tallies/rebuild", "{}", "clerk").statusCode())
        .isEqualTo(403);
    var rebuilt = http.postJson("/api/statistics/tallies/rebuild", "{}", "manager");
    assertThat(rebuilt.statusCode()).isEqualTo(200);
    assertThat(rebuilt.body()).contains("\"rebuiltBy\":\"manager\"", "\"groups\"");
    assertThat(reconciliation.tallies(2044).consistent()).isTrue();
    assertThat(reconciliation.check(2044).runningTallies().consistent()).isTrue();
  }

  @Test
  void concurrentTransactionsOnTheSameGroupsLoseNoCount() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(txm);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done.add(
            pool.submit(
                () -> {
                  Random rnd = new Random(seed);
                  for (int i = 0; i < 15; i++) {
                    tx.executeWithoutResult(
                        s -> {
                          // one group for everybody: the same tally rows, created by whichever
                          // transaction comes first
                          String id =
                              insert(
                                  2043,
                                  "NATURAL_PERSON",
                                  "ONLINE",
                                  "并发主题",
                                  LocalDate.of(2043, 4, 7));
                          if (rnd.nextBoolean()) {
                            requests.update(
                                id, conclusion(Outcome.DISCLOSED, LocalDate.of(2043, 4, 20)));
                          }
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(reconciliation.tallies(2043).consistent()).isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT n FROM dd_stat_tally WHERE facet = 'NEW' AND stat_year = 2043 AND topic = '并发主题'")
                .query(Long.class)
                .single())
        .isEqualTo(60);
  }

  private String insert(Random rnd, int year) {
    LocalDate received = LocalDate.of(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    return insert(
        year,
        TYPES[rnd.nextInt(TYPES.length)],
        CHANNELS[rnd.nextInt(CHANNELS.length)],
        TOPICS[rnd.nextInt(TOPICS.length)],
        received);
  }

  private String insert(int year, String type, String channel, String topic, LocalDate received) {
    String id = UUID.randomUUID().toString();
    Columns row = new Columns();
    row.set("id", id);
    row.set("tracking_number", "T" + id.substring(0, 18));
    row.set("receipt_year", year);
    row.set("channel", channel);
    row.set("arrived_on", received);
    row.set("received_on", received);
    row.set("period_working_days", 20);
    row.set("due_on", received.plusDays(28));
    row.set("original_due_on", received.plusDays(28));
    row.set("applicant_type", type);
    row.set("applicant_name", "某人");
    row.set("applicant_key", "k-" + id);
    row.set("description", "累计表测试");
    row.set("topic", topic);
    row.set("status", "HANDLING");
    row.set("created_at", LocalDateTime.of(2025, 6, 1, 10, 0));
    requests.insert(row);
    return id;
  }

  private static Columns conclusion(Outcome outcome, LocalDate on) {
    Columns m = new Columns();
    m.set("status", "CONCLUDED");
    m.set("outcome", outcome.name());
    m.set("concluded_on", on);
    return m;
  }

  /** A change to one or more columns, with and without a bearing on the groups. */
  private static Columns change(Random rnd) {
    Columns m = new Columns();
    switch (rnd.nextInt(8)) {
      case 0 ->
          m.setAll(
              conclusion(
                  Outcome.values()[rnd.nextInt(Outcome.values().length)],
                  LocalDate.of(2041 + rnd.nextInt(4), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))));
      case 1 -> {
        m.set("concluded_on", null);
        m.set("outcome", null);
        m.set("status", "HANDLING");
      }
      case 2 -> m.set("topic", TOPICS[rnd.nextInt(TOPICS.length)]);
      case 3 -> m.set("applicant_type", TYPES[rnd.nextInt(TYPES.length)]);
      case 4 ->
          m.set(
              "received_on",
              LocalDate.of(2041 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
      case 5 -> {
        m.set("due_on", LocalDate.of(2042, 1 + rnd.nextInt(12), 10));
        m.set("extension_working_days", rnd.nextBoolean() ? 20 : 0);
      }
      case 6 -> m.set("channel", CHANNELS[rnd.nextInt(CHANNELS.length)]);
      default -> m.set("status", "SCREENING"); // no bearing on the groups
    }
    return m;
  }
}
