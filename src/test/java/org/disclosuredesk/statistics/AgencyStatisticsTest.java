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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.request.RegistrationForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Statistics on a platform of several agencies (DOMAIN.md §8 "Reports", API.md "Agencies"): each
 * agency's tables count its own requests only, the consolidated table is their cell-by-cell sum,
 * the identity holds in each and in the sum, a manager sees their own agency's tables and nothing
 * of another's, the supervising office reads all and the overview, freezes and table 二 are per
 * agency, and the lists behind the numbers are scoped the same way. A context of its own: several
 * agencies change what every other statistics test relies on (numbers, a manager's default).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {MultiAgencyTest.DATABASE, "disclosure.test-context=agency-statistics"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyStatisticsTest extends StatisticsTestSupport {

  static final String A = "SA";
  static final String B = "SB";
  static final String PASSWORD = "Kq7#Wm2!Zv9x";

  @Autowired ObjectMapper json;
  @Autowired Agencies agencies;
  @Autowired IdentityService identity;
  private final HttpClient http = HttpClient.newHttpClient();

  String a1;
  String a2;
  String a3;
  String b1;
  String b2;

  /**
   * Two departments, their managers (one of both), and their requests of 2009/2010; once for the
   * class.
   */
  @BeforeAll
  void agenciesAndRequests() {
    at(d(2025, 6, 1), 10);
    agencies.create(
        new Agencies.AgencyBody(
            A,
            "示例市统计甲局",
            "甲局",
            "DEPARTMENT",
            null,
            "示例市人民路1号",
            "0631-5200001",
            null,
            "示例市人民政府",
            "示例市环翠区人民法院",
            null));
    agencies.create(
        new Agencies.AgencyBody(
            B,
            "示例市统计乙局",
            "乙局",
            "DEPARTMENT",
            null,
            "示例市人民路2号",
            "0631-5200002",
            null,
            "示例市人民政府",
            "示例市环翠区人民法院",
            null));
    user("mgrA", Roles.MANAGER, A);
    user("mgrB", Roles.MANAGER, B);
    user("mgrAB", Roles.MANAGER, A, B);

    // A: one carried over from 2009 and answered in 2010, one answered in 2010 (then reconsidered),
    // one carried on
    a1 = register(A, "IN_PERSON", d(2009, 12, 21), "NATURAL_PERSON");
    decide(a1, Outcome.DISCLOSED, d(2010, 1, 8));
    a2 = register(A, "ONLINE", d(2010, 3, 1), "COMMERCIAL_ENTERPRISE");
    decide(a2, Outcome.WITHHELD_STATE_SECRET, d(2010, 3, 19));
    appeal(a2, "RECONSIDERATION", d(2010, 4, 1), "UPHELD", d(2010, 6, 1));
    a3 = register(A, "IN_PERSON", d(2010, 12, 20), "NATURAL_PERSON");
    // B: two answered in 2010, one of them in court at the end of the year
    b1 = register(B, "IN_PERSON", d(2010, 2, 1), "NATURAL_PERSON");
    decide(b1, Outcome.UNAVAILABLE_NOT_HELD, d(2010, 2, 12));
    appeal(b1, "LITIGATION_DIRECT", d(2010, 7, 1), null, null);
    b2 = register(B, "POST_REGISTERED", d(2010, 5, 5), "OTHER_ORGANIZATION");
    decide(b2, Outcome.DISCLOSED, d(2010, 5, 20));
  }

  /**
   * What other test contexts sharing the database (MySQL) would otherwise meet goes again: the
   * agencies, so theirs is a one-agency platform, and whatever is still open at the end of 2010 (it
   * would count as carried over and forward in every later year); the rest stays, in years no other
   * test reads.
   */
  @AfterAll
  void leaveNothingOpen() {
    at(d(2025, 6, 1), 10);
    try {
      decide(a3, Outcome.DISCLOSED, d(2010, 12, 31));
    } finally {
      ClockUtil.reset();
    }
    jdbc.sql("DELETE FROM dd_appeal WHERE request_id IN (?, ?)").params(a2, b1).update();
    jdbc.sql("DELETE FROM dd_agency_member WHERE agency_code IN ('SA', 'SB')").update();
    jdbc.sql("DELETE FROM dd_agency WHERE code IN ('SA', 'SB')").update();
  }

  private void user(String id, String group, String... codes) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(id);
      u.setLastName("测试");
      u.setPassword(PASSWORD);
      identity.saveUser(u);
      identity.createMembership(id, group);
    }
    for (String code : codes) {
      agencies.addMember(code, id);
    }
  }

  private String register(String agency, String channel, java.time.LocalDate on, String type) {
    var form =
        new RegistrationForm(
                channel,
                on.toString(),
                null,
                new RegistrationForm.Applicant(
                    type,
                    "NATURAL_PERSON".equals(type) ? "张三" : "某单位",
                    null,
                    null,
                    null,
                    null,
                    null),
                null,
                "申请公开 " + agency + " 的文件",
                "社保信息",
                null,
                null,
                null)
            .forAgency(agency);
    return intake.register(form, "clerk").request().id();
  }

  // ---- HTTP

  private HttpResponse<byte[]> call(String method, String path, String user, String body)
      throws Exception {
    String password =
        user.equals("supervisor") || user.equals("manager") || user.equals("admin")
            ? user
            : PASSWORD;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    return call("GET", path, user, null);
  }

  private JsonNode getJson(String path, String user) throws Exception {
    HttpResponse<byte[]> r = get(path, user);
    assertThat(r.statusCode()).as(path + " as " + user + ": " + text(r)).isEqualTo(200);
    return json.readTree(r.body());
  }

  /** The body as text (pages escape {@code =} in links as {@code &#x3D;}). */
  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Table 三 and 四 of a statistics JSON, by row code. */
  private static Map<String, List<Long>> cells(JsonNode s) {
    Map<String, List<Long>> out = new HashMap<>();
    s.get("rows").forEach(r -> out.put(r.get("code").asText(), longs(r.get("values"))));
    s.get("appeals")
        .get("rows")
        .forEach(r -> out.put("APPEAL_" + r.get("code").asText(), longs(r.get("values"))));
    return out;
  }

  private static List<Long> longs(JsonNode values) {
    List<Long> out = new ArrayList<>();
    values.forEach(v -> out.add(v.asLong()));
    return out;
  }

  private static long total(Map<String, List<Long>> t, String row) {
    List<Long> v = t.get(row);
    return v.get(v.size() - 1);
  }

  private static void identityHolds(Map<String, List<Long>> t) {
    for (int c = 0; c < 7; c++) {
      assertThat(t.get("NEW_THIS_YEAR").get(c) + t.get("CARRIED_OVER_FROM_LAST_YEAR").get(c))
          .as("column " + c)
          .isEqualTo(
              t.get("CONCLUDED_TOTAL").get(c) + t.get("CARRIED_FORWARD_TO_NEXT_YEAR").get(c));
    }
  }

  // ---- the tables

  @Test
  void eachAgencyCountsItsOwnAndTheConsolidatedTableIsTheirSum() throws Exception {
    JsonNode sa = getJson("/api/statistics/2010?agency=" + A, "supervisor");
    JsonNode sb = getJson("/api/statistics/2010?agency=" + B, "supervisor");
    assertThat(sa.get("agency").get("code").asText()).isEqualTo(A);
    assertThat(sa.get("agency").get("name").asText()).isEqualTo("示例市统计甲局");
    Map<String, List<Long>> ta = cells(sa);
    Map<String, List<Long>> tb = cells(sb);
    // A: a2, a3 new; a1 carried over; a1, a2 concluded; a3 carried forward; a2 reconsidered and
    // upheld
    assertThat(ta.get("NEW_THIS_YEAR")).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 2L);
    assertThat(total(ta, "CARRIED_OVER_FROM_LAST_YEAR")).isEqualTo(1);
    assertThat(total(ta, "DISCLOSED")).isEqualTo(1);
    assertThat(total(ta, "WITHHELD_STATE_SECRET")).isEqualTo(1);
    assertThat(total(ta, "UNAVAILABLE_NOT_HELD")).isZero();
    assertThat(total(ta, "CONCLUDED_TOTAL")).isEqualTo(2);
    assertThat(total(ta, "CARRIED_FORWARD_TO_NEXT_YEAR")).isEqualTo(1);
    assertThat(ta.get("APPEAL_RECONSIDERATION")).containsExactly(1L, 0L, 0L, 0L, 1L);
    assertThat(ta.get("APPEAL_LITIGATION_DIRECT")).containsExactly(0L, 0L, 0L, 0L, 0L);
    // B: b1, b2 new and concluded; b1 in court at the end of the year
    assertThat(tb.get("NEW_THIS_YEAR")).containsExactly(1L, 0L, 0L, 0L, 0L, 1L, 2L);
    assertThat(total(tb, "CARRIED_OVER_FROM_LAST_YEAR")).isZero();
    assertThat(total(tb, "DISCLOSED")).isEqualTo(1);
    assertThat(total(tb, "UNAVAILABLE_NOT_HELD")).isEqualTo(1);
    assertThat(total(tb, "CONCLUDED_TOTAL")).isEqualTo(2);
    assertThat(tb.get("APPEAL_LITIGATION_DIRECT")).containsExactly(0L, 0L, 0L, 1L, 1L);
    assertThat(tb.get("APPEAL_RECONSIDERATION")).containsExactly(0L, 0L, 0L, 0L, 0L);
    identityHolds(ta);
    identityHolds(tb);
    assertThat(sa.get("consistent").asBoolean()).isTrue();
    assertThat(sb.get("consistent").asBoolean()).isTrue();
    // the running tallies carry the agency
    assertThat(
            jdbc.sql(
                    "SELECT SUM(n) FROM dd_stat_tally WHERE stat_year = 2010 AND agency_code = ? AND facet = 'NEW'")
                .param(A)
                .query(Long.class)
                .single())
        .isEqualTo(2);

    // consolidated: every cell the sum, the identity in each agency and in the sum
    JsonNode sum =
        getJson("/api/statistics/2010/consolidated?agencies=" + B + "," + A, "supervisor");
    List<String> codes = new ArrayList<>();
    sum.get("agencies").forEach(c -> codes.add(c.asText()));
    assertThat(codes).containsExactly(A, B);
    Map<String, List<Long>> ts = cells(sum);
    assertThat(ts.keySet()).isEqualTo(ta.keySet());
    for (String row : ts.keySet()) {
      List<Long> expected = new ArrayList<>();
      for (int c = 0; c < ta.get(row).size(); c++) {
        expected.add(ta.get(row).get(c) + tb.get(row).get(c));
      }
      assertThat(ts.get(row)).as(row).isEqualTo(expected);
    }
    identityHolds(ts);
    assertThat(sum.get("consistent").asBoolean()).isTrue();
    assertThat(sum.get("consistentByAgency")).hasSize(2);
    sum.get("consistentByAgency")
        .forEach(e -> assertThat(e.get("consistent").asBoolean()).isTrue());
    assertThat(sum.get("frozen").isNull()).isTrue();
    assertThat(sum.get("paragraph").asText()).contains("共收到政府信息公开申请4件");
    // all agencies when none is named: the default agency (and any other a shared database holds)
    // has nothing in 2010
    JsonNode all = getJson("/api/statistics/2010/consolidated", "supervisor");
    assertThat(all.get("agencies").size())
        .isEqualTo(agencies.all().size())
        .isGreaterThanOrEqualTo(3);
    assertThat(cells(all)).isEqualTo(ts);
    // formats, and the consolidated cells open the lists of every agency counted
    HttpResponse<byte[]> html =
        get("/api/statistics/2010/consolidated?agencies=SA,SB&format=html", "supervisor");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(text(html))
        .contains(
            "/reports/2010/requests?row&#x3D;NEW_THIS_YEAR&amp;column&#x3D;TOTAL&amp;agencies&#x3D;SA,SB")
        .contains("汇总（甲局、乙局）");
    HttpResponse<byte[]> xlsx =
        get("/api/statistics/2010/consolidated?agencies=SA,SB&format=xlsx", "supervisor");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
        .contains("statistics-2010-consolidated.xlsx");
    HttpResponse<byte[]> csv = get("/api/statistics/2010?agency=SA&format=csv", "supervisor");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("statistics-2010-SA.csv");
    HttpResponse<byte[]> printable =
        get("/api/statistics/2010?agency=SA&format=html", "supervisor");
    assertThat(text(printable))
        .contains("示例市统计甲局")
        .contains(
            "/reports/2010/requests?row&#x3D;NEW_THIS_YEAR&amp;column&#x3D;TOTAL&amp;agency&#x3D;SA");

    // bad input names the field
    HttpResponse<byte[]> unknown =
        get("/api/statistics/2010/consolidated?agencies=SA,NOPE", "supervisor");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).get("fields").has("agencies")).isTrue();
    assertThat(text(unknown)).contains("NOPE");
    HttpResponse<byte[]> noAgency = get("/api/statistics/2010", "supervisor");
    assertThat(noAgency.statusCode()).isEqualTo(400);
    assertThat(json.readTree(noAgency.body()).get("fields").has("agency")).isTrue();
    HttpResponse<byte[]> badAgency = get("/api/statistics/2010?agency=NOPE", "supervisor");
    assertThat(badAgency.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badAgency.body()).get("fields").has("agency")).isTrue();

    // the legacy template per agency
    JsonNode legacy = getJson("/api/statistics/2010/legacy?agency=SB", "supervisor");
    assertThat(legacy.get("rows").get(0).get("code").asText()).isEqualTo("RECEIVED_TOTAL");
    assertThat(legacy.get("rows").get(0).get("value").asLong()).isEqualTo(2);
  }

  @Test
  void aManagerSeesTheirOwnAgencyAndNothingOfAnother() throws Exception {
    JsonNode own = getJson("/api/statistics/2010", "mgrB");
    assertThat(cells(own))
        .isEqualTo(cells(getJson("/api/statistics/2010?agency=SB", "supervisor")));
    assertThat(own.get("agency").get("code").asText()).isEqualTo(B);
    assertThat(getJson("/api/statistics/2010?agency=SB", "mgrB").get("rows"))
        .isEqualTo(own.get("rows"));
    // another agency's table does not exist for them, in any format or document
    for (String path :
        List.of(
            "/api/statistics/2010?agency=SA",
            "/api/statistics/2010?agency=SA&format=csv",
            "/api/statistics/2010?agency=SA&format=xlsx",
            "/api/statistics/2010?agency=SA&format=html",
            "/api/statistics/2010/legacy?agency=SA",
            "/api/statistics/2010/report?format=docx&agency=SA",
            "/api/statistics/2010/proactive?agency=SA",
            "/api/statistics/2010/reconciliation?agency=SA",
            "/api/statistics/2010/paragraph?agency=SA",
            "/reports/2010?agency=SA",
            "/reports/2010/requests?row=NEW_THIS_YEAR&column=TOTAL&agency=SA",
            "/api/statistics/2010/requests?row=NEW_THIS_YEAR&column=TOTAL&agencies=SA,SB")) {
      HttpResponse<byte[]> r = get(path, "mgrB");
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(text(r)).as(path).doesNotContain("示例市统计甲局").doesNotContain("\"rows\"");
    }
    assertThat(call("POST", "/api/statistics/2010/freeze?agency=SA", "mgrB", null).statusCode())
        .isEqualTo(404);
    // nor the overview or the consolidated table
    assertThat(get("/api/statistics/2010/agencies", "mgrB").statusCode()).isEqualTo(403);
    assertThat(get("/api/statistics/2010/consolidated", "mgrB").statusCode()).isEqualTo(403);
    // a manager of two agencies names one
    HttpResponse<byte[]> both = get("/api/statistics/2010", "mgrAB");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(json.readTree(both.body()).get("fields").has("agency")).isTrue();
    assertThat(cells(getJson("/api/statistics/2010?agency=SA", "mgrAB")))
        .isEqualTo(cells(getJson("/api/statistics/2010?agency=SA", "supervisor")));
    // the report document in the agency's own name
    HttpResponse<byte[]> docx = get("/api/statistics/2010/report?format=docx", "mgrB");
    assertThat(docx.statusCode()).isEqualTo(200);
    String document = docxText(docx.body());
    assertThat(document).contains("示例市统计乙局").doesNotContain("示例市统计甲局");
    // their pages: their agency's, with its name
    HttpResponse<byte[]> page = get("/reports/2010", "mgrB");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(text(page))
        .contains("示例市统计乙局")
        .doesNotContain("agency-overview")
        .doesNotContain("agency-chooser")
        .contains(
            "/reports/2010/requests?row&#x3D;NEW_THIS_YEAR&amp;column&#x3D;TOTAL&amp;agency&#x3D;SB")
        .contains("id=\"proactive-save\"");
    // a manager of two agencies chooses between them on the page
    assertThat(text(get("/reports/2010", "mgrAB")))
        .contains("agency-chooser")
        .contains("?agency&#x3D;SB");
  }

  @Test
  void theOverviewListsEveryAgencysYear() throws Exception {
    JsonNode ov = getJson("/api/statistics/2010/agencies", "supervisor");
    Map<String, JsonNode> items = new HashMap<>();
    ov.get("items").forEach(i -> items.put(i.get("agency").get("code").asText(), i));
    assertThat(items).containsKeys(A, B);
    JsonNode a = items.get(A);
    assertThat(a.get("agency").get("name").asText()).isEqualTo("示例市统计甲局");
    assertThat(a.get("newThisYear").asLong()).isEqualTo(2);
    assertThat(a.get("carriedOver").asLong()).isEqualTo(1);
    assertThat(a.get("concluded").asLong()).isEqualTo(2);
    assertThat(a.get("carriedForward").asLong()).isEqualTo(1);
    assertThat(a.get("overdueNow").asLong()).isEqualTo(1); // a3, open since December 2010
    assertThat(a.get("identityHolds").asBoolean()).isTrue();
    assertThat(a.get("onTimeRate").asDouble()).isEqualTo(1.0);
    JsonNode b = items.get(B);
    assertThat(b.get("newThisYear").asLong()).isEqualTo(2);
    assertThat(b.get("carriedOver").asLong()).isZero();
    assertThat(b.get("concluded").asLong()).isEqualTo(2);
    assertThat(b.get("carriedForward").asLong()).isZero();
    assertThat(b.get("overdueNow").asLong()).isZero();
    assertThat(b.get("identityHolds").asBoolean()).isTrue();
    // the default agency of the plain run is listed too, with nothing
    assertThat(ov.get("items").size()).isEqualTo(agencies.all().size()).isGreaterThanOrEqualTo(3);
    assertThat(get("/api/statistics/2010/agencies", "admin").statusCode()).isEqualTo(200);
    // the supervisor's page: the overview, a chooser and the sum of all
    HttpResponse<byte[]> page = get("/reports/2010", "supervisor");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(text(page))
        .contains("id=\"agency-overview\"")
        .contains("id=\"overview-SA\"")
        .contains("id=\"agency-chooser\"")
        .contains("id=\"consolidate-form\"")
        // every agency of the (maybe shared) database, the default one and SA, SB among them
        .contains(
            "&amp;agencies&#x3D;"
                + String.join(",", agencies.all().stream().map(x -> x.code()).toList()))
        .doesNotContain("id=\"proactive-form\"");
    HttpResponse<byte[]> one = get("/reports/2010?agency=SA", "supervisor");
    assertThat(text(one))
        .contains("示例市统计甲局")
        .doesNotContain("id=\"proactive-save\"")
        .doesNotContain("id=\"agency-overview\"");
    assertThat(get("/reports/2010?agencies=SA&agencies=SB", "supervisor").statusCode())
        .isEqualTo(200);
  }

  @Test
  void freezesAndTable2ArePerAgency() throws Exception {
    assertThat(call("POST", "/api/statistics/2009/freeze", "supervisor", null).statusCode())
        .isEqualTo(403);
    assertThat(
            call("POST", "/api/statistics/2009/freeze?agency=SA", "supervisor", null).statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> frozen = call("POST", "/api/statistics/2009/freeze", "mgrA", null);
    assertThat(frozen.statusCode()).as(text(frozen)).isEqualTo(201);
    assertThat(
            getJson("/api/statistics/2009?agency=SA", "supervisor")
                .get("frozen")
                .get("by")
                .asText())
        .isEqualTo("mgrA");
    assertThat(getJson("/api/statistics/2009?agency=SB", "supervisor").get("frozen").isNull())
        .isTrue();
    Map<String, JsonNode> items = new HashMap<>();
    getJson("/api/statistics/2009/agencies", "supervisor")
        .get("items")
        .forEach(i -> items.put(i.get("agency").get("code").asText(), i));
    assertThat(items.get(A).get("frozenAt").asText()).isNotBlank();
    assertThat(items.get(B).get("frozenAt").isNull()).isTrue();
    assertThat(items.get(A).get("newThisYear").asLong()).isEqualTo(1);
    assertThat(items.get(A).get("carriedForward").asLong()).isEqualTo(1);

    // table 二: the agency's own; the supervising office reads it and changes nothing
    HttpResponse<byte[]> saved =
        call("PUT", "/api/statistics/2009/proactive", "mgrA", "{\"regulationsIssued\": 3}");
    assertThat(saved.statusCode()).as(text(saved)).isEqualTo(200);
    assertThat(
            getJson("/api/statistics/2009/proactive?agency=SA", "supervisor")
                .get("regulationsIssued")
                .asLong())
        .isEqualTo(3);
    assertThat(getJson("/api/statistics/2009/proactive", "mgrB").get("regulationsIssued").isNull())
        .isTrue();
    assertThat(
            call(
                    "PUT",
                    "/api/statistics/2009/proactive?agency=SA",
                    "supervisor",
                    "{\"regulationsIssued\": 4}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call(
                    "PUT",
                    "/api/statistics/2009/proactive?agency=SA",
                    "mgrB",
                    "{\"regulationsIssued\": 4}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theListsBehindTheNumbersAreScopedTheSameWay() throws Exception {
    JsonNode ownA = getJson("/api/statistics/2010/requests?row=NEW_THIS_YEAR&column=TOTAL", "mgrA");
    assertThat(ids(ownA)).containsExactlyInAnyOrder(a2, a3);
    assertThat(ownA.get("agencies")).hasSize(1);
    assertThat(ownA.get("items").get(0).get("agency").asText()).isEqualTo(A);
    assertThat(ownA.get("items").get(0).get("applicantName").asText()).contains("*");
    assertThat(ids(getJson("/api/statistics/2010/requests?row=NEW_THIS_YEAR&column=TOTAL", "mgrB")))
        .containsExactlyInAnyOrder(b1, b2);
    assertThat(
            ids(
                getJson(
                    "/api/statistics/2010/requests?row=CARRIED_OVER_FROM_LAST_YEAR&column=TOTAL&agency=SA",
                    "supervisor")))
        .containsExactly(a1);
    // a consolidated cell opens every agency's requests it counted, names masked for the
    // supervising office too
    JsonNode sum =
        getJson(
            "/api/statistics/2010/requests?row=CONCLUDED_TOTAL&column=TOTAL&agencies=SA,SB",
            "supervisor");
    assertThat(ids(sum)).containsExactlyInAnyOrder(a1, a2, b1, b2);
    sum.get("items").forEach(i -> assertThat(i.get("applicantName").asText()).contains("*"));
    assertThat(
            getJson(
                    "/api/statistics/2010/appeals?row=RECONSIDERATION&column=TOTAL&agencies=SA,SB",
                    "supervisor")
                .get("count")
                .asInt())
        .isEqualTo(1);
    assertThat(
            getJson("/api/statistics/2010/appeals?row=LITIGATION_DIRECT&column=PENDING", "mgrA")
                .get("count")
                .asInt())
        .isZero();
    assertThat(
            getJson("/api/statistics/2010/appeals?row=LITIGATION_DIRECT&column=PENDING", "mgrB")
                .get("count")
                .asInt())
        .isEqualTo(1);
    assertThat(
            getJson(
                    "/api/statistics/2010/legacy/requests?row=RECEIVED_TOTAL&agency=SB",
                    "supervisor")
                .get("count")
                .asInt())
        .isEqualTo(2);
    // the paragraph's counts link to the agency's lists
    JsonNode paragraph = getJson("/api/statistics/2010/paragraph?agency=SA", "supervisor");
    assertThat(paragraph.get("figures").get(0).get("api").asText()).endsWith("&agency=SA");
    assertThat(paragraph.get("figures").get(0).get("count").asLong()).isEqualTo(2);
    // both parameters at once, and the list pages
    HttpResponse<byte[]> twice =
        get(
            "/api/statistics/2010/requests?row=DISCLOSED&column=TOTAL&agency=SA&agencies=SB",
            "supervisor");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(json.readTree(twice.body()).get("fields").has("agencies")).isTrue();
    HttpResponse<byte[]> page =
        get("/reports/2010/requests?row=CONCLUDED_TOTAL&column=TOTAL&agencies=SA,SB", "supervisor");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(text(page))
        .contains("共 <strong>4</strong> 件")
        .contains("<th scope=\"col\">机关</th>")
        .contains("href=\"/reports/2010?agencies&#x3D;SA,SB\"");
    HttpResponse<byte[]> xlsx =
        get(
            "/api/statistics/2010/requests?row=CONCLUDED_TOTAL&column=TOTAL&agency=SB"
                + "&format=xlsx",
            "supervisor");
    assertThat(xlsx.statusCode()).isEqualTo(200);
  }

  @Test
  void eachAgencyReconcilesItsOwn() throws Exception {
    for (String user : List.of("mgrA", "mgrB")) {
      JsonNode rec = getJson("/api/statistics/2010/reconciliation", user);
      assertThat(rec.get("consistent").asBoolean()).as(user + ": " + rec).isTrue();
      assertThat(rec.get("checks").get(0).get("reporting").asInt()).isEqualTo(2);
      assertThat(rec.get("checks").get(0).get("history").asInt()).isEqualTo(2);
    }
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  private static String docxText(byte[] docx) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("word/document.xml")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
        }
      }
    }
    return "";
  }
}
