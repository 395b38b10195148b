package org.disclosuredesk.statistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.statistics.counting.CellLinks;
import org.disclosuredesk.statistics.counting.Grid;
import org.disclosuredesk.statistics.counting.Layout;

/**
 * Where each number of the reports opens its requests: the page ({@code /reports/...}) and the API
 * ({@code /api/statistics/...}) of a cell's drill-down. Query values are URL-encoded; the result is
 * a URL, not HTML, so a page writing it into an attribute still escapes it ({@link Html#escape}:
 * {@code &} → {@code &amp;}). A row or column the tables do not have is a programming error here
 * (IllegalArgumentException), never a dead link.
 */
public final class DrillDownLinks {

  private DrillDownLinks() {}

  static final String PAGES = "/reports/";
  static final String API = "/api/statistics/";

  /** Table 三: {@code /reports/2024/requests?row=DISCLOSED&column=TOTAL}. */
  public static String requests(int year, String row, String column) {
    return requests(year, row, column, null);
  }

  /**
   * The same for one agency's table or a consolidated one: {@code &agency=RSJ}, {@code
   * &agencies=RSJ,ZRJ} (a consolidated cell opens the requests of every agency it counted); null or
   * an agency of a one-agency platform: no parameter.
   */
  public static String requests(int year, String row, String column, ReportScope scope) {
    return requests(PAGES, year, row, column, null, null, scope);
  }

  /**
   * The requests received in the year by one channel and/or topic (null: any), as the annual
   * paragraph counts them; the topic 其他 includes requests without one.
   */
  public static String newRequests(int year, String channel, String topic) {
    return newRequests(year, channel, topic, null);
  }

  public static String newRequests(int year, String channel, String topic, ReportScope scope) {
    return requests(PAGES, year, "NEW_THIS_YEAR", Layout.TOTAL, channel, topic, scope);
  }

  /** Table 四: {@code /reports/2024/appeals?row=RECONSIDERATION&column=UPHELD}. */
  public static String appeals(int year, String row, String column) {
    return appeals(year, row, column, null);
  }

  public static String appeals(int year, String row, String column, ReportScope scope) {
    return appeals(PAGES, year, row, column, scope);
  }

  /** Pre-2019 template: {@code /reports/2017/legacy/requests?row=ANSWERED_DISCLOSED}. */
  public static String legacy(int year, String row) {
    return legacy(year, row, null);
  }

  public static String legacy(int year, String row, ReportScope scope) {
    return legacy(PAGES, year, row, scope);
  }

  /**
   * The pages of a table's cells, for the agency (or agencies) counted: what a {@link Grid} links
   * its counts to.
   */
  public static CellLinks cells(ReportScope scope) {
    return new CellLinks() {
      @Override
      public String requests(int year, String row, String column) {
        return DrillDownLinks.requests(year, row, column, scope);
      }

      @Override
      public String appeals(int year, String row, String column) {
        return DrillDownLinks.appeals(year, row, column, scope);
      }

      @Override
      public String legacy(int year, String row) {
        return DrillDownLinks.legacy(year, row, scope);
      }
    };
  }

  /** The same lists as JSON ({@code &format=xlsx} appended gives the spreadsheet). */
  public static String apiRequests(int year, String row, String column) {
    return apiRequests(year, row, column, null);
  }

  public static String apiRequests(int year, String row, String column, ReportScope scope) {
    return requests(API, year, row, column, null, null, scope);
  }

  public static String apiNewRequests(int year, String channel, String topic) {
    return apiNewRequests(year, channel, topic, null);
  }

  public static String apiNewRequests(int year, String channel, String topic, ReportScope scope) {
    return requests(API, year, "NEW_THIS_YEAR", Layout.TOTAL, channel, topic, scope);
  }

  public static String apiAppeals(int year, String row, String column) {
    return apiAppeals(year, row, column, null);
  }

  public static String apiAppeals(int year, String row, String column, ReportScope scope) {
    return appeals(API, year, row, column, scope);
  }

  public static String apiLegacy(int year, String row) {
    return apiLegacy(year, row, null);
  }

  public static String apiLegacy(int year, String row, ReportScope scope) {
    return legacy(API, year, row, scope);
  }

  private static String requests(
      String base,
      int year,
      String row,
      String column,
      String channel,
      String topic,
      ReportScope scope) {
    require(DrillDown.isRow(row), "row", row);
    require(Layout.COLUMNS.contains(column), "column", column);
    StringBuilder url =
        new StringBuilder(base)
            .append(year)
            .append("/requests?row=")
            .append(encode(row))
            .append("&column=")
            .append(encode(column));
    if (channel != null) {
      require(isChannel(channel), "channel", channel);
      url.append("&channel=").append(encode(channel));
    }
    if (topic != null) {
      url.append("&topic=").append(encode(topic));
    }
    return scoped(url.toString(), scope);
  }

  private static String appeals(
      String base, int year, String row, String column, ReportScope scope) {
    require(Layout.APPEAL_ROWS.contains(row), "row", row);
    require(Layout.APPEAL_COLUMNS.contains(column), "column", column);
    return scoped(base + year + "/appeals?row=" + encode(row) + "&column=" + encode(column), scope);
  }

  private static String legacy(String base, int year, String row, ReportScope scope) {
    require(DrillDown.isLegacyRow(row), "row", row);
    return scoped(base + year + "/legacy/requests?row=" + encode(row), scope);
  }

  private static String scoped(String url, ReportScope scope) {
    return scope == null ? url : scope.link(url);
  }

  private static boolean isChannel(String code) {
    for (Channel c : Channel.values()) {
      if (c.name().equals(code)) {
        return true;
      }
    }
    return false;
  }

  private static void require(boolean ok, String what, String value) {
    if (!ok) {
      throw new IllegalArgumentException("no drill-down for " + what + " " + value);
    }
  }

  /** Percent-encoding for a query value: a space is %20, not the form encoding's +. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
