package org.disclosuredesk.statistics.counting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.Outcome;

/**
 * Table 三 and 四 of one year, computed from the grouped tallies (pure Java, no engine, no database).
 * Each counting rule below names the line of DOMAIN.md §6 / the 2021 format it implements.
 */
public record AnnualTable(
    int year,
    Map<String, long[]> rows,
    Map<String, long[]> appeals,
    long[] newByMonth,
    Map<String, Long> newByChannel,
    Map<String, Long> newByTopic,
    Map<Timeliness, Long> timeliness,
    BigDecimal feesYuan,
    List<String> brokenColumns) {

  public static final int COLS = Layout.COLUMNS.size();
  private static final int TOTAL = COLS - 1;

  public long value(String row, String column) {
    return rows.get(row)[Layout.COLUMNS.indexOf(column)];
  }

  public long total(String row) {
    return rows.get(row)[TOTAL];
  }

  public long concluded() {
    return total("CONCLUDED_TOTAL");
  }

  /**
   * DOMAIN.md §6: 按时答复率 = concluded on or before the due date in force / concluded; null when none
   * concluded (a year with nothing answered was not answered on time either: shown "—").
   */
  public Double onTimeRate() {
    long concluded = timeliness.values().stream().mapToLong(Long::longValue).sum();
    long late = timeliness.getOrDefault(Timeliness.OVERDUE, 0L);
    return concluded == 0 ? null : (double) (concluded - late) / concluded;
  }

  public boolean consistent() {
    return brokenColumns.isEmpty();
  }

  /** Every cell of table 三 and 四, keyed by row code: what a freeze keeps and later compares. */
  public Map<String, long[]> cells() {
    Map<String, long[]> cells = new LinkedHashMap<>(rows);
    cells.putAll(appeals);
    return cells;
  }

  public static AnnualTable compute(int year, List<Tally> tallies) {
    Map<String, long[]> rows = new LinkedHashMap<>();
    for (Layout.RowDef def : Layout.ROWS) {
      rows.put(def.code(), new long[COLS]);
    }
    Map<String, long[]> appeals = new LinkedHashMap<>();
    for (String code : Layout.APPEAL_ROWS) {
      appeals.put(code, new long[Layout.APPEAL_COLUMNS.size()]);
    }
    long[] byMonth = new long[12];
    Map<String, Long> byChannel = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      byChannel.put(c.name(), 0L);
    }
    Map<String, Long> byTopic = new LinkedHashMap<>();
    Map<Timeliness, Long> timeliness = new LinkedHashMap<>();
    for (Timeliness t : Timeliness.values()) {
      timeliness.put(t, 0L);
    }
    BigDecimal fees = BigDecimal.ZERO;
    for (Tally t : tallies) {
      switch (t.facet()) {
        // §6 一: receipt date in Y
        case NEW -> {
          add(rows.get("NEW_THIS_YEAR"), t.applicantType(), t.count());
          if (t.month() >= 1 && t.month() <= 12) {
            byMonth[t.month() - 1] += t.count();
          }
          byChannel.merge(t.k1(), t.count(), Long::sum);
          // report paragraph: topics of the requests received in Y; no topic counts as 其他
          byTopic.merge(t.k2() == null || t.k2().isBlank() ? "其他" : t.k2(), t.count(), Long::sum);
        }
        // §6 二: received before Y, not concluded before Y
        case CARRIED_OVER ->
            add(rows.get("CARRIED_OVER_FROM_LAST_YEAR"), t.applicantType(), t.count());
        // §6 三: one row per outcome by conclusion date in Y; （七） is their sum, so an unknown
        // outcome breaks the identity
        case CONCLUDED -> {
          long[] row = t.k1() == null ? null : rows.get(t.k1());
          if (row != null && isOutcome(t.k1())) {
            add(row, t.applicantType(), t.count());
            add(rows.get("CONCLUDED_TOTAL"), t.applicantType(), t.count());
          }
          timeliness.merge(
              t.k5() == null ? Timeliness.ON_TIME : Timeliness.valueOf(t.k5()),
              t.count(),
              Long::sum);
        }
        // §6 四: received on or before Y-12-31 and not concluded by then
        case CARRIED_FORWARD ->
            add(rows.get("CARRIED_FORWARD_TO_NEXT_YEAR"), t.applicantType(), t.count());
        // table 四: a case counts in the year its result is decided
        case APPEAL_DECIDED -> addAppeal(appeals, t.k1(), t.k2(), t.count());
        // table 四: a case open on Y-12-31 counts as 尚未审结 in Y
        case APPEAL_PENDING -> addAppeal(appeals, t.k1(), "PENDING", t.count());
        // §6: the year's information-processing fees collected
        case FEES -> fees = fees.add(t.amount() == null ? BigDecimal.ZERO : t.amount());
      }
    }
    // §6: identity per column 一 + 二 = 三（七） + 四
    List<String> broken = new ArrayList<>();
    for (int c = 0; c < COLS; c++) {
      long in = rows.get("NEW_THIS_YEAR")[c] + rows.get("CARRIED_OVER_FROM_LAST_YEAR")[c];
      long out = rows.get("CONCLUDED_TOTAL")[c] + rows.get("CARRIED_FORWARD_TO_NEXT_YEAR")[c];
      if (in != out) {
        broken.add(Layout.COLUMNS.get(c));
      }
    }
    // topics by count, largest first, then by name: a stable order for the paragraph
    Map<String, Long> topics = new LinkedHashMap<>();
    byTopic.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> topics.put(e.getKey(), e.getValue()));
    return new AnnualTable(
        year, rows, appeals, byMonth, byChannel, topics, timeliness, fees, List.copyOf(broken));
  }

  private static boolean isOutcome(String code) {
    for (Outcome o : Outcome.values()) {
      if (o.name().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds to the applicant type's column and to 总计; an unknown type shows in 总计 only, so the break
   * is visible.
   */
  private static void add(long[] row, String applicantType, long n) {
    for (ApplicantType t : ApplicantType.values()) {
      if (t.name().equals(applicantType)) {
        row[t.ordinal()] += n;
      }
    }
    row[TOTAL] += n;
  }

  private static void addAppeal(Map<String, long[]> appeals, String kind, String column, long n) {
    long[] row = appeals.get(kind);
    int c = Layout.APPEAL_COLUMNS.indexOf(column);
    if (row == null || c < 0) {
      return;
    }
    row[c] += n;
    row[row.length - 1] += n;
  }
}
