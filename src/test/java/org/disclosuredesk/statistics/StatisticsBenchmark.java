package org.disclosuredesk.statistics;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Tally;
import org.disclosuredesk.statistics.counting.Timeliness;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table 三 for 10,000 / 100,000 / 1,000,000 concluded requests (synthetic rows bulk-inserted with
 * JDBC batches) on H2 and MySQL/MariaDB, next to the same table computed the per-request way
 * through Camunda's HistoryService, whose historic instances are real (a trivial process with the
 * real activity id is started and completed per request). Median of 5 after 2 warm-ups. Writes
 * bench-results/statistics.md.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests verify}; sizes with {@code
 * -Dbench.sizes=10000,100000,1000000}, history sizes with {@code
 * -Dbench.historySizes=10000,100000}, MySQL with {@code -Dbench.mysql=127.0.0.1:3306} (user root,
 * no password; schema {@code -Dbench.mysqlSchema=disclosure_bench_stats}, dropped afterwards unless
 * {@code -Dbench.keep=true}; "none" to skip), H2 skipped with {@code -Dbench.h2=false}. MySQL only,
 * 1M only: {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.h2=false -Dbench.sizes=1000000}.
 */
public final class StatisticsBenchmark {

  static final int YEAR = 2024;

  /**
   * The requests are spread over this many agencies (DOMAIN.md §8): AG00, AG01, … ({@code
   * -Dbench.agencies}).
   */
  static final int AGENCIES = Integer.getInteger("bench.agencies", 40);

  public static void main(String[] args) throws Exception {
    int[] sizes = ints(System.getProperty("bench.sizes", "10000,100000,1000000"));
    int[] historySizes = ints(System.getProperty("bench.historySizes", "10000"));
    String mysql = System.getProperty("bench.mysql", "127.0.0.1:3306");
    String schema = System.getProperty("bench.mysqlSchema", "disclosure_bench_stats");
    List<String> lines = new ArrayList<>();
    lines.add("# Statistics benchmark: table 三 for one year");
    lines.add("");
    lines.add(
        "Command: `./mvnw -B -Pbench -DskipTests verify` (class `org.disclosuredesk.statistics.StatisticsBenchmark`,"
            + " options in its Javadoc). Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("java.version")
            + ". Median of 5 runs after 2 warm-ups.");
    lines.add("");
    lines.add(
        "All N requests concluded in "
            + YEAR
            + " (about 5% received in "
            + (YEAR - 1)
            + ", so 二 is not empty), random applicant types, channels, topics and outcomes; ~8% overdue, ~5% extended;"
            + " spread evenly over "
            + AGENCIES
            + " agencies (one agency's table: AG00; the overview: all of them).");
    lines.add(
        "Running tallies = `StatisticsRepository.tallies`, what the app serves: one statement over dd_stat_tally"
            + " (kept in each request's transaction; after the bulk load here recounted once by"
            + " `TalliesRepository.rebuild`) plus the small direct ranges (carried over/forward, appeals, fees), then"
            + " `AnnualTable.compute`. Recount = `StatisticsRepository.recount`, the same table counted wholly from"
            + " dd_request's grouped index ranges: what the reconciliation checks the tallies against."
            + " HistoryService route = per historic process instance: its conclusion activity, its trackingNumber and"
            + " the request's row — what the statistics must never do.");
    lines.add("");
    lines.add("| database | requests | route | time (ms) | table 三（七）总计 |");
    lines.add("|---|---:|---|---:|---:|");
    if (Boolean.parseBoolean(System.getProperty("bench.h2", "true"))) {
      try (HikariDataSource h2 =
          dataSource("jdbc:h2:mem:bench-stats;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa")) {
        migrate(h2);
        for (int n : sizes) {
          fill(h2, n);
          lines.add(
              row(
                  "H2 (in memory)",
                  n,
                  "rebuild of the tallies after the bulk load (once)",
                  rebuild(h2)));
          lines.add(
              row("H2 (in memory)", n, "SQL, running tallies (served)", sqlRoute(h2, n, true)));
          lines.add(
              row("H2 (in memory)", n, "SQL, recount from dd_request", sqlRoute(h2, n, false)));
          lines.add(
              row(
                  "H2 (in memory)",
                  n,
                  "one agency's table of " + AGENCIES + " (served)",
                  agencyRoute(h2)));
          lines.add(
              row(
                  "H2 (in memory)",
                  n,
                  "overview of " + AGENCIES + " agencies (served)",
                  overviewRoute(h2, n)));
          for (int hn : historySizes) {
            if (hn == n) {
              lines.add(
                  row("H2 (in memory)", n, "HistoryService (per request)", historyRoute(h2, n)));
            }
          }
        }
      }
    }
    if (!"none".equals(mysql)) {
      String base = "jdbc:mysql://" + mysql + "/";
      try (HikariDataSource my =
          dataSource(
              base
                  + schema
                  + "?createDatabaseIfNotExist=true"
                  + "&rewriteBatchedStatements=true&sendFractionalSeconds=false&characterEncoding=UTF-8",
              "root")) {
        migrate(my);
        for (int n : sizes) {
          fill(my, n);
          try (Connection c = my.getConnection()) {
            c.createStatement().execute("ANALYZE TABLE dd_request");
          }
          String db = "MySQL/MariaDB " + version(my);
          lines.add(row(db, n, "rebuild of the tallies after the bulk load (once)", rebuild(my)));
          lines.add(row(db, n, "SQL, running tallies (served)", sqlRoute(my, n, true)));
          lines.add(row(db, n, "SQL, recount from dd_request", sqlRoute(my, n, false)));
          lines.add(row(db, n, "one agency's table of " + AGENCIES + " (served)", agencyRoute(my)));
          lines.add(
              row(db, n, "overview of " + AGENCIES + " agencies (served)", overviewRoute(my, n)));
        }
        try (Connection c = my.getConnection()) {
          if (!Boolean.getBoolean("bench.keep")) {
            c.createStatement().execute("DROP DATABASE " + schema);
          }
        }
      } catch (Exception e) {
        lines.add(
            "| MySQL/MariaDB | — | not measured: " + e.getMessage().replace('|', '/') + " | | |");
      }
    }
    lines.add("");
    lines.add(
        "Targets: 1,000,000 in under 1 s on MySQL; at least 50× faster than the HistoryService route at 100,000."
            + " Where the HistoryService route was measured only at 10,000, it is per request, so its time at 100,000 is"
            + " extrapolated linearly (×10): the ratio at 100,000 is SQL(100,000) against that.");
    Path out = Path.of("bench-results", "statistics.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join("\n", lines) + "\n");
    System.out.println(String.join("\n", lines));
  }

  record Result(double ms, long concluded) {}

  static String row(String db, int n, String route, Result r) {
    return "| "
        + db
        + " | "
        + String.format("%,d", n)
        + " | "
        + route
        + " | "
        + String.format("%.1f", r.ms())
        + " | "
        + r.concluded()
        + " |";
  }

  static Result sqlRoute(DataSource ds, int n, boolean tallied) {
    StatisticsRepository repo = new StatisticsRepository(JdbcClient.create(ds));
    long[] concluded = new long[1];
    double ms =
        median(
            () -> {
              AnnualTable t =
                  AnnualTable.compute(YEAR, tallied ? repo.tallies(YEAR) : repo.recount(YEAR));
              concluded[0] = t.concluded();
            });
    check(concluded[0] == n, "SQL route counted " + concluded[0] + " of " + n);
    check(
        AnnualTable.compute(YEAR, repo.tallies(YEAR)).rows().entrySet().stream()
            .allMatch(
                e ->
                    Arrays.equals(
                        e.getValue(),
                        AnnualTable.compute(YEAR, repo.recount(YEAR)).rows().get(e.getKey()))),
        "running tallies differ from the recount");
    return new Result(ms, concluded[0]);
  }

  /** One agency's table (its tallies and its direct ranges): what a manager's page reads. */
  static Result agencyRoute(DataSource ds) {
    StatisticsRepository repo = new StatisticsRepository(JdbcClient.create(ds));
    long[] concluded = new long[1];
    double ms =
        median(
            () ->
                concluded[0] =
                    AnnualTable.compute(YEAR, repo.tallies(YEAR, List.of(agency(0)))).concluded());
    check(
        concluded[0]
            == AnnualTable.compute(YEAR, repo.recount(YEAR, List.of(agency(0)))).concluded(),
        "one agency's tallies differ from its recount");
    return new Result(ms, concluded[0]);
  }

  /**
   * The supervising office's overview (StatisticsService.overview): every agency's groups in one
   * statement, what is overdue now per agency, then one table per agency; the concluded column is
   * their sum.
   */
  static Result overviewRoute(DataSource ds, int n) {
    StatisticsRepository repo = new StatisticsRepository(JdbcClient.create(ds));
    long[] concluded = new long[1];
    double ms =
        median(
            () -> {
              Map<String, List<Tally>> byAgency = repo.talliesByAgency(YEAR, null);
              Map<String, Long> overdue = repo.overdueByAgency(LocalDate.of(YEAR + 1, 3, 1));
              long sum = 0;
              long late = 0;
              for (int a = 0; a < AGENCIES; a++) {
                AnnualTable t =
                    AnnualTable.compute(YEAR, byAgency.getOrDefault(agency(a), List.of()));
                sum += t.concluded();
                late += overdue.getOrDefault(agency(a), 0L);
              }
              check(late == 0, "every request here is concluded, none overdue: " + late);
              concluded[0] = sum;
            });
    check(concluded[0] == n, "overview counted " + concluded[0] + " of " + n);
    return new Result(ms, concluded[0]);
  }

  static String agency(int i) {
    return String.format("AG%02d", i);
  }

  /** The bulk load wrote past the application: recount the tallies once, as an operator would. */
  static Result rebuild(DataSource ds) {
    long t0 = System.nanoTime();
    new TalliesRepository(JdbcClient.create(ds)).rebuild();
    return new Result((System.nanoTime() - t0) / 1e6, 0);
  }

  /**
   * Real historic instances: one trivial instance per request, with the real activity id and
   * variable.
   */
  static Result historyRoute(DataSource ds, int n) throws Exception {
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setDataSource(ds);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    cfg.setJobExecutorActivate(false);
    cfg.setProcessEngineName("bench-" + n);
    cfg.setMetricsEnabled(false);
    ProcessEngine engine = cfg.buildProcessEngine();
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "trivial.bpmn",
              Bpmn.createExecutableProcess("disclosure-request")
                  .camundaHistoryTimeToLive(3650)
                  .startEvent()
                  .serviceTask("ReplyToApplicant")
                  .camundaExpression("${true}")
                  .endEvent()
                  .done())
          .deploy();
      RuntimeService runtime = engine.getRuntimeService();
      List<String[]> ids =
          JdbcClient.create(ds)
              .sql("SELECT id, tracking_number FROM dd_request")
              .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
              .list();
      long t0 = System.nanoTime();
      for (String[] r : ids) {
        runtime.startProcessInstanceByKey(
            "disclosure-request", r[0], Map.of("trackingNumber", r[1]));
      }
      System.out.printf(
          "created %,d historic instances in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
      HistoryService history = engine.getHistoryService();
      JdbcClient jdbc = JdbcClient.create(ds);
      long[] concluded = new long[1];
      double ms =
          median(
              () -> {
                List<Tally> tallies = new ArrayList<>();
                List<HistoricProcessInstance> all =
                    history
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey("disclosure-request")
                        .list();
                for (HistoricProcessInstance p : all) {
                  List<HistoricActivityInstance> done =
                      history
                          .createHistoricActivityInstanceQuery()
                          .processInstanceId(p.getId())
                          .activityId("ReplyToApplicant")
                          .finished()
                          .list();
                  history
                      .createHistoricVariableInstanceQuery()
                      .processInstanceId(p.getId())
                      .variableName("trackingNumber")
                      .singleResult();
                  Map<String, Object> r =
                      jdbc.sql(
                              "SELECT applicant_type, channel, topic, outcome, already_public,"
                                  + " third_party_interest, not_held_reason, received_on, concluded_on, due_on, original_due_on,"
                                  + " extension_working_days FROM dd_request WHERE id = ?")
                          .param(p.getBusinessKey())
                          .query()
                          .singleRow();
                  tallies.addAll(perRequest(r, !done.isEmpty()));
                }
                AnnualTable t = AnnualTable.compute(YEAR, tallies);
                concluded[0] = t.concluded();
              },
              1,
              3);
      check(concluded[0] == n, "history route counted " + concluded[0] + " of " + n);
      return new Result(ms, concluded[0]);
    } finally {
      engine.close();
    }
  }

  /** The rules of §6 applied to one request at a time, as the per-request route must. */
  static List<Tally> perRequest(Map<String, Object> r, boolean concludedInHistory) {
    LocalDate start = LocalDate.of(YEAR, 1, 1);
    LocalDate end = LocalDate.of(YEAR, 12, 31);
    LocalDate received = date(r.get("received_on"));
    LocalDate concluded = concludedInHistory ? date(r.get("concluded_on")) : null;
    String type = (String) r.get("applicant_type");
    List<Tally> out = new ArrayList<>();
    if (!received.isBefore(start) && !received.isAfter(end)) {
      out.add(
          new Tally(
              Tally.Facet.NEW,
              type,
              (String) r.get("channel"),
              (String) r.get("topic"),
              null,
              null,
              null,
              received.getMonthValue(),
              1,
              BigDecimal.ZERO));
    }
    if (received.isBefore(start) && (concluded == null || !concluded.isBefore(start))) {
      out.add(Tally.of(Tally.Facet.CARRIED_OVER, type, 1));
    }
    if (concluded != null && !concluded.isBefore(start) && !concluded.isAfter(end)) {
      Timeliness tl =
          Timeliness.of(
              concluded,
              date(r.get("original_due_on")),
              date(r.get("due_on")),
              ((Number) r.get("extension_working_days")).intValue());
      Object pub = r.get("already_public");
      out.add(
          new Tally(
              Tally.Facet.CONCLUDED,
              type,
              (String) r.get("outcome"),
              pub != null
                      && (Boolean.TRUE.equals(pub) || pub instanceof Number x && x.intValue() != 0)
                  ? "Y"
                  : "N",
              (String) r.get("third_party_interest"),
              (String) r.get("not_held_reason"),
              tl.name(),
              0,
              1,
              BigDecimal.ZERO));
    }
    if (!received.isAfter(end) && (concluded == null || concluded.isAfter(end))) {
      out.add(Tally.of(Tally.Facet.CARRIED_FORWARD, type, 1));
    }
    return out;
  }

  static LocalDate date(Object o) {
    return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
  }

  /** N requests concluded in YEAR; ~5% received the year before; deterministic. */
  static void fill(DataSource ds, int n) throws Exception {
    Random rnd = new Random(42);
    Outcome[] outcomes = Outcome.values();
    ApplicantType[] types = ApplicantType.values();
    Channel[] channels = Channel.values();
    String[] topics = {"社保信息", "就业信息", "工资福利", "职称评审", "劳动关系", "人事考试", "规划计划", "财政资金", "其他"};
    long t0 = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      c.createStatement().execute("DELETE FROM dd_request");
      c.commit();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO dd_request (id, tracking_number, receipt_year,"
                  + " channel, arrived_on, received_on, period_working_days, extension_working_days, due_on, original_due_on,"
                  + " applicant_type, applicant_name, applicant_key, description, topic, status, outcome, decided_on,"
                  + " concluded_on, already_public, third_party_interest, not_held_reason, created_at, agency_code)"
                  + " VALUES (?, ?, ?, ?, ?, ?, 20, ?, ?, ?, ?, '申请人', ?, '申请公开', ?, 'CONCLUDED', ?, ?, ?, ?, ?, ?, ?,"
                  + " ?)")) {
        for (int i = 0; i < n; i++) {
          LocalDate concluded = LocalDate.of(YEAR, 1, 1).plusDays(rnd.nextInt(365));
          LocalDate received = concluded.minusDays(rnd.nextInt(rnd.nextInt(20) == 0 ? 60 : 25));
          LocalDate original = received.plusDays(28);
          boolean extended = rnd.nextInt(20) == 0;
          LocalDate due = extended ? original.plusDays(28) : original;
          Outcome o = outcomes[rnd.nextInt(rnd.nextInt(3) == 0 ? outcomes.length : 3)];
          ps.setString(1, String.format("%08d-bench-%d", i, n));
          ps.setString(2, received.getYear() + "-" + i);
          ps.setInt(3, received.getYear());
          ps.setString(4, channels[rnd.nextInt(channels.length)].name());
          ps.setDate(5, Date.valueOf(received));
          ps.setDate(6, Date.valueOf(received));
          ps.setInt(7, extended ? 20 : 0);
          ps.setDate(8, Date.valueOf(due));
          ps.setDate(9, Date.valueOf(original));
          ps.setString(10, types[rnd.nextInt(4) == 0 ? rnd.nextInt(types.length) : 0].name());
          ps.setString(11, "key-" + (i % 5000));
          ps.setString(12, topics[rnd.nextInt(topics.length)]);
          ps.setString(13, o.name());
          ps.setDate(14, Date.valueOf(concluded));
          ps.setDate(15, Date.valueOf(concluded));
          ps.setObject(16, o == Outcome.DISCLOSED ? rnd.nextInt(3) == 0 : null);
          ps.setString(17, o == Outcome.WITHHELD_THIRD_PARTY_RIGHTS ? "PERSONAL_PRIVACY" : null);
          ps.setString(
              18,
              o == Outcome.UNAVAILABLE_NOT_HELD
                  ? (rnd.nextBoolean() ? "OTHER_AGENCY" : "DOES_NOT_EXIST")
                  : null);
          ps.setTimestamp(19, Timestamp.valueOf(concluded.atTime(9, 0)));
          ps.setString(20, agency(i % AGENCIES));
          ps.addBatch();
          if (i % 5000 == 4999) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
    }
    System.out.printf("inserted %,d requests in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  static void migrate(DataSource ds) {
    String vendor = ds.toString().contains("mysql") ? "mysql" : "h2";
    try (Connection c = ds.getConnection()) {
      vendor =
          c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2") ? "h2" : "mysql";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Flyway.configure()
        .dataSource(ds)
        .table("dd_schema_history")
        .placeholders(Map.of("default_agency", "AGENCY"))
        .locations(
            "classpath:db/migration/common",
            "classpath:db/migration/" + vendor,
            "classpath:db/callback/" + vendor)
        .load()
        .migrate();
  }

  static HikariDataSource dataSource(String url, String user) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword("");
    ds.setMaximumPoolSize(4);
    if (url.startsWith("jdbc:mysql")) {
      ds.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }
    return ds;
  }

  static String version(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  static double median(Runnable r) {
    return median(r, 2, 5);
  }

  static double median(Runnable r, int warmups, int runs) {
    for (int i = 0; i < warmups; i++) {
      r.run();
    }
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      r.run();
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(t);
    return t[runs / 2];
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  static int[] ints(String s) {
    return Arrays.stream(s.split(","))
        .map(String::trim)
        .filter(x -> !x.isEmpty())
        .mapToInt(Integer::parseInt)
        .toArray();
  }
}
