package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.handling.Outcome;

/** Inline SVG charts drawn on the server: no script, no CDN, prints as it shows. */
public final class Charts {

  private Charts() {}

  public static String perMonth(long[] months) {
    long max = 1;
    for (long m : months) {
      max = Math.max(max, m);
    }
    int w = 40;
    int h = 160;
    StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-months\" width=\"520\""
        + " height=\"210\" role=\"img\" aria-label=\"每月收到申请数\"><title>每月收到申请数</title>");
    for (int i = 0; i < 12; i++) {
      long bar = months[i] * h / max;
      int x = 20 + i * w;
      s.append("<rect x=\"").append(x).append("\" y=\"").append(10 + h - bar).append("\" width=\"28\" height=\"")
          .append(bar).append("\" fill=\"#4a78b5\"><title>").append(i + 1).append("月：").append(months[i])
          .append("件</title></rect>");
      s.append("<text x=\"").append(x + 14).append("\" y=\"").append(5 + h - bar)
          .append("\" font-size=\"11\" text-anchor=\"middle\">").append(months[i]).append("</text>");
      s.append("<text x=\"").append(x + 14).append("\" y=\"").append(h + 28)
          .append("\" font-size=\"11\" text-anchor=\"middle\">").append(i + 1).append("月</text>");
    }
    return s.append("</svg>").toString();
  }

  public static String outcomeShares(AnnualTable t, int decimals) {
    List<String> names = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (t.total(o.name()) > 0) {
        names.add(o.row() + o.label());
        counts.add(t.total(o.name()));
      }
    }
    List<BigDecimal> shares = Shares.of(counts.stream().mapToLong(Long::longValue).toArray(), decimals);
    int rowH = 22;
    StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-outcomes\" width=\"640\""
        + " height=\"" + Math.max(30, names.size() * rowH + 10) + "\" role=\"img\" aria-label=\"办理结果占比\">"
        + "<title>办理结果占比</title>");
    if (names.isEmpty()) {
      s.append("<text x=\"5\" y=\"20\" font-size=\"12\">本年度没有办结的申请</text>");
    }
    for (int i = 0; i < names.size(); i++) {
      int y = 5 + i * rowH;
      double pct = shares.get(i).doubleValue();
      String label = names.get(i).length() > 16 ? names.get(i).substring(0, 16) + "…" : names.get(i);
      s.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(Html.escape(label))
          .append("</text>");
      s.append("<rect x=\"230\" y=\"").append(y).append("\" width=\"").append((int) Math.round(pct * 3))
          .append("\" height=\"16\" fill=\"#d9822b\"/>");
      s.append("<text x=\"").append(236 + (int) Math.round(pct * 3)).append("\" y=\"").append(y + 13)
          .append("\" font-size=\"12\">").append(counts.get(i)).append("件 ").append(shares.get(i).toPlainString())
          .append("%</text>");
    }
    return s.append("</svg>").toString();
  }

  public static String onTime(Double rate, int decimals) {
    String pct = Paragraph.rate(rate, decimals);
    int width = rate == null ? 0 : (int) Math.round(rate * 400);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-on-time\" width=\"520\" height=\"50\" role=\"img\""
        + " aria-label=\"按时答复率\"><title>按时答复率</title>"
        + "<rect x=\"0\" y=\"10\" width=\"400\" height=\"24\" fill=\"#eee\" stroke=\"#999\"/>"
        + "<rect x=\"0\" y=\"10\" width=\"" + width + "\" height=\"24\" fill=\"#3a9d5d\"/>"
        + "<text x=\"410\" y=\"28\" font-size=\"14\">" + pct + "</text></svg>";
  }
}
