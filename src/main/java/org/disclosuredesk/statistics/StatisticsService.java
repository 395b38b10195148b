package org.disclosuredesk.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ForbiddenException;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.disclosuredesk.statistics.counting.Tally;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual statistics as the API shows them (API.md "Statistics JSON"). After a freeze, {@code rows}
 * stay the CURRENT figures and {@code differences} name every cell that moved since the freeze: the
 * report always says what the process recorded now, and the frozen snapshot is what was published —
 * a manager sees both rather than a stale table.
 */
@Service
// no read-only transaction: on MySQL it makes the connection read-only, and evaluating the DMN
// mapping writes history
public class StatisticsService {

  public static final String FORMAT = "GB-2021";
  public static final String LEGACY_FORMAT = "PRE-2019";

  private final StatisticsRepository repository;
  private final LegacyAnswerMapping mapping;
  private final FreezeRepository freezes;
  private final BusinessClock clock;
  private final ReportScopes scopes;

  public StatisticsService(
      StatisticsRepository repository,
      LegacyAnswerMapping mapping,
      FreezeRepository freezes,
      BusinessClock clock,
      ReportScopes scopes) {
    this.repository = repository;
    this.mapping = mapping;
    this.freezes = freezes;
    this.clock = clock;
    this.scopes = scopes;
  }

  /** A report year: a four-digit year, not after the current business year. */
  public int year(String text) {
    int year;
    try {
      year = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadInputException("year", "应为四位年份");
    }
    int now = clock.today().getYear();
    if (year < 1990 || year > now) {
      throw new BadInputException("year", "年份应在 1990 至 " + now + " 之间");
    }
    return year;
  }

  public static int decimals(String text) {
    if (text == null) {
      return 1;
    }
    if (!text.matches("[0-3]")) {
      throw new BadInputException("decimals", "小数位数应为 0 至 3");
    }
    return Integer.parseInt(text);
  }

  /** Every agency of the platform: a plain run's one agency, else the sum of all. */
  public ReportScope platform() {
    return scopes.platform();
  }

  /** Every request of the platform: on a platform of one agency, that agency's table. */
  public AnnualTable table(int year) {
    return table(year, scopes.platform());
  }

  /** One agency's table, or the sum of several agencies' (DOMAIN.md §8). */
  public AnnualTable table(int year, ReportScope scope) {
    return AnnualTable.compute(year, repository.tallies(year, scope.filter()));
  }

  public AnnualStatistics annual(int year, int decimals) {
    return annual(table(year), decimals);
  }

  public AnnualStatistics annual(AnnualTable t, int decimals) {
    return annual(t, scopes.platform(), decimals);
  }

  public AnnualStatistics annual(int year, ReportScope scope, int decimals) {
    if (!scope.consolidated()) {
      return annual(table(year, scope), scope, decimals);
    }
    // the consolidated table: each agency's groups in one statement; the sum is computed from all
    // of them, so every cell is the sum of the agencies' cells, and the identity is checked in each
    // agency as well as in the sum
    Map<String, List<Tally>> byAgency = repository.talliesByAgency(year, scope.filter());
    List<Tally> all = new ArrayList<>();
    byAgency.values().forEach(all::addAll);
    List<AnnualStatistics.AgencyConsistency> agencies = new ArrayList<>();
    for (var a : scope.agencies()) {
      agencies.add(
          new AnnualStatistics.AgencyConsistency(
              a.code(),
              a.name(),
              AnnualTable.compute(year, byAgency.getOrDefault(a.code(), List.of())).consistent()));
    }
    return annual(AnnualTable.compute(year, all), scope, decimals, agencies);
  }

  /**
   * The statistics of a table already computed, so a page or document built from both shows one
   * reading of the figures. {@code agency} ({code, name}) names whose table it is once the platform
   * has several agencies; a consolidated table lists its {@code agencies} and has no freeze of its
   * own (each agency freezes its own figures).
   */
  public AnnualStatistics annual(AnnualTable t, ReportScope scope, int decimals) {
    return annual(t, scope, decimals, null);
  }

  private AnnualStatistics annual(
      AnnualTable t,
      ReportScope scope,
      int decimals,
      List<AnnualStatistics.AgencyConsistency> consistentByAgency) {
    Optional<FreezeRepository.Freeze> frozen =
        scope.consolidated()
            ? Optional.empty()
            : freezes.latest(scope.agency().code(), t.year(), FORMAT);
    return AnnualStatistics.of(
        t,
        scope.consolidated() ? scope.codes() : null,
        AgencyRef.of(scope),
        decimals,
        breaks(t.year(), t, scope),
        frozen
            .map(
                f ->
                    new AnnualStatistics.Frozen(
                        f.at().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), f.by()))
            .orElse(null),
        frozen.map(f -> differences(f.cells(), t.cells())).orElse(List.of()),
        consistentByAgency);
  }

  /** Every column where 一+二 ≠ 三（七）+四, naming the requests that cause it. */
  private List<AnnualStatistics.Break> breaks(int year, AnnualTable t, ReportScope scope) {
    if (t.consistent()) {
      return List.of();
    }
    List<StatisticsRepository.Offender> offenders = repository.offenders(year, scope.filter());
    List<AnnualStatistics.Break> out = new ArrayList<>();
    for (String column : t.brokenColumns()) {
      Set<String> requests = new LinkedHashSet<>();
      List<String> problems = new ArrayList<>();
      for (var o : offenders) {
        if (Layout.TOTAL.equals(column) || column.equals(o.applicantType())) {
          requests.add(o.trackingNumber());
          problems.add(o.trackingNumber() + "：" + o.problem());
        }
      }
      out.add(new AnnualStatistics.Break(column, List.copyOf(requests), List.copyOf(problems)));
    }
    return out;
  }

  static List<AnnualStatistics.Difference> differences(
      Map<String, long[]> frozen, Map<String, long[]> current) {
    List<AnnualStatistics.Difference> out = new ArrayList<>();
    current.forEach(
        (row, values) -> {
          List<String> columns =
              Layout.APPEAL_ROWS.contains(row) ? Layout.APPEAL_COLUMNS : Layout.COLUMNS;
          long[] was = frozen.getOrDefault(row, new long[values.length]);
          for (int c = 0; c < values.length; c++) {
            long before = c < was.length ? was[c] : 0;
            if (before != values[c]) {
              out.add(new AnnualStatistics.Difference(row, columns.get(c), before, values[c]));
            }
          }
        });
    return out;
  }

  /** Freezes one agency's figures (each agency publishes its own report, DOMAIN.md §8). */
  @Transactional
  public FreezeReceipt freeze(int year, ReportScope scope, String by) {
    if (scope.consolidated()) {
      throw new IllegalArgumentException("a consolidated table has no freeze of its own");
    }
    AnnualTable t = table(year, scope);
    LocalDateTime at = LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0);
    freezes.save(scope.agency().code(), year, FORMAT, at, by, t.cells());
    return new FreezeReceipt(
        year, AgencyRef.of(scope), at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), by);
  }

  public LegacyTable legacyTable(int year) {
    return legacyTable(year, scopes.platform());
  }

  public LegacyTable legacyTable(int year, ReportScope scope) {
    List<Tally> tallies = repository.tallies(year, scope.filter());
    AnnualTable annual = AnnualTable.compute(year, tallies);
    Set<LegacyTable.Key> keys = new LinkedHashSet<>();
    tallies.stream()
        .filter(x -> x.facet() == Tally.Facet.CONCLUDED)
        .forEach(x -> keys.add(LegacyTable.Key.of(x)));
    Map<LegacyTable.Key, String> rows = mapping.evaluate(keys);
    return LegacyTable.compute(year, tallies, rows::get, annual);
  }

  public LegacyStatistics legacy(int year, ReportScope scope, int decimals) {
    LegacyTable t = legacyTable(year, scope);
    List<LegacyStatistics.Row> rows = new ArrayList<>();
    for (LegacyTable.RowDef def : LegacyTable.ROWS) {
      rows.add(
          new LegacyStatistics.Row(
              def.code(),
              def.label(),
              "FEES_COLLECTED_10K_YUAN".equals(def.code())
                  ? t.feesTenThousandYuan()
                  : t.value(def.code())));
    }
    return new LegacyStatistics(
        year,
        LEGACY_FORMAT,
        scope.consolidated() ? scope.codes() : null,
        AgencyRef.of(scope),
        List.copyOf(rows),
        Paragraph.legacy(t, decimals));
  }

  /**
   * Whose figures a staff member's home page shows: their agency (the first of several), the sum of
   * all for the admin and the supervising office; null for someone in no agency.
   */
  public ReportScope homeScope(Authentication who) {
    try {
      return scopes.page(who, null, null);
    } catch (ForbiddenException e) {
      return null;
    }
  }

  /** Requests open and past their due date today in the scope's agencies. */
  public long overdueNow(ReportScope scope, LocalDate today) {
    Map<String, Long> byAgency = repository.overdueByAgency(today);
    return scope.whole()
        ? byAgency.values().stream().mapToLong(Long::longValue).sum()
        : scope.codes().stream().mapToLong(c -> byAgency.getOrDefault(c, 0L)).sum();
  }

  /**
   * Every agency's year at a glance (API.md {@code GET /api/statistics/{year}/agencies}): from the
   * running tallies and small index ranges, all agencies in one statement, plus one count of what
   * is overdue now and one look at the freezes, so 40 agencies cost what one does.
   */
  public AgencyOverview overview(int year) {
    Map<String, List<Tally>> byAgency = repository.talliesByAgency(year, null);
    Map<String, Long> overdue = repository.overdueByAgency(clock.today());
    Map<String, LocalDateTime> frozen = freezes.latestByAgency(year, FORMAT);
    List<AgencyOverview.Item> items = new ArrayList<>();
    for (var a : scopes.all()) {
      AnnualTable t = AnnualTable.compute(year, byAgency.getOrDefault(a.code(), List.of()));
      LocalDateTime at = frozen.get(a.code());
      items.add(
          new AgencyOverview.Item(
              AgencyRef.of(a),
              t.total("NEW_THIS_YEAR"),
              t.total("CARRIED_OVER_FROM_LAST_YEAR"),
              t.concluded(),
              t.onTimeRate(),
              overdue.getOrDefault(a.code(), 0L),
              t.total("CARRIED_FORWARD_TO_NEXT_YEAR"),
              t.consistent(),
              at == null ? null : at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
              a.active()));
    }
    return new AgencyOverview(year, List.copyOf(items));
  }
}
