package org.disclosuredesk.statistics;

import java.util.List;
import java.util.Map;

/** The printable HTML of the statistics and the manager's page around it. */
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
  static String manager(AnnualTable t, Map<String, Object> json, int decimals, int thisYear,
      ProactiveRepository.Saved proactive) {
    int y = t.year();
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(y).append("年政府信息公开申请统计</h1>\n");
    b.append("<nav class=\"noprint\">");
    for (int i = thisYear; i > thisYear - 6; i--) {
      b.append(i == y ? "<strong>" + i + "年</strong> " : "<a href=\"/reports/" + i + "\">" + i + "年</a> ");
    }
    b.append("</nav>\n<p class=\"noprint\">");
    b.append("<a class=\"download\" id=\"download-csv\" href=\"/reports/").append(y)
        .append("/statistics-").append(y).append(".csv\" download>下载 CSV</a> ");
    b.append("<a class=\"download\" id=\"download-xlsx\" href=\"/reports/").append(y)
        .append("/statistics-").append(y).append(".xlsx\" download>下载 Excel（XLSX）</a> ");
    b.append("<a class=\"download\" id=\"download-docx\" href=\"/reports/").append(y)
        .append("/report-").append(y).append(".docx\" download>下载年度报告（Word）</a> ");
    b.append("<button type=\"button\" onclick=\"window.print()\">打印</button></p>\n");
    Object frozen = json.get("frozen");
    if (frozen != null) {
      Map<String, Object> f = (Map<String, Object>) frozen;
      List<Map<String, Object>> diffs = (List<Map<String, Object>>) json.get("differences");
      b.append("<p id=\"frozen\" class=\"note\">已于 ").append(Html.escape((String) f.get("at"))).append(" 由 ")
          .append(Html.escape((String) f.get("by"))).append(" 冻结发布。表中为当前数据；");
      if (diffs.isEmpty()) {
        b.append("与冻结时一致。</p>\n");
      } else {
        b.append("</p><div class=\"alarm\" id=\"differences\">冻结后有 ").append(diffs.size()).append(" 个数据发生变化：");
        for (Map<String, Object> d : diffs) {
          b.append("<br>").append(Html.escape((String) d.get("row"))).append(" / ")
              .append(Html.escape((String) d.get("column"))).append("：冻结时 ").append(d.get("frozen"))
              .append("，现在 ").append(d.get("current"));
        }
        b.append("</div>\n");
      }
    }
    b.append("<h2>依申请公开情况</h2><p class=\"paragraph\" id=\"paragraph\">")
        .append(Html.escape((String) json.get("paragraph"))).append("</p>\n");
    b.append("<p>本年新收申请：<strong id=\"new-total\">").append(t.total("NEW_THIS_YEAR"))
        .append("</strong> 件；本年办结：<strong id=\"concluded-total\">").append(t.concluded())
        .append("</strong> 件；按时答复率：<strong id=\"on-time-rate\">")
        .append(Paragraph.rate(t.onTimeRate(), decimals)).append("</strong>；收取信息处理费：<strong id=\"fees\">")
        .append(t.feesYuan().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).append("</strong> 元（")
        .append(Paragraph.tenThousand(t.feesYuan())).append(" 万元）</p>\n");
    b.append(tables(t, json));
    b.append(proactiveForm(y, proactive));
    b.append("<h2>每月收到申请数</h2>\n").append(Charts.perMonth(t.newByMonth()));
    b.append("<h2>办理结果占比</h2>\n").append(Charts.outcomeShares(t, decimals));
    b.append("<h2>按时答复率</h2>\n").append(Charts.onTime(t.onTimeRate(), decimals));
    b.append("<p class=\"note\">数据由办理流程记录自动生成（国办公开办函〔2021〕30号格式），不可手工填写。</p>\n");
    return Html.page(y + "年政府信息公开申请统计", b.toString());
  }

  /**
   * Table 二 as a form in the official layout: the figures the process does not record. Saved with PUT
   * /reports/{year}/proactive (the page's own path, so the browser sends its Basic credentials); empty = not filled
   * in. Each field's error appears next to it.
   */
  static String proactiveForm(int year, ProactiveRepository.Saved saved) {
    ProactiveFigures f = saved == null ? ProactiveFigures.BLANK : saved.figures();
    StringBuilder b = new StringBuilder();
    b.append("<h2>二、主动公开政府信息情况（年度报告表二）</h2>\n");
    b.append("<p class=\"note\">以下数据不由办理流程记录，请管理人员按《条例》第二十条填写；未填写的项目在年度报告中留空。</p>\n");
    b.append("<form id=\"proactive-form\" data-url=\"/reports/").append(year).append("/proactive\">\n");
    b.append("<table class=\"official\" id=\"table-2\">\n");
    for (Layout.ProactiveBlock block : Layout.PROACTIVE) {
      int span = 3 / block.columns().size();
      b.append("<tr><th colspan=\"4\">").append(Html.escape(block.article())).append("</th></tr>\n<tr><th>")
          .append(Layout.PROACTIVE_ITEM_HEADER).append("</th>");
      for (String c : block.columns()) {
        b.append("<th").append(span > 1 ? " colspan=\"" + span + "\"" : "").append('>').append(Html.escape(c))
            .append("</th>");
      }
      b.append("</tr>\n");
      for (int i = 0; i < block.items().size(); i++) {
        b.append("<tr><td class=\"label\">").append(Html.escape(block.items().get(i))).append("</td>");
        List<String> fields = block.fields().get(i);
        for (int k = 0; k < fields.size(); k++) {
          String field = fields.get(k);
          boolean amount = ProactiveFigures.AMOUNT_FIELD.equals(field);
          Long count = amount ? null : f.count(field);
          String value = amount ? f.amountText() : count == null ? "" : count.toString();
          b.append("<td").append(span > 1 ? " colspan=\"" + span + "\"" : "").append("><input name=\"").append(field)
              .append("\" id=\"proactive-").append(field).append("\" inputmode=\"").append(amount ? "decimal" : "numeric")
              .append("\" size=\"10\" aria-label=\"").append(Html.escape(block.items().get(i) + " " + block.columns().get(k)))
              .append("\" value=\"").append(Html.escape(value)).append("\"><span class=\"error\" id=\"error-")
              .append(field).append("\"></span></td>");
        }
        b.append("</tr>\n");
      }
    }
    b.append("</table>\n<p class=\"noprint\"><button type=\"submit\" id=\"proactive-save\">保存表二</button> ")
        .append("<span id=\"proactive-status\" role=\"status\">");
    if (saved != null) {
      b.append("最后保存：").append(Html.escape(saved.updatedAt().toString().replace('T', ' '))).append("（")
          .append(Html.escape(saved.updatedBy())).append("）");
    }
    b.append("</span></p>\n</form>\n");
    b.append(PROACTIVE_SCRIPT);
    return b.toString();
  }

  // empty → null (not filled in); a number as a JSON number; anything else as typed, so the server names the problem
  private static final String PROACTIVE_SCRIPT = """
      <script>
      document.getElementById('proactive-form').addEventListener('submit', async (e) => {
        e.preventDefault();
        const form = e.target;
        const status = document.getElementById('proactive-status');
        const body = {};
        form.querySelectorAll('.error').forEach((x) => { x.textContent = ''; });
        for (const input of form.querySelectorAll('input[name]')) {
          const v = input.value.trim();
          body[input.name] = v === '' ? null : (/^-?[0-9]+([.][0-9]+)?$/.test(v) ? Number(v) : v);
        }
        status.textContent = '正在保存……';
        try {
          // from the origin: a page opened as user:password@host would resolve a relative URL with them, which fetch refuses
          const r = await fetch(location.origin + form.dataset.url, {method: 'PUT', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify(body)});
          const answer = await r.json();
          if (r.ok) {
            status.textContent = '已保存：' + answer.updatedAt.replace('T', ' ') + '（' + answer.updatedBy + '）';
            return;
          }
          status.textContent = answer.message || '保存失败';
          for (const [field, message] of Object.entries(answer.fields || {})) {
            const el = document.getElementById('error-' + field);
            if (el) { el.textContent = message; }
          }
        } catch (err) {
          status.textContent = '保存失败，请检查网络后重试';
        }
      });
      </script>
      """;

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }
}
