package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.statistics.counting.Layout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics endpoints over HTTP: JSON shape, formats, errors, freeze, reconciliation, identity
 * break.
 */
class StatisticsApiTest extends StatisticsTestSupport {

  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> get(String path, String user) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> post(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode getJson(String path) throws Exception {
    HttpResponse<byte[]> r = get(path, "manager");
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return json.readTree(r.body());
  }

  /**
   * A year in which nothing was concluded (here: only one request, still open) has no on-time rate.
   */
  @Test
  void aYearWithNothingConcludedHasNoOnTimeRate() throws Exception {
    register("IN_PERSON", d(2008, 12, 29), "NATURAL_PERSON", "社保信息");
    JsonNode s = getJson("/api/statistics/2008");
    assertThat(s.get("onTimeRate").isNull()).isTrue();
    assertThat(s.get("paragraph").asText()).contains("本年度办结0件，按时答复率—，");
    String page = new String(get("/reports/2008", "manager").body(), StandardCharsets.UTF_8);
    assertThat(page).contains("<strong id=\"on-time-rate\">—</strong>");
  }

  /**
   * 2015: two requests, one with a fee paid; JSON, CSV, XLSX, HTML, legacy, freeze, reconciliation.
   */
  @Test
  void year2015() throws Exception {
    String a = register("ONLINE", d(2015, 3, 2), "NATURAL_PERSON", "社保信息");
    actions.screening(a, body("result", "PROCEED"), "reviewer");
    actions.feeNotice(
        a,
        body("noticeOn", "2015-03-04", "method", "PER_VOLUME", "pages", 50, "amountYuan", 200),
        "reviewer");
    actions.feePayment(a, body("paidOn", "2015-03-06"), "clerk");
    decide(a, Outcome.DISCLOSED, d(2015, 3, 10));
    String b = register("IN_PERSON", d(2015, 12, 28), "LEGAL_SERVICE_PROVIDER", "劳动关系");

    JsonNode s = getJson("/api/statistics/2015");
    assertThat(s.get("year").asInt()).isEqualTo(2015);
    assertThat(s.get("format").asText()).isEqualTo("GB-2021");
    assertThat(s.get("columns"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "NATURAL_PERSON",
            "COMMERCIAL_ENTERPRISE",
            "RESEARCH_INSTITUTION",
            "PUBLIC_INTEREST_ORGANIZATION",
            "LEGAL_SERVICE_PROVIDER",
            "OTHER_ORGANIZATION",
            "TOTAL");
    List<String> codes = new ArrayList<>();
    s.get("rows").forEach(r -> codes.add(r.get("code").asText()));
    List<String> expected =
        new ArrayList<>(List.of("NEW_THIS_YEAR", "CARRIED_OVER_FROM_LAST_YEAR"));
    for (Outcome o : Outcome.values()) {
      expected.add(o.name());
    }
    expected.addAll(List.of("CONCLUDED_TOTAL", "CARRIED_FORWARD_TO_NEXT_YEAR"));
    assertThat(codes).isEqualTo(expected);
    assertThat(s.get("rows").get(0).get("label").asText()).isEqualTo("一、本年新收政府信息公开申请数量");
    assertThat(s.get("rows").get(0).get("values"))
        .extracting(JsonNode::asLong)
        .containsExactly(1L, 0L, 0L, 0L, 1L, 0L, 2L);
    assertThat(s.get("rows").get(24).get("values"))
        .extracting(JsonNode::asLong)
        .containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 1L);
    assertThat(s.get("consistent").asBoolean()).isTrue();
    assertThat(s.get("appeals").get("columns"))
        .extracting(JsonNode::asText)
        .containsExactly("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL");
    assertThat(s.get("appeals").get("rows"))
        .extracting(r -> r.get("code").asText())
        .containsExactly(
            "RECONSIDERATION", "LITIGATION_DIRECT", "LITIGATION_AFTER_RECONSIDERATION");
    assertThat(s.get("fees").get("collectedYuan").decimalValue()).isEqualByComparingTo("200");
    assertThat(s.get("fees").get("collectedTenThousandYuan").decimalValue())
        .isEqualByComparingTo("0.02");
    assertThat(s.get("onTimeRate").asDouble()).isEqualTo(1.0);
    assertThat(s.get("paragraph").asText()).contains("收取信息处理费200.00元（0.0200万元）");
    assertThat(s.get("frozen").isNull()).isTrue();
    assertThat(s.get("differences")).isEmpty();

    // access and bad input
    assertThat(get("/api/statistics/2015", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/statistics/2015", "clerk").statusCode()).isEqualTo(403);
    assertThat(get("/reports/2015", null).statusCode()).isEqualTo(401);
    assertThat(get("/reports/2015", "reviewer").statusCode()).isEqualTo(403);
    assertThat(get("/reports", "clerk").statusCode()).isEqualTo(403);
    assertThat(get("/reports", "manager").statusCode()).isEqualTo(302);
    assertThat(get("/reports/2015", "admin").statusCode()).isEqualTo(200);
    assertThat(get("/api/statistics/abc", "manager").statusCode()).isEqualTo(400);
    assertThat(get("/api/statistics/3000", "manager").statusCode()).isEqualTo(400);
    assertThat(get("/api/statistics/2015?format=pdf", "manager").statusCode()).isEqualTo(400);
    assertThat(get("/api/statistics/2015/legacy?format=doc", "manager").statusCode())
        .isEqualTo(400);
    assertThat(
            json.readTree(get("/api/statistics/2015?format=pdf", "manager").body())
                .get("fields")
                .has("format"))
        .isTrue();

    // CSV
    HttpResponse<byte[]> csv = get("/api/statistics/2015?format=csv", "manager");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("代码,项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计")
        .contains("NEW_THIS_YEAR,\"一、本年新收政府信息公开申请数量\",1,0,0,0,1,0,2");

    // XLSX round trip: official labels and merged header cells
    HttpResponse<byte[]> xlsx = get("/api/statistics/2015?format=xlsx", "manager");
    assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    checkWorkbook(xlsx.body());

    // HTML
    String html =
        new String(
            get("/api/statistics/2015?format=html", "manager").body(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<table class=\"official\" id=\"table-3\">")
        .contains("申请人情况")
        .contains("法人或其他组织")
        .contains("（三）不予公开")
        .contains("四、结转下年度继续办理");

    // legacy template
    JsonNode legacy = getJson("/api/statistics/2015/legacy");
    assertThat(legacy.get("format").asText()).isEqualTo("PRE-2019");
    List<String> legacyCodes = new ArrayList<>();
    legacy.get("rows").forEach(r -> legacyCodes.add(r.get("code").asText()));
    assertThat(legacyCodes)
        .containsExactly(
            "RECEIVED_TOTAL",
            "RECEIVED_IN_PERSON",
            "RECEIVED_FAX",
            "RECEIVED_ONLINE",
            "RECEIVED_LETTER",
            "RECEIVED_OTHER",
            "CONCLUDED_TOTAL",
            "CONCLUDED_ON_TIME",
            "CONCLUDED_EXTENDED",
            "CONCLUDED_OVERDUE",
            "ANSWERED_TOTAL",
            "ANSWERED_ALREADY_PUBLIC",
            "ANSWERED_DISCLOSED",
            "ANSWERED_PARTIALLY_DISCLOSED",
            "ANSWERED_WITHHELD",
            "WITHHELD_STATE_SECRET",
            "WITHHELD_TRADE_SECRET",
            "WITHHELD_PERSONAL_PRIVACY",
            "WITHHELD_SECURITY_STABILITY",
            "WITHHELD_NOT_GOVERNMENT_INFORMATION",
            "WITHHELD_OTHER_LEGAL",
            "ANSWERED_NOT_THIS_AGENCY",
            "ANSWERED_DOES_NOT_EXIST",
            "ANSWERED_ASKED_TO_AMEND",
            "ANSWERED_OTHER_CHANNEL",
            "RECONSIDERATION_TOTAL",
            "RECONSIDERATION_UPHELD",
            "RECONSIDERATION_CORRECTED",
            "RECONSIDERATION_OTHER",
            "LITIGATION_TOTAL",
            "LITIGATION_UPHELD",
            "LITIGATION_CORRECTED",
            "LITIGATION_OTHER",
            "FEES_COLLECTED_10K_YUAN");
    assertThat(legacy.get("rows").get(33).get("value").decimalValue()).isEqualByComparingTo("0.02");
    assertThat(get("/api/statistics/2015/legacy?format=csv", "manager").statusCode())
        .isEqualTo(200);
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                get("/api/statistics/2015/legacy?format=xlsx", "manager").body()))) {
      assertThat(wb.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("（一）收到申请数");
    }

    // reconciliation with history
    JsonNode rec = getJson("/api/statistics/2015/reconciliation");
    assertThat(rec.get("consistent").asBoolean()).as(rec.toString()).isTrue();
    assertThat(get("/api/statistics/2015/reconciliation", "clerk").statusCode()).isEqualTo(403);

    // freeze, then a late back-filled request: rows are current, differences name the changed cells
    assertThat(post("/api/statistics/2015/freeze", "clerk").statusCode()).isEqualTo(403);
    HttpResponse<byte[]> frozen = post("/api/statistics/2015/freeze", "manager");
    assertThat(frozen.statusCode()).isEqualTo(201);
    JsonNode snap = json.readTree(frozen.body());
    assertThat(snap.get("by").asText()).isEqualTo("manager");
    assertThat(snap.get("at").asText()).isNotBlank();
    decide(b, Outcome.NOT_PROCESSED_DUPLICATE, d(2015, 12, 30));
    JsonNode after = getJson("/api/statistics/2015");
    assertThat(after.get("frozen").get("by").asText()).isEqualTo("manager");
    assertThat(after.get("frozen").get("at").asText()).isEqualTo(snap.get("at").asText());
    List<String> diffs = new ArrayList<>();
    after
        .get("differences")
        .forEach(
            x ->
                diffs.add(
                    x.get("row").asText()
                        + "/"
                        + x.get("column").asText()
                        + ":"
                        + x.get("frozen").asLong()
                        + "→"
                        + x.get("current").asLong()));
    assertThat(diffs)
        .containsExactlyInAnyOrder(
            "NOT_PROCESSED_DUPLICATE/LEGAL_SERVICE_PROVIDER:0→1",
                "NOT_PROCESSED_DUPLICATE/TOTAL:0→1",
            "CONCLUDED_TOTAL/LEGAL_SERVICE_PROVIDER:0→1", "CONCLUDED_TOTAL/TOTAL:1→2",
            "CARRIED_FORWARD_TO_NEXT_YEAR/LEGAL_SERVICE_PROVIDER:1→0",
                "CARRIED_FORWARD_TO_NEXT_YEAR/TOTAL:1→0");
    assertThat(after.get("rows").get(23).get("values").get(6).asLong()).isEqualTo(2);
  }

  private void checkWorkbook(byte[] bytes) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("三、收到和处理政府信息公开申请情况");
      assertThat(text(sheet, 1, 0)).isEqualTo(Layout.IDENTITY_NOTE);
      assertThat(text(sheet, 1, 3)).isEqualTo("申请人情况");
      assertThat(text(sheet, 2, 3)).isEqualTo("自然人");
      assertThat(text(sheet, 2, 4)).isEqualTo("法人或其他组织");
      assertThat(text(sheet, 2, 9)).isEqualTo("总计");
      assertThat(
              List.of(
                  text(sheet, 3, 4),
                  text(sheet, 3, 5),
                  text(sheet, 3, 6),
                  text(sheet, 3, 7),
                  text(sheet, 3, 8)))
          .containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
      assertThat(sheet.getMergedRegions())
          .contains(
              new CellRangeAddress(1, 1, 3, 9),
              new CellRangeAddress(2, 2, 4, 8),
              new CellRangeAddress(2, 3, 3, 3),
              new CellRangeAddress(2, 3, 9, 9),
              new CellRangeAddress(1, 3, 0, 2));
      assertThat(text(sheet, 4, 0)).isEqualTo("一、本年新收政府信息公开申请数量");
      assertThat(number(sheet, 4, 3)).isEqualTo(1);
      assertThat(number(sheet, 4, 9)).isEqualTo(2);
      assertThat(text(sheet, 6, 0)).isEqualTo("三、本年度办理结果");
      assertThat(text(sheet, 6, 1)).isEqualTo("（一）予以公开");
      assertThat(number(sheet, 6, 3)).isEqualTo(1);
      assertThat(text(sheet, 8, 1)).isEqualTo("（三）不予公开");
      assertThat(text(sheet, 8, 2)).isEqualTo("1.属于国家秘密");
      assertThat(text(sheet, 27, 1)).isEqualTo("（七）总计");
      assertThat(text(sheet, 28, 0)).isEqualTo("四、结转下年度继续办理");
      assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
      Sheet four = wb.getSheetAt(1);
      assertThat(text(four, 1, 0)).isEqualTo("行政复议");
      assertThat(text(four, 1, 5)).isEqualTo("行政诉讼");
      assertThat(text(four, 2, 5)).isEqualTo("未经复议直接起诉");
      assertThat(text(four, 2, 10)).isEqualTo("复议后起诉");
      assertThat(text(four, 2, 0)).isEqualTo("结果维持");
    }
  }

  private static String text(Sheet s, int r, int c) {
    Row row = s.getRow(r);
    Cell cell = row.getCell(c);
    return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
  }

  private static long number(Sheet s, int r, int c) {
    return (long) s.getRow(r).getCell(c).getNumericCellValue();
  }

  /** A request that concludes before it was received (a data error) breaks the identity loudly. */
  @Test
  void identityBreakIsShownLoudly() throws Exception {
    String tn = "2016-BAD-" + UUID.randomUUID().toString().substring(0, 6);
    // written through the application's one writer of dd_request, as a faulty step or a back-filled
    // import would
    Columns row = new Columns();
    row.set("id", UUID.randomUUID().toString());
    row.set("tracking_number", tn);
    row.set("receipt_year", 2016);
    row.set("channel", "ONLINE");
    row.set("arrived_on", LocalDate.of(2016, 5, 10));
    row.set("received_on", LocalDate.of(2016, 5, 10));
    row.set("period_working_days", 20);
    row.set("applicant_type", "NATURAL_PERSON");
    row.set("applicant_name", "某人");
    row.set("applicant_key", "k-" + tn);
    row.set("description", "坏数据");
    row.set("status", "CONCLUDED");
    row.set("outcome", "DISCLOSED");
    row.set("concluded_on", LocalDate.of(2015, 12, 1));
    row.set("created_at", LocalDateTime.now());
    requests.insert(row);
    JsonNode s = getJson("/api/statistics/2016");
    assertThat(s.get("consistent").asBoolean()).isFalse();
    assertThat(s.get("breaks"))
        .extracting(b -> b.get("column").asText())
        .containsExactly("NATURAL_PERSON", "TOTAL");
    assertThat(s.get("breaks").get(0).get("requests"))
        .extracting(JsonNode::asText)
        .containsExactly(tn);
    String page = new String(get("/reports/2016", "manager").body(), StandardCharsets.UTF_8);
    assertThat(page).contains("id=\"identity-break\"").contains(tn);
  }

  /**
   * A freeze keeps every cell of tables 三 and 四 as JSON keyed by row code; rows frozen by earlier
   * versions stay readable, and a freeze now writes the same shape (2007 is no other test's year).
   */
  @Test
  void frozenSnapshotsKeepTheirStoredFormat() throws Exception {
    String agency = statistics.platform().agency().code();
    jdbc.sql("DELETE FROM dd_statistics_freeze WHERE report_year = 2007")
        .update(); // a schema kept from a run before
    jdbc.sql(
            "INSERT INTO dd_statistics_freeze (id, agency_code, report_year, format, frozen_at, frozen_by, snapshot)"
                + " VALUES (?, ?, 2007, 'GB-2021', ?, 'manager', ?)")
        .params(
            UUID.randomUUID().toString(),
            agency,
            LocalDateTime.of(2008, 1, 20, 9, 30),
            "{\"NEW_THIS_YEAR\":[2,0,0,0,0,0,2],\"CARRIED_FORWARD_TO_NEXT_YEAR\":[2,0,0,0,0,0,2],"
                + "\"RECONSIDERATION\":[0,0,0,1,1]}")
        .update();
    JsonNode s = getJson("/api/statistics/2007");
    assertThat(s.get("frozen").get("at").asText()).isEqualTo("2008-01-20T09:30:00");
    assertThat(s.get("frozen").get("by").asText()).isEqualTo("manager");
    List<String> moved = new ArrayList<>();
    s.get("differences")
        .forEach(
            d ->
                moved.add(
                    d.get("row").asText()
                        + "/"
                        + d.get("column").asText()
                        + ":"
                        + d.get("frozen").asLong()
                        + "->"
                        + d.get("current").asLong()));
    assertThat(moved)
        .containsExactly(
            "NEW_THIS_YEAR/NATURAL_PERSON:2->0",
            "NEW_THIS_YEAR/TOTAL:2->0",
            "CARRIED_FORWARD_TO_NEXT_YEAR/NATURAL_PERSON:2->0",
            "CARRIED_FORWARD_TO_NEXT_YEAR/TOTAL:2->0",
            "RECONSIDERATION/PENDING:1->0",
            "RECONSIDERATION/TOTAL:1->0");

    assertThat(post("/api/statistics/2007/freeze", "manager").statusCode()).isEqualTo(201);
    JsonNode stored =
        json.readTree(
            jdbc.sql(
                    "SELECT snapshot FROM dd_statistics_freeze WHERE report_year = 2007"
                        + " AND frozen_by = 'manager' ORDER BY frozen_at DESC")
                .query(String.class)
                .list()
                .get(0));
    List<String> rows = new ArrayList<>();
    stored.fieldNames().forEachRemaining(rows::add);
    List<String> expected = new ArrayList<>();
    Layout.ROWS.forEach(r -> expected.add(r.code()));
    expected.addAll(Layout.APPEAL_ROWS);
    assertThat(rows).isEqualTo(expected);
    assertThat(stored.get("NEW_THIS_YEAR")).hasSize(7);
    assertThat(stored.get("RECONSIDERATION")).hasSize(5);
    assertThat(getJson("/api/statistics/2007").get("differences")).isEmpty();
  }
}
