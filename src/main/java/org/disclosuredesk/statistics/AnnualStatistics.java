package org.disclosuredesk.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.Paragraph;

/**
 * Tables 三 and 四 of one year as the API shows them (API.md "Statistics JSON"), each part typed: the
 * JSON of {@code GET /api/statistics/{year}} and {@code /consolidated} is this record, component by
 * component, in this order. The page, the printable page and the report document read the same
 * object and its {@link #table}, so all of them show one reading of the figures.
 *
 * @param agencies a consolidated table's agency codes; absent otherwise
 * @param agency whose table it is once the platform has several agencies; absent otherwise
 * @param breaks every column where 一+二 ≠ 三（七）+四, with the requests that cause it
 * @param frozen the latest freeze of the year, null before any (a consolidated table has none of
 *     its own)
 * @param differences every cell whose current value differs from the freeze
 * @param consistentByAgency a consolidated table's identity in each agency; absent otherwise
 * @param table the counted table itself, for the grids (not part of the JSON)
 */
public record AnnualStatistics(
    int year,
    String format,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> agencies,
    @JsonInclude(JsonInclude.Include.NON_NULL) AgencyRef agency,
    List<String> columns,
    List<String> columnLabels,
    List<Row> rows,
    boolean consistent,
    List<Break> breaks,
    Appeals appeals,
    Fees fees,
    Double onTimeRate,
    long[] requestsPerMonth,
    Map<String, Long> topics,
    String paragraph,
    Frozen frozen,
    List<Difference> differences,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AgencyConsistency> consistentByAgency,
    @JsonIgnore AnnualTable table) {

  /**
   * A row of table 三 ({@link Layout#ROWS}); section and group null where the official table has
   * none.
   */
  public record Row(String code, String label, String section, String group, long[] values) {}

  /** A column whose identity breaks, the requests that break it and what is wrong with each. */
  public record Break(String column, List<String> requests, List<String> problems) {}

  /** Table 四. */
  public record Appeals(List<String> columns, List<AppealRow> rows) {}

  public record AppealRow(String code, String label, long[] values) {}

  public record Fees(BigDecimal collectedYuan, BigDecimal collectedTenThousandYuan) {}

  /** When and by whom the year's figures were frozen ({@code at}: ISO local date-time). */
  public record Frozen(String at, String by) {}

  /** A cell that moved since the freeze. */
  public record Difference(String row, String column, long frozen, long current) {}

  /** One agency's identity in a consolidated table. */
  public record AgencyConsistency(String code, String name, boolean consistent) {}

  /** A table of the whole platform with nothing frozen and no break named (tests, tools). */
  public static AnnualStatistics of(AnnualTable t, int decimals) {
    return of(t, null, null, decimals, List.of(), null, List.of(), null);
  }

  /**
   * The statistics of a table already counted. {@code consistent} holds when the table's identity
   * does and, for a consolidated table, the identity of each agency too.
   */
  public static AnnualStatistics of(
      AnnualTable t,
      List<String> agencies,
      AgencyRef agency,
      int decimals,
      List<Break> breaks,
      Frozen frozen,
      List<Difference> differences,
      List<AgencyConsistency> consistentByAgency) {
    List<Row> rows = new ArrayList<>();
    for (Layout.RowDef def : Layout.ROWS) {
      rows.add(
          new Row(def.code(), def.label(), def.section(), def.group(), t.rows().get(def.code())));
    }
    List<AppealRow> appealRows = new ArrayList<>();
    t.appeals()
        .forEach(
            (code, values) ->
                appealRows.add(
                    new AppealRow(
                        code,
                        Layout.APPEAL_ROW_LABELS.get(Layout.APPEAL_ROWS.indexOf(code)),
                        values)));
    boolean consistent =
        t.consistent()
            && (consistentByAgency == null
                || consistentByAgency.stream().allMatch(AgencyConsistency::consistent));
    return new AnnualStatistics(
        t.year(),
        StatisticsService.FORMAT,
        agencies,
        agency,
        Layout.COLUMNS,
        Layout.COLUMNS.stream().map(Layout::columnLabel).toList(),
        List.copyOf(rows),
        consistent,
        List.copyOf(breaks),
        new Appeals(Layout.APPEAL_COLUMNS, List.copyOf(appealRows)),
        new Fees(
            t.feesYuan().setScale(2, RoundingMode.HALF_UP),
            new BigDecimal(Paragraph.tenThousand(t.feesYuan()))),
        t.onTimeRate(),
        t.newByMonth(),
        t.newByTopic(),
        Paragraph.annual(t, decimals),
        frozen,
        List.copyOf(differences),
        consistentByAgency == null ? null : List.copyOf(consistentByAgency),
        t);
  }

  /** Each break as a person reads it: "自然人列：2016-0001：办结日期早于收到申请日期，…". */
  public List<String> breakLines() {
    return breaks.stream()
        .map(b -> Layout.columnLabel(b.column()) + "列：" + String.join("，", b.problems()))
        .toList();
  }
}
