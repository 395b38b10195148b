package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Paragraph;

/**
 * The manager page's charts, worked out here and drawn as inline SVG by the template {@code
 * desk/templates/charts.html}: no script, no CDN, prints as it shows.
 */
public final class Charts {

  /** One month's bar: where it stands, how tall, and its two labels. */
  public record Bar(
      int x, long y, long height, int textX, long valueY, int labelY, long value, String label) {}

  /** One outcome's row: its label, bar width and share. */
  public record Share(
      int y,
      int textY,
      String label,
      int width,
      int countX,
      int countY,
      long count,
      String percent) {}

  public record Shares(int height, List<Share> rows) {
    public boolean empty() {
      return rows.isEmpty();
    }
  }

  public record OnTime(int width, String percent) {}

  /** The three charts of the page. */
  public record All(List<Bar> months, Shares outcomes, OnTime onTime) {}

  private static final int MONTH_WIDTH = 40;
  private static final int MONTH_HEIGHT = 160;
  private static final int ROW_HEIGHT = 22;

  private Charts() {}

  public static All of(AnnualTable t, int decimals) {
    return new All(
        perMonth(t.newByMonth()), outcomeShares(t, decimals), onTime(t.onTimeRate(), decimals));
  }

  public static List<Bar> perMonth(long[] months) {
    long max = 1;
    for (long m : months) {
      max = Math.max(max, m);
    }
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long bar = months[i] * MONTH_HEIGHT / max;
      int x = 20 + i * MONTH_WIDTH;
      bars.add(
          new Bar(
              x,
              10 + MONTH_HEIGHT - bar,
              bar,
              x + 14,
              5 + MONTH_HEIGHT - bar,
              MONTH_HEIGHT + 28,
              months[i],
              (i + 1) + "月"));
    }
    return bars;
  }

  public static Shares outcomeShares(AnnualTable t, int decimals) {
    List<String> names = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (t.total(o.name()) > 0) {
        names.add(o.row() + o.label());
        counts.add(t.total(o.name()));
      }
    }
    List<BigDecimal> shares =
        org.disclosuredesk.statistics.counting.Shares.of(
            counts.stream().mapToLong(Long::longValue).toArray(), decimals);
    List<Share> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int y = 5 + i * ROW_HEIGHT;
      int width = (int) Math.round(shares.get(i).doubleValue() * 3);
      String label =
          names.get(i).length() > 16 ? names.get(i).substring(0, 16) + "…" : names.get(i);
      rows.add(
          new Share(
              y,
              y + 14,
              label,
              width,
              236 + width,
              y + 13,
              counts.get(i),
              shares.get(i).toPlainString() + "%"));
    }
    return new Shares(Math.max(30, names.size() * ROW_HEIGHT + 10), rows);
  }

  public static OnTime onTime(Double rate, int decimals) {
    return new OnTime(
        rate == null ? 0 : (int) Math.round(rate * 400), Paragraph.rate(rate, decimals));
  }
}
