package org.disclosuredesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed and hostile input to every /api/** endpoint: wrong types, missing fields, huge strings,
 * impossible, future and pre-receipt dates, unknown codes, SQL and script fragments, broken JSON,
 * wrong content type. Never a 5xx; a 400 names the field; every error is in the API's JSON shape;
 * and nothing is written.
 */
// a context of its own: a cached context reused much later, after other contexts started their
// Camunda webapps (whose runtime delegates are static), serves Tasklist with 500 (seen in
// SecurityDefaultsTest)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "disclosure.test.context=hardening")
class HostileInputTest {

  enum Kind {
    EVENT_DATE,
    PERIOD_DATE,
    ENUM,
    TEXT,
    INT,
    BOOL,
    NUMBER
  }

  record Field(String name, Kind kind, boolean required) {}

  record Endpoint(
      String action,
      String user,
      String requestId,
      Map<String, Object> valid,
      List<Field> fields) {}

  static final String HUGE = "长".repeat(200_000);
  static final List<Object> SCRIPTS =
      List.of(
          "'; DROP TABLE dd_request; --",
          "<script>alert(1)</script>",
          "1 OR 1=1",
          "${jndi:ldap://127.0.0.1/x}");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CalendarService calendars;
  Http http;
  final LocalDate d = LocalDate.of(2025, 3, 3);

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  LocalDate wd(int n) {
    return calendars.calendar().addWorkingDays(d, n);
  }

  String register() throws Exception {
    HttpResponse<String> r =
        http.postJson(
            "/api/requests",
            """
        {"channel":"IN_PERSON","arrivedOn":"%s","applicant":{"type":"NATURAL_PERSON","name":"王五",
         "idNumber":"370102199001011234","phone":"13800000000"},"description":"申请公开某文件"}"""
                .formatted(d),
            "clerk");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("id").asText();
  }

  String ok(String id, String action, String body, String user) throws Exception {
    HttpResponse<String> r = http.postJson("/api/requests/" + id + "/" + action, body, user);
    assertThat(r.statusCode()).as(action + " " + r.body()).isEqualTo(200);
    return r.body();
  }

  Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t :
        List.of(
            "dd_request",
            "dd_event",
            "dd_mail",
            "dd_letter",
            "ACT_RU_TASK",
            "ACT_RU_JOB",
            "ACT_RU_EXECUTION")) {
      m.put(t, jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single());
    }
    return m;
  }

  /** Values that are wrong for a field of this kind, whatever else the body says. */
  static List<Object> hostile(Field f) {
    List<Object> v = new ArrayList<>(List.of(12345, Map.of("a", 1), List.of(1, 2), true));
    switch (f.kind()) {
      case EVENT_DATE -> {
        v.addAll(List.of("2026-02-30", "9999-12-31", "1900-01-01", "2025-3-3", "yesterday", HUGE));
        v.addAll(SCRIPTS);
      }
      case PERIOD_DATE -> {
        v.addAll(List.of("2026-02-30", "1900-01-01", "yesterday", HUGE));
        v.addAll(SCRIPTS);
      }
      case ENUM -> {
        v.addAll(List.of("PIGEON", "proceed", HUGE));
        v.addAll(SCRIPTS);
      }
      case TEXT -> v.add(HUGE);
      case INT -> {
        v.remove(Integer.valueOf(12345));
        v.addAll(List.of("3", -1, 1.5, 99_999_999_999L));
      }
      case BOOL -> v.addAll(List.of("true", 1, "yes"));
      case NUMBER -> {
        v.remove(Integer.valueOf(12345));
        v.addAll(List.of("10", -1, 1e300));
      }
    }
    if (f.kind() == Kind.BOOL) {
      v.remove(Boolean.TRUE);
    }
    if (f.required()) {
      v.add("");
      v.add(null);
    }
    return v;
  }

  @Test
  void everyActionRefusesHostileInputNamingTheFieldAndWritesNothing() throws Exception {
    // one request waiting at each step, so the hostile values reach each step's own validation
    String screening = register();
    String handling = register();
    ok(handling, "screening", "{\"result\":\"PROCEED\"}", "reviewer");
    String awaitingSupplement = register();
    ok(
        awaitingSupplement,
        "supplement-request",
        """
        {"noticeOn":"%s","supplementDueOn":"%s","items":"请说明文件名称"}"""
            .formatted(wd(1), wd(10)),
        "reviewer");
    String consulting = register();
    ok(consulting, "screening", "{\"result\":\"PROCEED\"}", "reviewer");
    ok(
        consulting,
        "consultation",
        """
        {"kind":"AGENCY","party":"市生态环境局","sentOn":"%s"}"""
            .formatted(wd(1)),
        "reviewer");
    String extending = register();
    ok(extending, "screening", "{\"result\":\"PROCEED\"}", "reviewer");
    ok(
        extending,
        "extension",
        """
        {"requestedOn":"%s","workingDays":10,"reason":"涉及多个部门"}"""
            .formatted(wd(2)),
        "reviewer");
    String paying = register();
    ok(paying, "screening", "{\"result\":\"PROCEED\"}", "reviewer");
    ok(
        paying,
        "fee-notice",
        """
        {"noticeOn":"%s","method":"PER_VOLUME","pages":31,"amountYuan":10}"""
            .formatted(wd(1)),
        "reviewer");
    String signing = register();
    ok(
        signing,
        "decision",
        """
        {"outcome":"WITHHELD_PROCESS_INFORMATION","decidedOn":"%s","reason":"属于过程性信息"}"""
            .formatted(wd(2)),
        "reviewer");

    String day = wd(3).toString();
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "screening",
                "reviewer",
                screening,
                Map.of("result", "PROCEED"),
                List.of(new Field("result", Kind.ENUM, true))),
            new Endpoint(
                "supplement-request",
                "reviewer",
                screening,
                Map.of("noticeOn", day, "supplementDueOn", wd(12).toString(), "items", "请补充"),
                List.of(
                    new Field("noticeOn", Kind.EVENT_DATE, true),
                    new Field("supplementDueOn", Kind.PERIOD_DATE, true),
                    new Field("items", Kind.TEXT, true))),
            new Endpoint(
                "decision",
                "reviewer",
                screening,
                Map.of("outcome", "NOT_PROCESSED_PETITION", "decidedOn", day),
                List.of(
                    new Field("outcome", Kind.ENUM, true),
                    new Field("decidedOn", Kind.EVENT_DATE, true),
                    new Field("deliveryMethod", Kind.ENUM, false),
                    new Field("reason", Kind.TEXT, false))),
            new Endpoint(
                "supplement",
                "clerk",
                awaitingSupplement,
                Map.of("receivedOn", day),
                List.of(new Field("receivedOn", Kind.EVENT_DATE, true))),
            new Endpoint(
                "consultation",
                "reviewer",
                handling,
                Map.of("kind", "THIRD_PARTY", "party", "某公司", "sentOn", day),
                List.of(
                    new Field("kind", Kind.ENUM, true),
                    new Field("party", Kind.TEXT, true),
                    new Field("sentOn", Kind.EVENT_DATE, true),
                    new Field("deliveredOn", Kind.EVENT_DATE, false))),
            new Endpoint(
                "consultation/reply",
                "clerk",
                consulting,
                Map.of("repliedOn", day, "opinion", "AGREE"),
                List.of(
                    new Field("repliedOn", Kind.EVENT_DATE, true),
                    new Field("opinion", Kind.ENUM, true))),
            new Endpoint(
                "extension",
                "reviewer",
                handling,
                Map.of("requestedOn", day, "workingDays", 10, "reason", "涉及多个部门"),
                List.of(
                    new Field("requestedOn", Kind.EVENT_DATE, true),
                    new Field("workingDays", Kind.INT, true),
                    new Field("reason", Kind.TEXT, true))),
            new Endpoint(
                "extension/decision",
                "head",
                extending,
                Map.of("approved", true, "decidedOn", day),
                List.of(
                    new Field("approved", Kind.BOOL, true),
                    new Field("decidedOn", Kind.EVENT_DATE, true))),
            new Endpoint(
                "custom-period",
                "head",
                handling,
                Map.of("decidedOn", day, "workingDays", 40, "reason", "大量申请"),
                List.of(
                    new Field("decidedOn", Kind.EVENT_DATE, true),
                    new Field("workingDays", Kind.INT, true),
                    new Field("reason", Kind.TEXT, true))),
            new Endpoint(
                "fee-notice",
                "reviewer",
                handling,
                Map.of("noticeOn", day, "method", "PER_VOLUME", "pages", 31, "amountYuan", 10),
                List.of(
                    new Field("noticeOn", Kind.EVENT_DATE, true),
                    new Field("method", Kind.ENUM, true),
                    new Field("pages", Kind.INT, false),
                    new Field("amountYuan", Kind.NUMBER, true),
                    new Field("deliveredOn", Kind.EVENT_DATE, false),
                    new Field("waived", Kind.BOOL, false))),
            new Endpoint(
                "fee-payment",
                "clerk",
                paying,
                Map.of("paidOn", day),
                List.of(new Field("paidOn", Kind.EVENT_DATE, true))),
            new Endpoint(
                "withdrawal",
                "clerk",
                handling,
                Map.of("withdrawnOn", day),
                List.of(
                    new Field("withdrawnOn", Kind.EVENT_DATE, true),
                    new Field("note", Kind.TEXT, false))),
            new Endpoint(
                "sign-off",
                "head",
                signing,
                Map.of("approved", true, "decidedOn", day),
                List.of(
                    new Field("approved", Kind.BOOL, true),
                    new Field("decidedOn", Kind.EVENT_DATE, true),
                    new Field("comment", Kind.TEXT, false))));

    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    int calls = 0;
    for (Endpoint e : endpoints) {
      String path = "/api/requests/" + e.requestId() + "/" + e.action();
      for (Field f : e.fields()) {
        for (Object value : hostile(f)) {
          Map<String, Object> body = new LinkedHashMap<>(e.valid());
          body.put(f.name(), value);
          calls++;
          HttpResponse<String> r = http.postJson(path, json.writeValueAsString(body), e.user());
          String what =
              e.action()
                  + " "
                  + f.name()
                  + "="
                  + abbreviate(value)
                  + " -> "
                  + r.statusCode()
                  + " "
                  + abbreviate(r.body());
          if (r.statusCode() != 400) {
            problems.add(what + " (expected 400)");
          } else if (!fieldNamed(r, f.name())) {
            problems.add(what + " (400 without naming " + f.name() + ")");
          }
        }
        if (f.required()) {
          Map<String, Object> body = new LinkedHashMap<>(e.valid());
          body.remove(f.name());
          calls++;
          HttpResponse<String> r = http.postJson(path, json.writeValueAsString(body), e.user());
          if (r.statusCode() != 400 || !fieldNamed(r, f.name())) {
            problems.add(
                e.action()
                    + " without "
                    + f.name()
                    + " -> "
                    + r.statusCode()
                    + " "
                    + abbreviate(r.body()));
          }
        }
      }
      for (String raw :
          List.of("{not json", "", "[]", "[{}]", "null", "\"PROCEED\"", "{\"a\":", "{}{}")) {
        calls++;
        HttpResponse<String> r = http.postJson(path, raw, e.user());
        if (r.statusCode() != 400 || !isError(r)) {
          problems.add(
              e.action() + " raw " + raw + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        }
      }
      for (String type :
          List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
        calls++;
        HttpResponse<String> r =
            http.send(
                Http.auth(http.request(path), e.user(), e.user())
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("a=b")));
        if (r.statusCode() != 415 || !isError(r)) {
          problems.add(
              e.action() + " as " + type + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        }
      }
      for (String badId :
          List.of("nope", enc("' OR '1'='1"), "..%2F..%2Fetc", "x".repeat(5000), "%E4%B8%AD")) {
        calls++;
        HttpResponse<String> r =
            http.postJson(
                "/api/requests/" + badId + "/" + e.action(),
                json.writeValueAsString(e.valid()),
                e.user());
        // an encoded slash is refused by Tomcat itself (400, its own page) before the app sees it;
        // letting it through (encodedSolidusHandling=passthrough) breaks the Camunda webapps, so
        // that page stays
        boolean container = badId.contains("%2F") && r.statusCode() == 400;
        if (!container && (r.statusCode() >= 500 || r.statusCode() < 400 || !isError(r))) {
          problems.add(
              e.action()
                  + " on id "
                  + abbreviate(badId)
                  + " -> "
                  + r.statusCode()
                  + " "
                  + abbreviate(r.body()));
        }
      }
    }
    assertThat(problems).as(calls + " hostile calls").isEmpty();
    assertThat(counts()).as("nothing written").isEqualTo(before);
  }

  @Test
  void hostileRegistrationsAndQueriesAre400WithTheFieldNamed() throws Exception {
    Map<String, Object> good =
        new LinkedHashMap<>(
            Map.of(
                "channel",
                "ONLINE",
                "arrivedOn",
                "2025-05-06",
                "description",
                "申请公开某文件",
                "applicant",
                Map.of("type", "NATURAL_PERSON", "name", "赵六")));
    Map<String, List<Object>> cases = new LinkedHashMap<>();
    List<Object> common = List.of(12345, Map.of("a", 1), List.of(1, 2), true, HUGE);
    cases.put("channel", join(common, List.of("PIGEON", "", "online"), SCRIPTS));
    cases.put(
        "arrivedOn", join(common, List.of("2026-02-30", "9999-12-31", "", "2025-5-6"), SCRIPTS));
    cases.put(
        "confirmedOn", join(common, List.of("2026-02-30", "9999-12-31", "2025-05-01"), SCRIPTS));
    cases.put("description", join(common, List.of("", "   ")));
    cases.put("topic", List.of(12345, Map.of("a", 1), HUGE));
    cases.put("requestedForms", List.of("PAPER", List.of("PIGEON"), List.of(1), Map.of("a", 1)));
    cases.put("deliveryChannel", join(common, List.of("PIGEON"), SCRIPTS));
    cases.put("externalReference", List.of(12345, HUGE, Map.of("a", 1)));
    cases.put(
        "applicant",
        List.of(
            "ALIEN",
            7,
            List.of(1),
            Map.of("type", "ALIEN", "name", "a"),
            Map.of("type", "NATURAL_PERSON", "name", "x".repeat(101)),
            Map.of("type", "NATURAL_PERSON", "name", "a", "email", "not-an-email"),
            Map.of(
                "type", "NATURAL_PERSON", "name", "a", "idNumber", "'; DROP TABLE dd_request; --"),
            Map.of("type", "NATURAL_PERSON", "name", "a", "phone", "<script>"),
            Map.of("type", "NATURAL_PERSON", "name", "a", "creditCode", "91370100MA3C000000")));
    cases.put("agent", List.of("x", 7, Map.of("name", ""), Map.of("name", "a", "idNumber", "<b>")));
    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    for (var c : cases.entrySet()) {
      for (Object v : c.getValue()) {
        Map<String, Object> body = new LinkedHashMap<>(good);
        body.put(c.getKey(), v);
        HttpResponse<String> r =
            http.postJson("/api/requests", json.writeValueAsString(body), "clerk");
        if (r.statusCode() != 400 || !fieldNamed(r, c.getKey())) {
          problems.add(
              c.getKey()
                  + "="
                  + abbreviate(v)
                  + " -> "
                  + r.statusCode()
                  + " "
                  + abbreviate(r.body()));
        }
      }
    }
    for (String required : List.of("channel", "arrivedOn", "applicant", "description")) {
      Map<String, Object> body = new LinkedHashMap<>(good);
      body.remove(required);
      HttpResponse<String> r =
          http.postJson("/api/requests", json.writeValueAsString(body), "clerk");
      if (r.statusCode() != 400 || !fieldNamed(r, required)) {
        problems.add("without " + required + " -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    }
    // the ledger's and the calendar's query parameters
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("/api/requests?year=abc", "year");
    queries.put("/api/requests?year=99999", "year");
    queries.put("/api/requests?size=-1", "size");
    queries.put("/api/requests?size=100000", "size");
    queries.put("/api/requests?page=x", "page");
    queries.put("/api/requests?status=PIGEON", "status");
    queries.put("/api/requests?overdue=maybe", "overdue");
    queries.put("/api/requests?q=" + "x".repeat(300), "q");
    queries.put("/api/calendar/due-date?from=2026-02-30&workingDays=5", "from");
    queries.put("/api/calendar/due-date?from=2026-01-05&workingDays=abc", "workingDays");
    queries.put("/api/calendar/due-date?from=2026-01-05", "workingDays");
    queries.put("/api/calendar/due-date?from=" + enc("' OR 1=1 --") + "&workingDays=5", "from");
    queries.put("/api/calendar/abc", "year");
    queries.put("/api/calendar/99999999999", "year");
    for (var q : queries.entrySet()) {
      HttpResponse<String> r = http.get(q.getKey(), "reviewer");
      if (r.statusCode() != 400 || !fieldNamed(r, q.getValue())) {
        problems.add(
            "GET " + abbreviate(q.getKey()) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    }
    // the ledger treats a search text as text, whatever it looks like
    for (Object q : SCRIPTS) {
      HttpResponse<String> r = http.get("/api/requests?q=" + enc((String) q), "reviewer");
      if (r.statusCode() != 200) {
        problems.add("GET q=" + q + " -> " + r.statusCode());
      }
    }
    // unknown ids, odd paths and methods: 404/405/415 in the API's shape, never a 500 or an HTML
    // page
    for (String path :
        List.of(
            "/api/requests/nope",
            "/api/requests/" + enc("' OR '1'='1"),
            "/api/requests/" + "x".repeat(3000),
            "/api/requests/nope/letters",
            "/api/requests/nope/letters/nope",
            "/api/nothing-here",
            "/api/requests/nope/unknown-action")) {
      HttpResponse<String> r = http.get(path, "reviewer");
      if (r.statusCode() != 404 || !isError(r)) {
        problems.add(
            "GET " + abbreviate(path) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    }
    for (String method : List.of("DELETE", "PUT", "PATCH")) {
      HttpResponse<String> r =
          http.send(
              Http.auth(http.request("/api/requests"), "admin", "admin")
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString("{}")));
      if (r.statusCode() != 405 || !isError(r)) {
        problems.add(method + " /api/requests -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    }
    HttpResponse<String> form =
        http.send(
            Http.auth(http.request("/api/requests"), "clerk", "clerk")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));
    if (form.statusCode() != 415 || !isError(form)) {
      problems.add(
          "form POST /api/requests -> " + form.statusCode() + " " + abbreviate(form.body()));
    }
    for (String raw : List.of("{not json", "", "[]", "null", "{\"channel\":", "\u0000")) {
      HttpResponse<String> r = http.postJson("/api/requests", raw, "clerk");
      if (r.statusCode() != 400 || !isError(r)) {
        problems.add(
            "raw " + abbreviate(raw) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    }
    // the admin's calendar upload
    for (String raw :
        List.of("{not json", "[]", "{\"daysOff\":\"x\"}", "{\"daysOff\":[\"2026-02-30\"]}")) {
      HttpResponse<String> r =
          http.send(
              Http.auth(http.request("/api/calendar/2027"), "admin", "admin")
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(raw)));
      if (r.statusCode() != 400 || !isError(r)) {
        problems.add("PUT calendar " + raw + " -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(counts()).as("nothing written").isEqualTo(before);
  }

  @Test
  void freeTextThatLooksLikeCodeIsStoredVerbatim() throws Exception {
    for (Object text : join(SCRIPTS, List.of("𠀀𠀁 生僻字 😀", "\\u0000 \" \\ ' `"))) {
      Map<String, Object> body =
          Map.of(
              "channel",
              "ONLINE",
              "arrivedOn",
              "2025-05-06",
              "description",
              text,
              "applicant",
              Map.of("type", "NATURAL_PERSON", "name", text));
      HttpResponse<String> r =
          http.postJson("/api/requests", json.writeValueAsString(body), "clerk");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode back =
          json.readTree(
              http.get("/api/requests/" + json.readTree(r.body()).get("id").asText(), "reviewer")
                  .body());
      assertThat(back.get("description").asText()).isEqualTo(text);
      assertThat(back.get("applicant").get("name").asText()).isEqualTo(text);
    }
  }

  boolean isError(HttpResponse<String> r) {
    try {
      JsonNode b = json.readTree(r.body());
      return b != null && b.hasNonNull("error") && b.hasNonNull("message");
    } catch (Exception e) {
      return false;
    }
  }

  boolean fieldNamed(HttpResponse<String> r, String field) {
    try {
      JsonNode fields = json.readTree(r.body()).get("fields");
      if (fields == null) {
        return false;
      }
      for (var it = fields.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "[")) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @SafeVarargs
  static List<Object> join(List<?>... lists) {
    List<Object> out = new ArrayList<>();
    for (List<?> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
