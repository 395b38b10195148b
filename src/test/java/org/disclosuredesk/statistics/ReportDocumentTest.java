package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.statistics.counting.Layout;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GET /api/statistics/{year}/report?format=docx read back with POI: sections 一 to 六, the paragraph,
 * tables 三 and 四 equal to the statistics JSON cell by cell with the official merged headers, table
 * 二 as the manager filled it in (PUT …/proactive, strictly checked), the fees, the freeze and what
 * changed since. Years 2003 and 2004 are this test's own.
 */
class ReportDocumentTest extends StatisticsTestSupport {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @Autowired ObjectMapper json;
  @Autowired AgencyProperties agency;
  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> send(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode jsonOf(HttpResponse<byte[]> r, int status) throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    return json.readTree(r.body());
  }

  XWPFDocument report(int year) throws Exception {
    HttpResponse<byte[]> r =
        send("GET", "/api/statistics/" + year + "/report?format=docx", "manager", null);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(DOCX);
    String disposition = r.headers().firstValue("Content-Disposition").orElse("");
    assertThat(disposition)
        .startsWith("attachment;")
        .contains("filename=\"annual-report-" + year + ".docx\"");
    String encoded =
        disposition.substring(
            disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
        .isEqualTo(year + "年政府信息公开工作年度报告.docx");
    return new XWPFDocument(new ByteArrayInputStream(r.body()));
  }

  @Test
  void theReportDocumentHoldsTheYearsFiguresInTheOfficialLayout() throws Exception {
    // 2003: a fee paid and a disclosure, a not-held answer, one request open at the year's end, one
    // reconsideration
    String a = register("ONLINE", d(2003, 3, 3), "NATURAL_PERSON", "社保信息");
    actions.screening(a, body("result", "PROCEED"), "reviewer");
    actions.feeNotice(
        a,
        body("noticeOn", "2003-03-05", "method", "PER_VOLUME", "pages", 50, "amountYuan", 200),
        "reviewer");
    actions.feePayment(a, body("paidOn", "2003-03-07"), "clerk");
    decide(a, Outcome.DISCLOSED, d(2003, 3, 20));
    String b = register("IN_PERSON", d(2003, 5, 6), "COMMERCIAL_ENTERPRISE", "就业信息");
    decide(b, Outcome.UNAVAILABLE_NOT_HELD, d(2003, 5, 20));
    String c = register("ONLINE", d(2003, 12, 29), "LEGAL_SERVICE_PROVIDER", "劳动关系");
    appeal(a, "RECONSIDERATION", d(2003, 4, 1), "UPHELD", d(2003, 5, 10));

    // access and bad input
    assertThat(send("GET", "/api/statistics/2003/report?format=docx", null, null).statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/api/statistics/2003/report?format=docx", "clerk", null).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/reports/2003/report-2003.docx", "reviewer", null).statusCode())
        .isEqualTo(403);
    assertThat(
            jsonOf(send("GET", "/api/statistics/2003/report?format=pdf", "manager", null), 400)
                .get("fields")
                .get("format")
                .asText())
        .isEqualTo("只能为 docx");
    assertThat(send("GET", "/api/statistics/3000/report?format=docx", "manager", null).statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> fromPage = send("GET", "/reports/2003/report-2003.docx", "manager", null);
    assertThat(fromPage.statusCode()).isEqualTo(200);
    assertThat(fromPage.headers().firstValue("Content-Type").orElse("")).startsWith(DOCX);

    JsonNode s = jsonOf(send("GET", "/api/statistics/2003", "manager", null), 200);
    try (XWPFDocument doc = report(2003)) {
      List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(texts)
          .contains(
              agency.name(),
              "2003年政府信息公开工作年度报告",
              s.get("paragraph").asText(),
              "（一）政府信息公开信息处理费收费情况");
      List<String> headings = texts.stream().filter(t -> t.matches("^[一二三四五六]、.*")).toList();
      assertThat(headings)
          .containsExactly(
              "一、总体情况",
              "二、主动公开政府信息情况",
              "三、收到和处理政府信息公开申请情况",
              "四、政府信息公开行政复议、行政诉讼情况",
              "五、存在的主要问题及改进情况",
              "六、其他需要报告的事项");
      assertThat(texts).anyMatch(t -> t.startsWith("【请在此补充") && t.endsWith("】"));
      assertThat(texts)
          .contains("依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度共收取政府信息公开" + "信息处理费200.00元（0.0200万元）。");
      assertThat(String.join("\n", texts)).doesNotContain("冻结");

      // GB/T 9704 page: A4, margins 37/35/28/26 mm
      CTPageMar mar = doc.getDocument().getBody().getSectPr().getPgMar();
      assertThat(List.of(mar.getTop(), mar.getBottom(), mar.getLeft(), mar.getRight()))
          .extracting(Object::toString)
          .containsExactly("2098", "1984", "1587", "1474");
      assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString())
          .isEqualTo("11906");
      assertThat(doc.getFooterList())
          .anyMatch(f -> f.getText().contains("— ") && f.getText().contains(" —"));

      assertThat(doc.getTables()).hasSize(3);
      checkTable3(grid(doc.getTables().get(1)), s);
      checkTable4(grid(doc.getTables().get(2)), s);
      Map<String, XWPFTableCell> two = grid(doc.getTables().get(0));
      assertThat(text(two, 0, 0)).isEqualTo("第二十条第（一）项");
      assertThat(span(two, 0, 0)).isEqualTo(4);
      assertThat(text(two, 2, 0)).isEqualTo("规章");
      for (int[] cell :
          new int[][] {{2, 1}, {2, 2}, {2, 3}, {3, 1}, {3, 3}, {6, 1}, {9, 1}, {10, 1}, {13, 1}}) {
        assertThat(text(two, cell[0], cell[1])).as("not filled in: blank").isEmpty();
      }
    }

    // table 二: filled in by the manager, strictly checked
    assertThat(send("PUT", "/api/statistics/2003/proactive", "clerk", "{}").statusCode())
        .isEqualTo(403);
    JsonNode bad =
        jsonOf(
            send(
                "PUT",
                "/api/statistics/2003/proactive",
                "manager",
                "{\"regulationsIssued\": -1, \"licensingDecisions\": 1.5, \"penaltyDecisions\": \"4\","
                    + " \"chargesTenThousandYuan\": \"12\", \"color\": 1}"),
            400);
    assertThat(bad.get("fields").get("regulationsIssued").asText()).contains("整数");
    assertThat(bad.get("fields").get("licensingDecisions").asText()).contains("整数");
    assertThat(bad.get("fields").get("penaltyDecisions").asText()).contains("整数");
    assertThat(bad.get("fields").get("chargesTenThousandYuan").asText()).contains("万元");
    assertThat(bad.get("fields").get("color").asText()).isEqualTo("未知字段");
    assertThat(
            jsonOf(
                    send(
                        "PUT",
                        "/api/statistics/2003/proactive",
                        "manager",
                        "{\"chargesTenThousandYuan\": 1.23456}"),
                    400)
                .get("fields")
                .get("chargesTenThousandYuan")
                .asText())
        .contains("4 位小数");
    assertThat(
            jsonOf(send("PUT", "/api/statistics/2003/proactive", "manager", "[1]"), 400)
                .get("fields")
                .has("body"))
        .isTrue();
    assertThat(
            jsonOf(
                    send(
                        "PUT",
                        "/api/statistics/2003/proactive",
                        "manager",
                        "{\"penaltyDecisions\": 1e20}"),
                    400)
                .get("fields")
                .has("penaltyDecisions"))
        .isTrue();
    JsonNode empty = jsonOf(send("GET", "/api/statistics/2003/proactive", "manager", null), 200);
    assertThat(empty.get("regulationsIssued").isNull()).isTrue();
    assertThat(empty.get("updatedBy").isNull()).isTrue();

    JsonNode saved =
        jsonOf(
            send(
                "PUT",
                "/api/statistics/2003/proactive",
                "manager",
                "{\"regulationsIssued\": 0, \"normativeDocumentsRepealed\": 1, \"normativeDocumentsInForce\": 19,"
                    + " \"penaltyDecisions\": 4, \"chargesTenThousandYuan\": 268.29}"),
            200);
    assertThat(saved.get("updatedBy").asText()).isEqualTo("manager");
    JsonNode read = jsonOf(send("GET", "/api/statistics/2003/proactive", "manager", null), 200);
    assertThat(read.get("year").asInt()).isEqualTo(2003);
    assertThat(read.get("regulationsIssued").asLong()).isZero();
    assertThat(read.get("normativeDocumentsInForce").asLong()).isEqualTo(19);
    assertThat(read.get("chargesTenThousandYuan").decimalValue()).isEqualByComparingTo("268.29");
    assertThat(read.get("chargesTenThousandYuan").toString()).isEqualTo("268.29");
    assertThat(read.get("licensingDecisions").isNull()).isTrue();
    assertThat(read.get("updatedAt").asText()).isNotBlank();
    // a second save replaces the row, the same path as the manager page uses
    jsonOf(
        send(
            "PUT",
            "/reports/2003/proactive",
            "manager",
            "{\"regulationsIssued\": 0, \"normativeDocumentsRepealed\": 1, \"normativeDocumentsInForce\": 19,"
                + " \"penaltyDecisions\": 4, \"coercionDecisions\": null, \"chargesTenThousandYuan\": 268.290}"),
        200);

    try (XWPFDocument doc = report(2003)) {
      Map<String, XWPFTableCell> two = grid(doc.getTables().get(0));
      assertThat(text(two, 2, 1)).isEqualTo("0");
      assertThat(text(two, 2, 2)).isEmpty();
      assertThat(text(two, 3, 2)).isEqualTo("1");
      assertThat(text(two, 3, 3)).isEqualTo("19");
      assertThat(text(two, 5, 1)).isEqualTo("本年处理决定数量");
      assertThat(span(two, 5, 1)).isEqualTo(3);
      assertThat(text(two, 6, 1)).isEmpty();
      assertThat(text(two, 9, 0)).isEqualTo("行政处罚");
      assertThat(text(two, 9, 1)).isEqualTo("4");
      assertThat(text(two, 10, 1)).isEmpty();
      assertThat(text(two, 12, 1)).isEqualTo("本年收费金额（单位：万元）");
      assertThat(text(two, 13, 1)).isEqualTo("268.29");
    }

    // freeze, then the open request is answered: the tables show today's figures and the note names
    // what moved
    assertThat(send("POST", "/api/statistics/2003/freeze", "manager", null).statusCode())
        .isEqualTo(201);
    JsonNode frozenAt =
        jsonOf(send("GET", "/api/statistics/2003", "manager", null), 200).get("frozen");
    decide(c, Outcome.NOT_PROCESSED_DUPLICATE, d(2003, 12, 31));
    JsonNode after = jsonOf(send("GET", "/api/statistics/2003", "manager", null), 200);
    assertThat(after.get("differences")).hasSize(6);
    try (XWPFDocument doc = report(2003)) {
      List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      String at =
          java.time.LocalDateTime.parse(frozenAt.get("at").asText())
              .format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm"));
      assertThat(texts)
          .contains(
              "（二）统计数据说明",
              "本年度统计数据已于" + at + "由manager冻结发布。本报告表三、表四为生成本报告时" + "办理记录中的数据，冻结后有6项数据发生变化：",
              "（五）不予处理2.重复申请（法律服务机构）：冻结时0，现为1。",
              "（七）总计（总计）：冻结时2，现为3。",
              "四、结转下年度继续办理（法律服务机构）：冻结时1，现为0。");
      checkTable3(grid(doc.getTables().get(1)), after);
    }
  }

  /** A year frozen with nothing changed since says so. */
  @Test
  void aFrozenYearWithoutChangesSaysTheFiguresAreThoseFrozen() throws Exception {
    String a = register("IN_PERSON", d(2004, 2, 2), "NATURAL_PERSON", "社保信息");
    decide(a, Outcome.DISCLOSED, d(2004, 2, 20));
    assertThat(send("POST", "/api/statistics/2004/freeze", "admin", null).statusCode())
        .isEqualTo(201);
    try (XWPFDocument doc = report(2004)) {
      String all =
          String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
      assertThat(all)
          .contains("由admin冻结发布。本报告表三、表四为生成本报告时办理记录中的数据，与冻结时一致。")
          .contains("本年度未收取政府信息公开信息处理费。")
          .contains("【本表尚未填写");
    }
  }

  private void checkTable3(Map<String, XWPFTableCell> g, JsonNode s) {
    // header: the identity note over three columns and three rows, 申请人情况 over seven columns
    assertThat(text(g, 0, 0)).isEqualTo(Layout.IDENTITY_NOTE);
    assertThat(span(g, 0, 0)).isEqualTo(3);
    assertThat(vMerge(g, 0, 0)).isEqualTo("restart");
    assertThat(span(g, 1, 0)).isEqualTo(3);
    assertThat(vMerge(g, 1, 0)).isEqualTo("continue");
    assertThat(vMerge(g, 2, 0)).isEqualTo("continue");
    assertThat(text(g, 0, 3)).isEqualTo("申请人情况");
    assertThat(span(g, 0, 3)).isEqualTo(7);
    assertThat(text(g, 1, 3)).isEqualTo("自然人");
    assertThat(vMerge(g, 1, 3)).isEqualTo("restart");
    assertThat(vMerge(g, 2, 3)).isEqualTo("continue");
    assertThat(text(g, 1, 4)).isEqualTo("法人或其他组织");
    assertThat(span(g, 1, 4)).isEqualTo(5);
    assertThat(text(g, 1, 9)).isEqualTo("总计");
    assertThat(vMerge(g, 2, 9)).isEqualTo("continue");
    assertThat(List.of(text(g, 2, 4), text(g, 2, 5), text(g, 2, 6), text(g, 2, 7), text(g, 2, 8)))
        .containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
    // rows: the labels of the statistics, the JSON's values cell by cell
    JsonNode rows = s.get("rows");
    for (int i = 0; i < rows.size(); i++) {
      int r = 3 + i;
      JsonNode row = rows.get(i);
      String label = row.get("label").asText();
      if (row.get("section").isNull()) {
        assertThat(text(g, r, 0)).isEqualTo(label);
        assertThat(span(g, r, 0)).isEqualTo(3);
      } else if (row.get("group").isNull()) {
        assertThat(text(g, r, 1)).isEqualTo(label);
        assertThat(span(g, r, 1)).isEqualTo(2);
      } else {
        assertThat(text(g, r, 2)).isEqualTo(label);
      }
      for (int c = 0; c < 7; c++) {
        assertThat(text(g, r, 3 + c))
            .as(row.get("code").asText() + " column " + c)
            .isEqualTo(row.get("values").get(c).asText());
      }
    }
    // 三、本年度办理结果 merged down its 23 rows, （三）不予公开 down its eight
    assertThat(text(g, 5, 0)).isEqualTo("三、本年度办理结果");
    assertThat(vMerge(g, 5, 0)).isEqualTo("restart");
    for (int r = 6; r <= 26; r++) {
      assertThat(vMerge(g, r, 0)).as("row " + r).isEqualTo("continue");
    }
    assertThat(vMerge(g, 27, 0)).isNull();
    assertThat(text(g, 7, 1)).isEqualTo("（三）不予公开");
    assertThat(vMerge(g, 7, 1)).isEqualTo("restart");
    assertThat(vMerge(g, 14, 1)).isEqualTo("continue");
    assertThat(text(g, 15, 1)).isEqualTo("（四）无法提供");
    assertThat(text(g, 26, 1)).isEqualTo("（七）总计");
    assertThat(span(g, 26, 1)).isEqualTo(2);
  }

  private void checkTable4(Map<String, XWPFTableCell> g, JsonNode s) {
    assertThat(text(g, 0, 0)).isEqualTo("行政复议");
    assertThat(span(g, 0, 0)).isEqualTo(5);
    assertThat(text(g, 0, 5)).isEqualTo("行政诉讼");
    assertThat(span(g, 0, 5)).isEqualTo(10);
    assertThat(text(g, 1, 0)).isEqualTo("结果维持");
    assertThat(vMerge(g, 1, 0)).isEqualTo("restart");
    assertThat(vMerge(g, 2, 4)).isEqualTo("continue");
    assertThat(text(g, 1, 5)).isEqualTo("未经复议直接起诉");
    assertThat(span(g, 1, 5)).isEqualTo(5);
    assertThat(text(g, 1, 10)).isEqualTo("复议后起诉");
    assertThat(span(g, 1, 10)).isEqualTo(5);
    assertThat(text(g, 2, 5)).isEqualTo("结果维持");
    assertThat(text(g, 2, 14)).isEqualTo("总计");
    List<String> values = new ArrayList<>();
    s.get("appeals").get("rows").forEach(r -> r.get("values").forEach(v -> values.add(v.asText())));
    for (int c = 0; c < 15; c++) {
      assertThat(text(g, 3, c)).as("table 四 column " + c).isEqualTo(values.get(c));
    }
    assertThat(values.get(0)).isEqualTo("1"); // the reconsideration, upheld
  }

  /** Each Word cell at its grid position (row, first grid column), as gridSpan places it. */
  static Map<String, XWPFTableCell> grid(XWPFTable table) {
    Map<String, XWPFTableCell> g = new HashMap<>();
    for (int r = 0; r < table.getRows().size(); r++) {
      XWPFTableRow row = table.getRow(r);
      int c = 0;
      for (XWPFTableCell cell : row.getTableCells()) {
        g.put(r + "," + c, cell);
        c += spanOf(cell);
      }
    }
    return g;
  }

  private static int spanOf(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    return pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
  }

  private static XWPFTableCell cell(Map<String, XWPFTableCell> g, int r, int c) {
    XWPFTableCell cell = g.get(r + "," + c);
    assertThat(cell).as("a cell starts at row " + r + ", column " + c).isNotNull();
    return cell;
  }

  static String text(Map<String, XWPFTableCell> g, int r, int c) {
    return cell(g, r, c).getText();
  }

  static int span(Map<String, XWPFTableCell> g, int r, int c) {
    return spanOf(cell(g, r, c));
  }

  /** "restart", "continue" or null (not merged down). */
  static String vMerge(Map<String, XWPFTableCell> g, int r, int c) {
    CTTcPr pr = cell(g, r, c).getCTTc().getTcPr();
    if (pr == null || !pr.isSetVMerge()) {
      return null;
    }
    return pr.getVMerge().getVal() == STMerge.RESTART ? "restart" : "continue";
  }
}
