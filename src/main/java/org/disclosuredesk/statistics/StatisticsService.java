package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual statistics as the API shows them (API.md "Statistics JSON"). After a freeze, {@code rows} stay the CURRENT
 * figures and {@code differences} name every cell that moved since the freeze: the report always says what the
 * process recorded now, and the frozen snapshot is what was published — a manager sees both rather than a stale table.
 */
@Service
// no read-only transaction: on MySQL it makes the connection read-only, and evaluating the DMN mapping writes history
public class StatisticsService {

  public static final String FORMAT = "GB-2021";
  public static final String LEGACY_FORMAT = "PRE-2019";

  private final StatisticsRepository repository;
  private final LegacyAnswerMapping mapping;
  private final FreezeRepository freezes;
  private final BusinessClock clock;
  private final ReportScopes scopes;

  public StatisticsService(StatisticsRepository repository, LegacyAnswerMapping mapping, FreezeRepository freezes,
      BusinessClock clock, ReportScopes scopes) {
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

  public Map<String, Object> annual(int year, int decimals) {
    return annual(table(year), decimals);
  }

  public Map<String, Object> annual(AnnualTable t, int decimals) {
    return annual(t, scopes.platform(), decimals);
  }

  public Map<String, Object> annual(int year, ReportScope scope, int decimals) {
    if (!scope.consolidated()) {
      return annual(table(year, scope), scope, decimals);
    }
    // the consolidated table: each agency's groups in one statement; the sum is computed from all of them, so every
    // cell is the sum of the agencies' cells, and the identity is checked in each agency as well as in the sum
    Map<String, List<Tally>> byAgency = repository.talliesByAgency(year, scope.filter());
    List<Tally> all = new ArrayList<>();
    byAgency.values().forEach(all::addAll);
    Map<String, Object> out = annual(AnnualTable.compute(year, all), scope, decimals);
    List<Map<String, Object>> agencies = new ArrayList<>();
    for (var a : scope.agencies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("code", a.code());
      e.put("name", a.name());
      e.put("consistent", AnnualTable.compute(year, byAgency.getOrDefault(a.code(), List.of())).consistent());
      agencies.add(e);
    }
    out.put("consistentByAgency", agencies);
    out.put("consistent", (Boolean) out.get("consistent") && agencies.stream()
        .allMatch(e -> (Boolean) e.get("consistent")));
    return out;
  }

  /**
   * The JSON of a table already computed, so a page or document built from both shows one reading of the figures.
   * {@code agency} ({code, name}) names whose table it is once the platform has several agencies; a consolidated
   * table lists its {@code agencies} and has no freeze of its own (each agency freezes its own figures).
   */
  public Map<String, Object> annual(AnnualTable t, ReportScope scope, int decimals) {
    int year = t.year();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", year);
    out.put("format", FORMAT);
    if (scope.consolidated()) {
      out.put("agencies", scope.codes());
    } else if (!scope.whole()) {
      out.put("agency", Map.of("code", scope.agency().code(), "name", scope.agency().name()));
    }
    out.put("columns", Layout.COLUMNS);
    out.put("columnLabels", Layout.COLUMNS.stream().map(Layout::columnLabel).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Layout.RowDef def : Layout.ROWS) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("code", def.code());
      r.put("label", def.label());
      r.put("section", def.section());
      r.put("group", def.group());
      r.put("values", t.rows().get(def.code()));
      rows.add(r);
    }
    out.put("rows", rows);
    out.put("consistent", t.consistent());
    out.put("breaks", breaks(year, t, scope));
    Map<String, Object> appeals = new LinkedHashMap<>();
    appeals.put("columns", Layout.APPEAL_COLUMNS);
    List<Map<String, Object>> appealRows = new ArrayList<>();
    t.appeals().forEach((code, values) -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("code", code);
      r.put("label", Layout.APPEAL_ROW_LABELS.get(Layout.APPEAL_ROWS.indexOf(code)));
      r.put("values", values);
      appealRows.add(r);
    });
    appeals.put("rows", appealRows);
    out.put("appeals", appeals);
    Map<String, Object> fees = new LinkedHashMap<>();
    fees.put("collectedYuan", t.feesYuan().setScale(2, java.math.RoundingMode.HALF_UP));
    fees.put("collectedTenThousandYuan", new BigDecimal(Paragraph.tenThousand(t.feesYuan())));
    out.put("fees", fees);
    out.put("onTimeRate", t.onTimeRate());
    out.put("requestsPerMonth", t.newByMonth());
    out.put("topics", t.newByTopic());
    out.put("paragraph", Paragraph.annual(t, decimals));
    Optional<FreezeRepository.Freeze> frozen = scope.consolidated() ? Optional.empty()
        : freezes.latest(scope.agency().code(), year, FORMAT);
    out.put("frozen", frozen.map(f -> Map.of("at", f.at().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), "by", f.by()))
        .orElse(null));
    out.put("differences", frozen.map(f -> differences(f.cells(), cells(t))).orElse(List.of()));
    return out;
  }

  /** {column, requests} for every column where 一+二 ≠ 三（七）+四, naming the requests that cause it. */
  private List<Map<String, Object>> breaks(int year, AnnualTable t, ReportScope scope) {
    if (t.consistent()) {
      return List.of();
    }
    List<StatisticsRepository.Offender> offenders = repository.offenders(year, scope.filter());
    List<Map<String, Object>> out = new ArrayList<>();
    for (String column : t.brokenColumns()) {
      Set<String> requests = new LinkedHashSet<>();
      List<String> problems = new ArrayList<>();
      for (var o : offenders) {
        if (Layout.TOTAL.equals(column) || column.equals(o.applicantType())) {
          requests.add(o.trackingNumber());
          problems.add(o.trackingNumber() + "：" + o.problem());
        }
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("column", column);
      b.put("requests", List.copyOf(requests));
      b.put("problems", problems);
      out.add(b);
    }
    return out;
  }

  /** Every cell of table 三 and 四, keyed by row code, as frozen and compared. */
  static Map<String, long[]> cells(AnnualTable t) {
    Map<String, long[]> cells = new LinkedHashMap<>(t.rows());
    cells.putAll(t.appeals());
    return cells;
  }

  static List<Map<String, Object>> differences(Map<String, long[]> frozen, Map<String, long[]> current) {
    List<Map<String, Object>> out = new ArrayList<>();
    current.forEach((row, values) -> {
      List<String> columns = Layout.APPEAL_ROWS.contains(row) ? Layout.APPEAL_COLUMNS : Layout.COLUMNS;
      long[] was = frozen.getOrDefault(row, new long[values.length]);
      for (int c = 0; c < values.length; c++) {
        long before = c < was.length ? was[c] : 0;
        if (before != values[c]) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("row", row);
          d.put("column", columns.get(c));
          d.put("frozen", before);
          d.put("current", values[c]);
          out.add(d);
        }
      }
    });
    return out;
  }

  /** Freezes one agency's figures (each agency publishes its own report, DOMAIN.md §8). */
  @Transactional
  public Map<String, Object> freeze(int year, ReportScope scope, String by) {
    if (scope.consolidated()) {
      throw new IllegalArgumentException("a consolidated table has no freeze of its own");
    }
    AnnualTable t = table(year, scope);
    LocalDateTime at = LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0);
    freezes.save(scope.agency().code(), year, FORMAT, at, by, cells(t));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", year);
    if (!scope.whole()) {
      out.put("agency", Map.of("code", scope.agency().code(), "name", scope.agency().name()));
    }
    out.put("at", at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    out.put("by", by);
    return out;
  }

  public LegacyTable legacyTable(int year) {
    return legacyTable(year, scopes.platform());
  }

  public LegacyTable legacyTable(int year, ReportScope scope) {
    List<Tally> tallies = repository.tallies(year, scope.filter());
    AnnualTable annual = AnnualTable.compute(year, tallies);
    Set<LegacyTable.Key> keys = new LinkedHashSet<>();
    tallies.stream().filter(x -> x.facet() == Tally.Facet.CONCLUDED).forEach(x -> keys.add(LegacyTable.Key.of(x)));
    Map<LegacyTable.Key, String> rows = mapping.evaluate(keys);
    return LegacyTable.compute(year, tallies, rows::get, annual);
  }

  public Map<String, Object> legacy(int year, ReportScope scope, int decimals) {
    LegacyTable t = legacyTable(year, scope);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", year);
    out.put("format", LEGACY_FORMAT);
    if (scope.consolidated()) {
      out.put("agencies", scope.codes());
    } else if (!scope.whole()) {
      out.put("agency", Map.of("code", scope.agency().code(), "name", scope.agency().name()));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LegacyTable.RowDef def : LegacyTable.ROWS) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("code", def.code());
      r.put("label", def.label());
      r.put("value", "FEES_COLLECTED_10K_YUAN".equals(def.code()) ? t.feesTenThousandYuan() : t.value(def.code()));
      rows.add(r);
    }
    out.put("rows", rows);
    out.put("paragraph", Paragraph.legacy(t, decimals));
    return out;
  }

  /**
   * Whose figures a staff member's home page shows: their agency (the first of several), the sum of all for the admin
   * and the supervising office; null for someone in no agency.
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
    return scope.whole() ? byAgency.values().stream().mapToLong(Long::longValue).sum()
        : scope.codes().stream().mapToLong(c -> byAgency.getOrDefault(c, 0L)).sum();
  }

  /**
   * Every agency's year at a glance (API.md {@code GET /api/statistics/{year}/agencies}): from the running tallies
   * and small index ranges, all agencies in one statement, plus one count of what is overdue now and one look at the
   * freezes, so 40 agencies cost what one does.
   */
  public Map<String, Object> overview(int year) {
    Map<String, List<Tally>> byAgency = repository.talliesByAgency(year, null);
    Map<String, Long> overdue = repository.overdueByAgency(clock.today());
    Map<String, LocalDateTime> frozen = freezes.latestByAgency(year, FORMAT);
    List<Map<String, Object>> items = new ArrayList<>();
    for (var a : scopes.all()) {
      AnnualTable t = AnnualTable.compute(year, byAgency.getOrDefault(a.code(), List.of()));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("agency", Map.of("code", a.code(), "name", a.name()));
      item.put("newThisYear", t.total("NEW_THIS_YEAR"));
      item.put("carriedOver", t.total("CARRIED_OVER_FROM_LAST_YEAR"));
      item.put("concluded", t.concluded());
      item.put("onTimeRate", t.onTimeRate());
      item.put("overdueNow", overdue.getOrDefault(a.code(), 0L));
      item.put("carriedForward", t.total("CARRIED_FORWARD_TO_NEXT_YEAR"));
      item.put("identityHolds", t.consistent());
      LocalDateTime at = frozen.get(a.code());
      item.put("frozenAt", at == null ? null : at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      item.put("active", a.active());
      items.add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", year);
    out.put("items", items);
    return out;
  }
}
