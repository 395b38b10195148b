package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Every number opens its requests" on 2000–2002, driven through the real process: several
 * applicant types, channels and outcomes, carry-overs across both year ends, a supplement period
 * expiring, an approved extension, an overdue reply, a withdrawal, and appeals decided, pending
 * over a year end and decided the next year. Every cell of table 三, table 四 and the pre-2019
 * template lists exactly its count of distinct items, and every count of both paragraphs opens as
 * many. Everything is concluded and decided by 2002-12-31, so no later year of another test sees
 * it.
 */
class DrillDownTest extends StatisticsTestSupport {

  static final List<Integer> YEARS = List.of(2000, 2001, 2002);

  @Autowired DrillDown drillDown;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Requests whose names the masking checks look at. */
  String zhang;

  String rare;

  @Test
  void everyNumberOpensItsRequests() throws Exception {
    generate();

    for (int year : YEARS) {
      AnnualTable t = statistics.table(year);
      assertThat(t.consistent()).as("identity " + year).isTrue();
      table3(year, t);
      table4(year, t);
      legacy(year);
      paragraphs(year);
    }
    // the data set is what it claims to be: each kind of cell is non-zero somewhere
    AnnualTable y01 = statistics.table(2001);
    assertThat(y01.total("CARRIED_OVER_FROM_LAST_YEAR")).isEqualTo(2);
    assertThat(y01.total("CARRIED_FORWARD_TO_NEXT_YEAR")).isEqualTo(1);
    assertThat(y01.appeals().get("RECONSIDERATION")).containsExactly(0, 1, 1, 2, 4);
    assertThat(y01.appeals().get("LITIGATION_AFTER_RECONSIDERATION"))
        .containsExactly(0, 0, 0, 1, 1);
    assertThat(statistics.legacyTable(2001).value("CONCLUDED_EXTENDED")).isEqualTo(1);
    assertThat(statistics.legacyTable(2001).value("CONCLUDED_OVERDUE")).isEqualTo(1);
    assertThat(statistics.table(2000).appeals().get("LITIGATION_DIRECT"))
        .containsExactly(0, 0, 0, 1, 1);

    api();
  }

  /** 13 requests over three years, and four appeals. */
  private void generate() {
    // 2000
    zhang = register("ONLINE", d(2000, 3, 1), "NATURAL_PERSON", "张三丰", "社保信息");
    decide(zhang, Outcome.DISCLOSED, d(2000, 3, 10));
    String b = register("IN_PERSON", d(2000, 5, 8), "COMMERCIAL_ENTERPRISE", "某某科技有限公司", "就业信息");
    decide(b, Outcome.UNAVAILABLE_NOT_HELD, d(2000, 5, 19));
    rare = register("IN_PERSON", d(2000, 6, 1), "NATURAL_PERSON", "\uD842\uDFB7田明", "其他");
    decide(rare, Outcome.PARTIALLY_DISCLOSED, d(2000, 6, 20));
    String c = register("FAX", d(2000, 12, 20), "RESEARCH_INSTITUTION", "某研究所", null);
    String dd = register("POST_ORDINARY", d(2000, 12, 27), "NATURAL_PERSON", "李四", "社保信息");
    // 2001: the two carried over conclude in January
    decide(
        c,
        Outcome.WITHHELD_THIRD_PARTY_RIGHTS,
        d(2001, 1, 10),
        "thirdPartyInterest",
        "TRADE_SECRET");
    withdraw(dd, d(2001, 1, 4));
    String f = register("ONLINE", d(2001, 2, 5), "PUBLIC_INTEREST_ORGANIZATION", "某基金会", "财政资金");
    supplementRequest(f, d(2001, 2, 7), d(2001, 2, 20));
    later(180); // past the back-fill grace: the supplement period's timer is due
    runDueJobs();
    assertThat(requests.get(f).outcome()).isEqualTo("OTHER_NO_SUPPLEMENT");
    String h = register("ONLINE", d(2001, 3, 5), "LEGAL_SERVICE_PROVIDER", "某律师事务所", "劳动关系");
    decide(h, Outcome.DISCLOSED, d(2001, 5, 30)); // overdue
    String j = register("POST_REGISTERED", d(2001, 4, 2), "NATURAL_PERSON", "王小明", "规划计划");
    decide(j, Outcome.UNAVAILABLE_NOT_HELD, d(2001, 4, 10), "notHeldReason", "OTHER_AGENCY");
    String k = register("ONLINE", d(2001, 6, 1), "COMMERCIAL_ENTERPRISE", "某贸易公司", "社保信息");
    decide(k, Outcome.DISCLOSED, d(2001, 6, 5), "alreadyPublic", true);
    String g = register("ONLINE", d(2001, 10, 8), "NATURAL_PERSON", "赵六", "社保信息");
    actions.screening(g, body("result", "PROCEED"), "reviewer");
    actions.extension(
        g, body("requestedOn", "2001-10-25", "workingDays", 20, "reason", "需要调取档案"), "reviewer");
    actions.extensionDecision(g, body("approved", true, "decidedOn", "2001-10-26"), "head");
    LocalDate original = requests.get(g).originalDueOn();
    assertThat(requests.get(g).dueOn()).isAfter(original.plusDays(7));
    decide(
        g,
        Outcome.DISCLOSED,
        original.plusDays(7)); // a week after the original due date, within the extension
    String i = register("IN_PERSON", d(2001, 12, 26), "OTHER_ORGANIZATION", "某协会", "其他");
    // 2002
    decide(i, Outcome.NOT_PROCESSED_DUPLICATE, d(2002, 1, 8));
    String l = register("OTHER", d(2002, 3, 1), "NATURAL_PERSON", "钱七", "规划计划");
    decide(l, Outcome.WITHHELD_STATE_SECRET, d(2002, 3, 15));
    String m = register("ONLINE", d(2002, 4, 1), "RESEARCH_INSTITUTION", "某大学", null);
    decide(m, Outcome.NOT_PROCESSED_PETITION, d(2002, 4, 5));
    // appeals: decided in the year; pending over 2000-12-31; pending over 2001-12-31 (two of them)
    appeal(zhang, "RECONSIDERATION", d(2000, 4, 1), "UPHELD", d(2000, 5, 15));
    appeal(b, "LITIGATION_DIRECT", d(2000, 7, 1), "CORRECTED", d(2001, 3, 1));
    appeal(c, "RECONSIDERATION", d(2001, 2, 1), "OTHER", d(2001, 4, 1));
    appeal(c, "LITIGATION_AFTER_RECONSIDERATION", d(2001, 4, 15), "UPHELD", d(2002, 2, 1));
    appeal(h, "RECONSIDERATION", d(2001, 6, 10), "CORRECTED", d(2002, 3, 1));
    appeal(j, "RECONSIDERATION", d(2001, 5, 10), "CORRECTED", d(2001, 9, 1));
    appeal(g, "RECONSIDERATION", d(2001, 12, 20), "UPHELD", d(2002, 1, 20));
  }

  String register(String channel, LocalDate on, String type, String name, String topic) {
    var form =
        new RegistrationForm(
            channel,
            on.toString(),
            null,
            new RegistrationForm.Applicant(type, name, null, null, null, null, null),
            null,
            "申请公开 " + topic + " " + UUID.randomUUID(),
            topic,
            null,
            null,
            null);
    return intake.register(form, "clerk").request().id();
  }

  /**
   * Every cell of table 三: exactly its count of distinct requests; outcome rows add up to （七）; the
   * identity.
   */
  private void table3(int year, AnnualTable t) {
    for (String column : Layout.COLUMNS) {
      Set<String> outcomes = new HashSet<>();
      for (Layout.RowDef def : Layout.ROWS) {
        Set<String> ids = ids(drillDown.requests(year, def.code(), column, null, null, true));
        assertThat(ids)
            .as(year + " " + def.code() + " × " + column)
            .hasSize((int) t.value(def.code(), column));
        if (isOutcome(def.code())) {
          assertThat(java.util.Collections.disjoint(outcomes, ids))
              .as("an outcome row repeats a request")
              .isTrue();
          outcomes.addAll(ids);
        }
      }
      Set<String> concluded =
          ids(drillDown.requests(year, "CONCLUDED_TOTAL", column, null, null, true));
      assertThat(outcomes)
          .as(year + " outcome rows of " + column + " = （七）总计")
          .isEqualTo(concluded);
      // 一 + 二 = 三（七） + 四, request by request
      Set<String> in = ids(drillDown.requests(year, "NEW_THIS_YEAR", column, null, null, true));
      in.addAll(
          ids(drillDown.requests(year, "CARRIED_OVER_FROM_LAST_YEAR", column, null, null, true)));
      Set<String> out = new HashSet<>(concluded);
      out.addAll(
          ids(drillDown.requests(year, "CARRIED_FORWARD_TO_NEXT_YEAR", column, null, null, true)));
      assertThat(in).as(year + " identity of " + column).isEqualTo(out);
    }
  }

  /**
   * Every cell of table 四: exactly its count of distinct appeals; 总计 is the other columns together.
   */
  private void table4(int year, AnnualTable t) {
    for (String row : Layout.APPEAL_ROWS) {
      Set<String> parts = new HashSet<>();
      for (int c = 0; c < Layout.APPEAL_COLUMNS.size(); c++) {
        String column = Layout.APPEAL_COLUMNS.get(c);
        DrillDown.AppealList list = drillDown.appeals(year, row, column, true);
        Set<String> ids = new HashSet<>();
        list.items().forEach(a -> ids.add(a.appealId()));
        assertThat(ids)
            .as(year + " " + row + " × " + column)
            .hasSize((int) t.appeals().get(row)[c]);
        assertThat(list.count()).isEqualTo(list.items().size());
        list.items().forEach(a -> assertThat(a.kind()).isEqualTo(row));
        if (Layout.TOTAL.equals(column)) {
          assertThat(ids).isEqualTo(parts);
        } else {
          // an appeal pending on Y-12-31 may have been decided since: it shows its result of today
          list.items()
              .forEach(
                  a ->
                      assertThat(
                              "PENDING".equals(column)
                                  ? a.decidedOn() == null || a.decidedOn().getYear() > year
                                  : column.equals(a.result()) && a.decidedOn().getYear() == year)
                          .as(a.toString())
                          .isTrue());
          parts.addAll(ids);
        }
      }
    }
  }

  /** Every row of the pre-2019 template but the fees (an amount). */
  private void legacy(int year) {
    LegacyTable t = statistics.legacyTable(year);
    for (LegacyTable.RowDef def : LegacyTable.ROWS) {
      if ("FEES_COLLECTED_10K_YUAN".equals(def.code())) {
        continue;
      }
      DrillDown.LegacyList list = drillDown.legacy(year, def.code(), true);
      Set<String> ids = new HashSet<>();
      for (Object item : list.items()) {
        ids.add(
            item instanceof DrillDown.AppealItem a
                ? a.appealId()
                : ((DrillDown.RequestItem) item).id());
      }
      assertThat(ids).as(year + " legacy " + def.code()).hasSize((int) t.value(def.code()));
      assertThat(list.listOf())
          .isEqualTo(
              def.code().startsWith("RECONSIDERATION_") || def.code().startsWith("LITIGATION_")
                  ? "APPEALS"
                  : "REQUESTS");
    }
  }

  /** Each count of both paragraphs is found where it says, and its link opens as many requests. */
  private void paragraphs(int year) throws Exception {
    for (String path : List.of("/paragraph", "/legacy/paragraph")) {
      JsonNode p = getJson("/api/statistics/" + year + path, "manager");
      String text = p.get("paragraph").asText();
      int last = 0;
      assertThat(p.get("figures").size()).isGreaterThan(4);
      for (JsonNode f : p.get("figures")) {
        int start = f.get("start").asInt();
        assertThat(start).isGreaterThanOrEqualTo(last);
        assertThat(text.substring(start, f.get("end").asInt())).isEqualTo(f.get("phrase").asText());
        last = f.get("end").asInt();
        JsonNode list = getJson(f.get("api").asText(), "manager");
        assertThat(list.get("count").asLong()).as(f.toString()).isEqualTo(f.get("count").asLong());
        assertThat(f.get("page").asText())
            .startsWith("/reports/" + year + "/")
            .isEqualTo("/reports/" + f.get("api").asText().substring("/api/statistics/".length()));
      }
    }
    JsonNode annual = getJson("/api/statistics/" + year, "manager");
    assertThat(
            getJson("/api/statistics/" + year + "/paragraph", "manager").get("paragraph").asText())
        .isEqualTo(annual.get("paragraph").asText());
  }

  /**
   * The HTTP side: JSON shape, masking by role, xlsx, errors, access, the OpenAPI document, the
   * links.
   */
  private void api() throws Exception {
    // JSON as documented, names masked for the manager and whole for the admin
    JsonNode cell =
        getJson("/api/statistics/2000/requests?row=DISCLOSED&column=NATURAL_PERSON", "manager");
    assertThat(iterable(cell.fieldNames()))
        .containsExactly("year", "row", "column", "rowLabel", "columnLabel", "count", "items");
    assertThat(cell.get("rowLabel").asText()).isEqualTo("三、本年度办理结果 （一）予以公开");
    assertThat(cell.get("columnLabel").asText()).isEqualTo("自然人");
    assertThat(cell.get("count").asInt()).isEqualTo(1);
    JsonNode item = cell.get("items").get(0);
    assertThat(iterable(item.fieldNames()))
        .containsExactly(
            "id",
            "trackingNumber",
            "applicantName",
            "applicantType",
            "applicantTypeLabel",
            "receivedOn",
            "dueOn",
            "concludedOn",
            "outcome",
            "outcomeLabel");
    assertThat(item.get("id").asText()).isEqualTo(zhang);
    assertThat(item.get("trackingNumber").asText()).isEqualTo(trackingNumber(zhang));
    assertThat(item.get("applicantName").asText()).isEqualTo("张**");
    assertThat(item.get("applicantTypeLabel").asText()).isEqualTo("自然人");
    assertThat(item.get("receivedOn").asText()).isEqualTo("2000-03-01");
    assertThat(item.get("concludedOn").asText()).isEqualTo("2000-03-10");
    assertThat(item.get("outcome").asText()).isEqualTo("DISCLOSED");
    assertThat(item.get("outcomeLabel").asText()).isEqualTo("予以公开");
    JsonNode partial =
        getJson("/api/statistics/2000/requests?row=PARTIALLY_DISCLOSED&column=TOTAL", "manager");
    assertThat(partial.get("items").get(0).get("applicantName").asText())
        .isEqualTo("\uD842\uDFB7**");
    assertThat(
            getJson("/api/statistics/2000/requests?row=DISCLOSED&column=NATURAL_PERSON", "admin")
                .get("items")
                .get(0)
                .get("applicantName")
                .asText())
        .isEqualTo("张三丰");
    JsonNode all2000 =
        getJson("/api/statistics/2000/requests?row=NEW_THIS_YEAR&column=TOTAL", "manager");
    assertThat(all2000.get("count").asInt()).isEqualTo(5);
    all2000
        .get("items")
        .forEach(x -> assertThat(x.get("applicantName").asText()).matches("\\S\\*+"));
    // open on 2000-12-31, and shown with what became of it since
    JsonNode open =
        getJson(
            "/api/statistics/2000/requests?row=CARRIED_FORWARD_TO_NEXT_YEAR&column=TOTAL",
            "manager");
    assertThat(open.get("items").get(0).get("concludedOn").asText()).isEqualTo("2001-01-10");
    assertThat(open.get("items").get(0).get("outcome").asText())
        .isEqualTo("WITHHELD_THIRD_PARTY_RIGHTS");
    // a paragraph count: the 2000 requests on 社保信息, by topic (URL-encoded Chinese)
    JsonNode topic = getJson(DrillDownLinks.apiNewRequests(2000, null, "社保信息"), "manager");
    assertThat(topic.get("topic").asText()).isEqualTo("社保信息");
    assertThat(topic.get("count").asInt()).isEqualTo(2);
    JsonNode noTopic = getJson(DrillDownLinks.apiNewRequests(2002, null, "其他"), "manager");
    assertThat(noTopic.get("count").asInt())
        .as("其他 counts the request without a topic")
        .isEqualTo(1);
    assertThat(
            getJson(DrillDownLinks.apiNewRequests(2001, "ONLINE", null), "manager")
                .get("count")
                .asInt())
        .isEqualTo(4);

    // table 四: appeals with their request
    JsonNode appeals =
        getJson("/api/statistics/2001/appeals?row=RECONSIDERATION&column=PENDING", "manager");
    assertThat(appeals.get("rowLabel").asText()).isEqualTo("行政复议");
    assertThat(appeals.get("columnLabel").asText()).isEqualTo("尚未审结");
    assertThat(appeals.get("count").asInt()).isEqualTo(2);
    JsonNode a = appeals.get("items").get(0);
    assertThat(iterable(a.fieldNames()))
        .containsExactly(
            "id",
            "trackingNumber",
            "applicantName",
            "applicantType",
            "applicantTypeLabel",
            "receivedOn",
            "dueOn",
            "concludedOn",
            "outcome",
            "outcomeLabel",
            "appealId",
            "kind",
            "kindLabel",
            "caseNumber",
            "appealReceivedOn",
            "decidedOn",
            "result",
            "resultLabel");
    assertThat(a.get("appealReceivedOn").asText()).isEqualTo("2001-06-10");
    assertThat(a.get("kindLabel").asText()).isEqualTo("行政复议");
    // pending on 2001-12-31, decided since
    assertThat(a.get("decidedOn").asText()).isEqualTo("2002-03-01");
    assertThat(a.get("resultLabel").asText()).isEqualTo("结果纠正");
    assertThat(a.get("applicantName").asText()).isEqualTo("某*****");

    // legacy
    JsonNode legacy =
        getJson("/api/statistics/2001/legacy/requests?row=WITHHELD_TRADE_SECRET", "manager");
    assertThat(iterable(legacy.fieldNames()))
        .containsExactly("year", "row", "rowLabel", "listOf", "count", "items");
    assertThat(legacy.get("rowLabel").asText()).isEqualTo("（三）申请答复数 4.不同意公开答复数 涉及商业秘密");
    assertThat(legacy.get("count").asInt()).isEqualTo(1);
    assertThat(
            getJson("/api/statistics/2001/legacy/requests?row=RECONSIDERATION_CORRECTED", "manager")
                .get("listOf")
                .asText())
        .isEqualTo("APPEALS");

    // xlsx: a header row and one row per item, nothing else; the manager's names masked there too
    checkXlsx(
        "/api/statistics/2000/requests?row=NEW_THIS_YEAR&column=TOTAL&format=xlsx",
        5,
        List.of("编号", "申请人", "申请人类型", "收到日期", "答复期限", "办结日期", "处理结果"));
    try (XSSFWorkbook wb =
        workbook("/api/statistics/2000/requests?row=DISCLOSED&column=TOTAL&format=xlsx")) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertThat(r.getCell(0).getStringCellValue()).isEqualTo(trackingNumber(zhang));
      assertThat(r.getCell(1).getStringCellValue()).isEqualTo("张**");
      assertThat(r.getCell(2).getStringCellValue()).isEqualTo("自然人");
      assertThat(r.getCell(3).getStringCellValue()).isEqualTo("2000-03-01");
      assertThat(r.getCell(6).getStringCellValue()).isEqualTo("予以公开");
    }
    checkXlsx(
        "/api/statistics/2001/appeals?row=RECONSIDERATION&column=TOTAL&format=xlsx",
        4,
        List.of(
            "编号",
            "申请人",
            "申请人类型",
            "收到日期",
            "答复期限",
            "办结日期",
            "处理结果",
            "案件类型",
            "案号",
            "收到复议申请或起诉日期",
            "审结日期",
            "审理结果"));
    checkXlsx(
        "/api/statistics/2001/legacy/requests?row=ANSWERED_TOTAL&format=xlsx",
        (int) statistics.legacyTable(2001).value("ANSWERED_TOTAL"),
        null);
    checkXlsx(
        "/api/statistics/2002/requests?row=CARRIED_FORWARD_TO_NEXT_YEAR&column=TOTAL&format=xlsx",
        0,
        null);
    HttpResponse<byte[]> x =
        get("/api/statistics/2000/requests?row=DISCLOSED&column=TOTAL&format=xlsx", "manager");
    assertThat(x.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(x.headers().firstValue("Content-Disposition").orElse(""))
        .contains("requests-2000-DISCLOSED-TOTAL.xlsx");

    // bad parameters: 400 naming every bad field, in Chinese
    JsonNode bad = error("/api/statistics/abc/requests?row=NOPE&column=NOBODY&format=pdf");
    assertThat(iterable(bad.get("fields").fieldNames()))
        .containsExactly("format", "year", "row", "column");
    assertThat(bad.get("fields").get("row").asText()).contains("表三");
    assertThat(iterable(error("/api/statistics/2000/requests").get("fields").fieldNames()))
        .containsExactly("row", "column");
    assertThat(
            iterable(
                error("/api/statistics/3000/requests?row=DISCLOSED&column=TOTAL")
                    .get("fields")
                    .fieldNames()))
        .containsExactly("year");
    assertThat(
            iterable(
                error(
                        "/api/statistics/2000/requests?row=DISCLOSED&column=TOTAL&channel=ONLINE&topic=x")
                    .get("fields")
                    .fieldNames()))
        .containsExactly("channel", "topic");
    assertThat(
            iterable(
                error("/api/statistics/2000/requests?row=NEW_THIS_YEAR&column=TOTAL&channel=PIGEON")
                    .get("fields")
                    .fieldNames()))
        .containsExactly("channel");
    assertThat(
            iterable(
                error("/api/statistics/2000/appeals?row=DISCLOSED&column=TOTAL")
                    .get("fields")
                    .fieldNames()))
        .containsExactly("row");
    assertThat(
            iterable(
                error("/api/statistics/2000/appeals?row=RECONSIDERATION&column=NATURAL_PERSON")
                    .get("fields")
                    .fieldNames()))
        .containsExactly("column");
    assertThat(
            error("/api/statistics/2000/legacy/requests?row=FEES_COLLECTED_10K_YUAN")
                .get("fields")
                .get("row")
                .asText())
        .contains("金额");
    assertThat(
            iterable(
                error("/api/statistics/1989/legacy/requests?row=NEW_THIS_YEAR")
                    .get("fields")
                    .fieldNames()))
        .containsExactly("year", "row");
    assertThat(
            iterable(error("/api/statistics/2000/paragraph?decimals=9").get("fields").fieldNames()))
        .containsExactly("decimals");

    // managers and admins only
    for (String path :
        List.of(
            "/api/statistics/2000/requests?row=DISCLOSED&column=TOTAL",
            "/api/statistics/2000/appeals?row=RECONSIDERATION&column=TOTAL",
            "/api/statistics/2000/legacy/requests?row=RECEIVED_TOTAL",
            "/api/statistics/2000/paragraph")) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "clerk").statusCode()).as(path).isEqualTo(403);
      assertThat(get(path, "reviewer").statusCode()).as(path).isEqualTo(403);
    }

    // in the OpenAPI document, with a Chinese summary
    JsonNode doc = getJson("/v3/api-docs", "clerk");
    for (String path :
        List.of(
            "/api/statistics/{year}/requests",
            "/api/statistics/{year}/appeals",
            "/api/statistics/{year}/legacy/requests",
            "/api/statistics/{year}/paragraph",
            "/api/statistics/{year}/legacy/paragraph")) {
      assertThat(doc.path("paths").path(path).path("get").path("summary").asText())
          .as(path)
          .matches(".*[一-龥].*");
    }

    // the page links: URL-encoded, and no link to a row the tables do not have
    assertThat(DrillDownLinks.requests(2024, "DISCLOSED", "NATURAL_PERSON"))
        .isEqualTo("/reports/2024/requests?row=DISCLOSED&column=NATURAL_PERSON");
    assertThat(DrillDownLinks.appeals(2024, "LITIGATION_DIRECT", "PENDING"))
        .isEqualTo("/reports/2024/appeals?row=LITIGATION_DIRECT&column=PENDING");
    assertThat(DrillDownLinks.legacy(2017, "ANSWERED_DISCLOSED"))
        .isEqualTo("/reports/2017/legacy/requests?row=ANSWERED_DISCLOSED");
    assertThat(DrillDownLinks.newRequests(2024, "ONLINE", "社保 & 就业"))
        .isEqualTo(
            "/reports/2024/requests?row=NEW_THIS_YEAR&column=TOTAL&channel=ONLINE"
                + "&topic=%E7%A4%BE%E4%BF%9D%20%26%20%E5%B0%B1%E4%B8%9A");
    assertThatThrownBy(() -> DrillDownLinks.requests(2024, "NOPE", "TOTAL"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DrillDownLinks.appeals(2024, "RECONSIDERATION", "NATURAL_PERSON"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DrillDownLinks.legacy(2024, "FEES_COLLECTED_10K_YUAN"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void checkXlsx(String path, int count, List<String> headers) throws Exception {
    try (XSSFWorkbook wb = workbook(path)) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getPhysicalNumberOfRows()).as(path).isEqualTo(count + 1);
      assertThat(sheet.getLastRowNum()).isEqualTo(count);
      if (headers != null) {
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        assertThat(header).isEqualTo(headers);
      }
      Set<String> rows = new TreeSet<>();
      for (int r = 1; r <= count; r++) {
        List<String> cells = new ArrayList<>();
        sheet.getRow(r).forEach(c -> cells.add(c.getStringCellValue()));
        rows.add(String.join("|", cells));
      }
      assertThat(rows).as("distinct rows").hasSize(count);
    }
  }

  private XSSFWorkbook workbook(String path) throws Exception {
    HttpResponse<byte[]> r = get(path, "manager");
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
  }

  private JsonNode error(String path) throws Exception {
    HttpResponse<byte[]> r = get(path, "manager");
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    JsonNode e = json.readTree(r.body());
    assertThat(e.get("message").asText()).startsWith("输入有误");
    return e;
  }

  private static Set<String> ids(DrillDown.RequestList list) {
    assertThat(list.count()).isEqualTo(list.items().size());
    Set<String> ids = new HashSet<>();
    list.items().forEach(i -> ids.add(i.id()));
    assertThat(ids).as("distinct").hasSize(list.items().size());
    return ids;
  }

  private static boolean isOutcome(String code) {
    for (Outcome o : Outcome.values()) {
      if (o.name().equals(code)) {
        return true;
      }
    }
    return false;
  }

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

  JsonNode getJson(String path, String user) throws Exception {
    HttpResponse<byte[]> r = get(path, user);
    assertThat(r.statusCode())
        .as(path + ": " + new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return json.readTree(r.body());
  }

  static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
