package org.disclosuredesk.statistics;

import java.util.List;
import java.util.Map;

/** The printable HTML of the statistics ({@code ?format=html} of the API): the official layout, nothing around it. */
final class ReportPages {

  private ReportPages() {}

  static String tables(AnnualTable t, Map<String, Object> json) {
    StringBuilder b = new StringBuilder();
    if (!t.consistent()) {
      b.append("<div class=\"alarm\" id=\"identity-break\">勾稽关系不成立（第一项加第二项之和应等于第三项加第四项之和）：");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> breaks = (List<Map<String, Object>>) json.get("breaks");
      for (Map<String, Object> br : breaks) {
        String column = (String) br.get("column");
        b.append("<br>").append(Html.escape(Layout.columnLabel(column))).append("列：")
            .append(Html.escape(String.join("，", castList(br.get("problems")))));
      }
      b.append("</div>\n");
    }
    b.append(Html.table(Grid.table3(t), "table-3"));
    b.append(Html.table(Grid.table4(t), "table-4"));
    return b.toString();
  }

  static String printable(AnnualTable t, Map<String, Object> json) {
    String body = "<h1>" + t.year() + "年政府信息公开工作年度报告（依申请公开统计）</h1>\n"
        + "<p class=\"paragraph\" id=\"paragraph\">" + Html.escape((String) json.get("paragraph")) + "</p>\n"
        + tables(t, json);
    return Html.page(t.year() + "年政府信息公开申请统计", body);
  }

  static String legacy(LegacyTable t, String paragraph) {
    String body = "<h1>" + t.year() + "年政府信息公开工作情况统计表</h1>\n<p class=\"paragraph\" id=\"paragraph\">"
        + Html.escape(paragraph) + "</p>\n" + Html.table(Grid.legacy(t), "legacy-table");
    return Html.page(t.year() + "年政府信息公开工作情况统计表", body);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }
}
