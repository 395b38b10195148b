package org.disclosuredesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.deadline.Holiday;
import org.disclosuredesk.deadline.HolidayNoticeParserTest;
import org.disclosuredesk.deadline.ShippedCalendar;
import org.disclosuredesk.deadline.YearNotice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar API over HTTP Basic. The database may be shared with other test contexts (MySQL
 * profile): this test only writes years 2031–2033 and 2039 (taken out again) and compares revisions
 * relatively.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiTest {

  @Autowired org.springframework.context.ApplicationContext context;

  @TestConfiguration
  static class Sink {
    final List<CalendarChangedEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CalendarChangedEvent e) {
      events.add(e);
    }
  }

  @DynamicPropertySource
  static void calendarDir(DynamicPropertyRegistry r) throws IOException {
    Path dir = Files.createTempDirectory("calendar");
    Files.writeString(
        dir.resolve("2033.json"),
        """
        {"2033": {"off": ["2033-01-03"], "work": [], "holidays": [{"name": "元旦", "from": "2033-01-01", "to": "2033-01-03"}]}}
        """);
    Files.writeString(dir.resolve("broken.json"), "{not json");
    r.add("disclosure.calendar.dir", dir::toString);
  }

  @Autowired TestRestTemplate http;
  @Autowired CalendarService service;
  @Autowired CalendarRepository repo;
  @Autowired Sink sink;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager txm;
  @Autowired ObjectMapper json;

  @BeforeEach
  void clear() {
    sink.events.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    TestRestTemplate t = user == null ? http : http.withBasicAuth(user, user);
    return t.exchange(path, method, body == null ? null : new HttpEntity<>(body), JsonNode.class);
  }

  @Test
  void dueDateIsExplained() {
    ResponseEntity<JsonNode> r =
        call(
            "clerk", HttpMethod.GET, "/api/calendar/due-date?from=2024-09-27&workingDays=20", null);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody().get("dueOn").asText()).isEqualTo("2024-10-30");
    assertThat(r.getBody().get("explanation").toString()).contains("国庆节休息 2024-10-01至10-07，不计入");
    assertThat(r.getBody().get("warnings").size()).isZero();
  }

  @Test
  void dueDateOutsideTheCalendarWarns() {
    JsonNode b =
        call(
                "reviewer",
                HttpMethod.GET,
                "/api/calendar/due-date?from=2095-03-01&workingDays=5",
                null)
            .getBody();
    assertThat(b.get("dueOn").asText()).isEqualTo("2095-03-08");
    assertThat(b.get("warnings").get(0).asText()).contains("2095年");
  }

  @Test
  void badInputNamesEveryField() {
    ResponseEntity<JsonNode> r =
        call(
            "clerk",
            HttpMethod.GET,
            "/api/calendar/due-date?from=2024-13-01&workingDays=1001",
            null);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody().get("fields").has("from")).isTrue();
    assertThat(r.getBody().get("fields").has("workingDays")).isTrue();
    r = call("clerk", HttpMethod.GET, "/api/calendar/due-date", null);
    assertThat(r.getBody().get("fields").size()).isEqualTo(2);
    r = call("clerk", HttpMethod.GET, "/api/calendar/due-date?from=2024-01-01&workingDays=x", null);
    assertThat(r.getBody().get("fields").has("workingDays")).isTrue();
    assertThat(call("clerk", HttpMethod.GET, "/api/calendar/abc", null).getStatusCode().value())
        .isEqualTo(400);
    assertThat(call("clerk", HttpMethod.GET, "/api/calendar/1800", null).getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void yearIsListed() {
    JsonNode y = call("manager", HttpMethod.GET, "/api/calendar/2024", null).getBody();
    assertThat(y.get("covered").asBoolean()).isTrue();
    assertThat(y.get("daysOff").toString()).contains("2024-10-07");
    assertThat(y.get("makeUpWorkingDays").toString()).contains("2024-02-04");
    assertThat(y.get("workingDayCount").asInt()).isEqualTo(251);
    assertThat(y.get("holidays").toString())
        .contains("{\"name\":\"国庆节\",\"from\":\"2024-10-01\",\"to\":\"2024-10-07\"}");
    JsonNode u = call("clerk", HttpMethod.GET, "/api/calendar/2096", null).getBody();
    assertThat(u.get("covered").asBoolean()).isFalse();
    assertThat(u.get("daysOff").size()).isZero();
  }

  @Test
  void onlyAdminsChangeTheCalendar() {
    Map<String, Object> body = Map.of("off", List.of("2031-01-01"), "work", List.of());
    assertThat(call(null, HttpMethod.GET, "/api/calendar/2024", null).getStatusCode().value())
        .isEqualTo(401);
    assertThat(call(null, HttpMethod.PUT, "/api/calendar/2031", body).getStatusCode().value())
        .isEqualTo(401);
    assertThat(call("clerk", HttpMethod.PUT, "/api/calendar/2031", body).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call("head", HttpMethod.PUT, "/api/calendar/2031", body).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void anAdminAddsAYearWithoutARebuild() {
    int before = service.revision();
    Map<String, Object> body =
        Map.of(
            "off",
                List.of(
                    "2031-10-01",
                    "2031-10-02",
                    "2031-10-03",
                    "2031-10-04",
                    "2031-10-05",
                    "2031-10-06",
                    "2031-10-07"),
            "work", List.of("2031-09-28", "2031-10-11"),
            "holidays", List.of(Map.of("name", "国庆节", "from", "2031-10-01", "to", "2031-10-07")));
    ResponseEntity<JsonNode> r = call("admin", HttpMethod.PUT, "/api/calendar/2031", body);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody().get("covered").asBoolean()).isTrue();
    assertThat(r.getBody().get("revision").asInt()).isGreaterThan(before);
    assertThat(service.calendar().holidayName(LocalDate.of(2031, 10, 3))).contains("国庆节");
    JsonNode due =
        call("clerk", HttpMethod.GET, "/api/calendar/due-date?from=2031-09-30&workingDays=1", null)
            .getBody();
    assertThat(due.get("dueOn").asText()).isEqualTo("2031-10-08");
    assertThat(due.get("warnings").size()).isZero();
    assertThat(sink.events)
        .anySatisfy(
            e -> {
              assertThat(e.years()).contains(2031);
              assertThat(e.revision()).isGreaterThan(before);
            });
  }

  @Test
  void implausibleNoticesAreRefusedAndChangeNothing() {
    int before = service.revision();
    Map<String, Object> body =
        Map.of(
            "off", List.of("2032-05-01", "2031-12-31", "2032-06-05"), // 06-05 is a lone Saturday
            "work", List.of("2032-05-01", "2032-05-04")); // a day off; a Tuesday
    ResponseEntity<JsonNode> r = call("admin", HttpMethod.PUT, "/api/calendar/2032", body);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody().get("fields").properties())
        .extracting(Map.Entry::getKey)
        .contains("off[0]", "off[1]", "off[2]", "work[1]");
    assertThat(service.revision()).isEqualTo(before);
    assertThat(
            call(
                    "admin",
                    HttpMethod.PUT,
                    "/api/calendar/2032",
                    Map.of("off", List.of(5), "work", List.of()))
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  @Test
  void anotherNodesChangeIsPickedUpByThePoll() {
    YearNotice n =
        new YearNotice(
            2032,
            List.of(LocalDate.of(2032, 1, 1)),
            List.of(),
            List.of(new Holiday("元旦", LocalDate.of(2032, 1, 1), LocalDate.of(2032, 1, 1))));
    new TransactionTemplate(txm)
        .executeWithoutResult(
            s -> {
              repo.lockRevision();
              repo.replaceYear(n, "test", "other-node");
              repo.bumpRevision();
            });
    assertThat(service.calendar().covers(LocalDate.of(2032, 1, 1)))
        .as("not before the poll")
        .isFalse();
    service.poll();
    assertThat(service.calendar().isWorkingDay(LocalDate.of(2032, 1, 1))).isFalse();
    assertThat(service.revision()).isEqualTo(repo.revision());
    assertThat(sink.events).anySatisfy(e -> assertThat(e.years()).contains(2032));
  }

  @Test
  void startupImportIsIdempotentAndReadsTheConfigFolder() {
    assertThat(service.calendar().covers(LocalDate.of(2033, 5, 1))).isTrue();
    assertThat(service.calendar().holidayName(LocalDate.of(2033, 1, 3))).contains("元旦");
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM dd_calendar_day WHERE cal_year = 2024", Integer.class);
    int revision = repo.revision();
    assertThat(service.importAtStartup()).isEmpty();
    assertThat(repo.revision()).isEqualTo(revision);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dd_calendar_day WHERE cal_year = 2024", Integer.class))
        .isEqualTo(rows)
        .isEqualTo(36);
  }

  // ---- the admin's yearly job: read the notice, see what it would move, then save it
  // -----------------------------

  /**
   * A made-up notice for a year no test uses (2039 begins on a Saturday; 元旦 is given the Monday).
   */
  static final String NOTICE_2039 =
      """
      国务院办公厅关于2039年部分节假日安排的通知（测试用，虚构）
      一、元旦：1月1日（周六）至3日（周一）放假，共3天。
      """;

  @Test
  void theNoticeIsReadAndNothingSaved() {
    int revision = service.revision();
    ResponseEntity<JsonNode> r =
        call(
            "admin",
            HttpMethod.POST,
            "/api/calendar/2026/notice",
            Map.of("text", HolidayNoticeParserTest.notice(2026)));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    JsonNode b = r.getBody();
    assertThat(b.get("year").asInt()).isEqualTo(2026);
    assertThat(dates(b.get("off"))).isEqualTo(ShippedCalendar.NOTICES.get(2026).off());
    assertThat(dates(b.get("work"))).isEqualTo(ShippedCalendar.NOTICES.get(2026).work());
    assertThat(b.get("holidays").get(1).toString())
        .isEqualTo("{\"name\":\"春节\",\"from\":\"2026-02-15\",\"to\":\"2026-02-23\"}");
    assertThat(b.get("problems").size()).isZero();

    // what cannot be read with certainty is said, with its line
    b =
        call(
                "admin",
                HttpMethod.POST,
                "/api/calendar/2026/notice",
                Map.of("text", "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）放假调休，共3天。"))
            .getBody();
    assertThat(b.get("problems").get(0).toString())
        .isEqualTo(
            "{\"line\":2,\"severity\":\"ERROR\",\"message\":"
                + "\"第2行「一、元旦」：通知写明共3天，但所列放假日期为1天（2026年1月1日（星期四）），请核对\"}");
    assertThat(b.get("problems").get(1).get("severity").asText()).isEqualTo("WARNING");

    assertThat(
            call(null, HttpMethod.POST, "/api/calendar/2026/notice", Map.of("text", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(401);
    for (String user : List.of("clerk", "reviewer", "head", "manager")) {
      assertThat(
              call(user, HttpMethod.POST, "/api/calendar/2026/notice", Map.of("text", "x"))
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
    }
    ResponseEntity<JsonNode> bad =
        call("admin", HttpMethod.POST, "/api/calendar/1999/notice", Map.of("text", " "));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("fields").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("year", "text");
    assertThat(
            call("admin", HttpMethod.POST, "/api/calendar/2026/notice", Map.of())
                .getBody()
                .get("fields")
                .get("text")
                .asText())
        .isEqualTo("必填：国务院办公厅放假通知的全文");
    assertThat(service.revision()).isEqualTo(revision);
    assertThat(sink.events).isEmpty();
  }

  @Test
  void aPreviewListsExactlyWhatSavingThenMovesAndChangesNothing() {
    forget2039();
    try {
      at(LocalDate.of(2038, 12, 20)); // a Monday; 2039 has no notice yet: Monday to Friday
      String early = register("2038-12-01"); // due 2038-12-29, before the new year
      String late = register("2038-12-10"); // due 2039-01-07
      String consulting = register("2038-12-15");
      ok("reviewer", "/api/requests/" + consulting + "/screening", Map.of("result", "PROCEED"));
      String consultationId =
          ok(
                  "reviewer",
                  "/api/requests/" + consulting + "/consultation",
                  Map.of("kind", "THIRD_PARTY", "party", "某公司", "sentOn", "2038-12-20"))
              .get("consultationId")
              .asText();
      String answered = register("2038-11-01");
      ok(
          "reviewer",
          "/api/requests/" + answered + "/decision",
          Map.of(
              "outcome",
              "UNAVAILABLE_NOT_HELD",
              "notHeldReason",
              "DOES_NOT_EXIST",
              "decidedOn",
              "2038-11-15"));
      String reconsideration =
          appeal(answered, "RECONSIDERATION", "2038-12-20"); // reply due 2039-01-03
      String litigation =
          appeal(answered, "LITIGATION_DIRECT", "2038-12-01"); // defence due 2038-12-16

      // the page's way: the notice read, then its result previewed and saved as it is
      JsonNode read = ok("admin", "/api/calendar/2039/notice", Map.of("text", NOTICE_2039));
      assertThat(dates(read.get("off")))
          .containsExactly(
              LocalDate.of(2039, 1, 1), LocalDate.of(2039, 1, 2), LocalDate.of(2039, 1, 3));
      Map<String, Object> body =
          Map.of(
              "off", read.get("off"), "work", read.get("work"), "holidays", read.get("holidays"));

      int revision = service.revision();
      Map<String, Object> before = state();
      sink.events.clear();
      JsonNode preview = ok("admin", "/api/calendar/2039/preview", body);
      assertThat(state())
          .as("the preview wrote nothing: rows, events, calendar, tasks, timers")
          .isEqualTo(before);
      assertThat(sink.events).isEmpty();
      assertThat(service.revision()).isEqualTo(revision);
      assertThat(service.calendar().covers(LocalDate.of(2039, 1, 3))).isFalse();

      assertThat(preview.get("year").asInt()).isEqualTo(2039);
      assertThat(preview.get("workingDayCount").asInt()).isEqualTo(260 - 1);
      Map<String, JsonNode> changes = byKey(preview.get("changes"), "requestId");
      assertThat(changes).containsKeys(late, consulting).doesNotContainKeys(early, answered);
      JsonNode moved = changes.get(late);
      assertThat(moved.get("trackingNumber").asText())
          .isEqualTo(request(late).get("trackingNumber").asText());
      assertThat(moved.get("status").asText()).isEqualTo("SCREENING");
      assertThat(moved.get("dueOnBefore").asText()).isEqualTo("2039-01-07");
      assertThat(moved.get("dueOnAfter").asText()).isEqualTo("2039-01-10");
      assertThat(moved.get("periods").size()).isZero();
      JsonNode stopped =
          changes.get(consulting); // the clock stands still: no due date, but the answer's last day
      assertThat(stopped.get("status").asText()).isEqualTo("SUSPENDED");
      assertThat(stopped.get("dueOnBefore").isNull()).isTrue();
      assertThat(stopped.get("dueOnAfter").isNull()).isTrue();
      assertThat(stopped.get("periods").toString())
          .isEqualTo(
              "[{\"kind\":\"CONSULTATION\",\"id\":\""
                  + consultationId
                  + "\",\"lastDayBefore\":\"2039-01-10\",\"lastDayAfter\":\"2039-01-11\"}]");
      Map<String, JsonNode> appealChanges = byKey(preview.get("appealChanges"), "appealId");
      assertThat(appealChanges).containsKey(reconsideration).doesNotContainKey(litigation);
      JsonNode reply = appealChanges.get(reconsideration);
      assertThat(reply.get("requestId").asText()).isEqualTo(answered);
      assertThat(reply.get("trackingNumber").asText())
          .isEqualTo(request(answered).get("trackingNumber").asText());
      assertThat(reply.get("kind").asText()).isEqualTo("RECONSIDERATION");
      assertThat(reply.get("dueOnBefore").asText()).isEqualTo("2039-01-03");
      assertThat(reply.get("dueOnAfter").asText()).isEqualTo("2039-01-04");

      // refused as PUT refuses, and still nothing written
      ResponseEntity<JsonNode> bad =
          call(
              "admin",
              HttpMethod.POST,
              "/api/calendar/2039/preview",
              Map.of("off", List.of("2039-06-04", "2038-12-31"), "work", List.of("2039-06-07")));
      assertThat(bad.getStatusCode().value()).isEqualTo(400);
      assertThat(bad.getBody().get("fields").properties())
          .extracting(Map.Entry::getKey)
          .containsExactly("off[0]", "off[1]", "work[0]");
      bad =
          call(
              "admin",
              HttpMethod.POST,
              "/api/calendar/2039/preview",
              Map.of("holidays", List.of(Map.of())));
      assertThat(bad.getBody().get("fields").properties())
          .extracting(Map.Entry::getKey)
          .containsExactly("off", "work", "holidays[0]");
      assertThat(
              call("clerk", HttpMethod.POST, "/api/calendar/2039/preview", body)
                  .getStatusCode()
                  .value())
          .isEqualTo(403);
      assertThat(state()).isEqualTo(before);

      // saved: exactly what was previewed moves, to exactly the dates previewed
      ResponseEntity<JsonNode> put = call("admin", HttpMethod.PUT, "/api/calendar/2039", body);
      assertThat(put.getStatusCode().value()).isEqualTo(200);
      int saved = put.getBody().get("revision").asInt();
      Map<String, Map<String, Object>> recomputed =
          recomputedEvents("DUE_DATE_RECOMPUTED", saved, "request_id");
      assertThat(recomputed.keySet()).isEqualTo(changes.keySet());
      changes.forEach(
          (id, c) -> {
            assertThat(String.valueOf(recomputed.get(id).get("previousDueOn")))
                .isEqualTo(c.get("dueOnBefore").asText());
            assertThat(String.valueOf(recomputed.get(id).get("dueOn")))
                .isEqualTo(c.get("dueOnAfter").asText());
            assertThat(
                    String.valueOf(
                        jdbc.queryForObject(
                            "SELECT due_on FROM dd_request WHERE id = ?", LocalDate.class, id)))
                .isEqualTo(c.get("dueOnAfter").asText());
            c.get("periods")
                .forEach(
                    p ->
                        assertThat(
                                jdbc.queryForObject(
                                        "SELECT answer_due_on FROM dd_consultation"
                                            + " WHERE id = ?",
                                        LocalDate.class,
                                        p.get("id").asText())
                                    .toString())
                            .isEqualTo(p.get("lastDayAfter").asText()));
          });
      Map<String, Map<String, Object>> appealsMoved =
          recomputedEvents("APPEAL_DUE_DATE_RECOMPUTED", saved, "appealId");
      assertThat(appealsMoved.keySet()).isEqualTo(appealChanges.keySet());
      appealChanges.forEach(
          (id, c) ->
              assertThat(
                      jdbc.queryForObject(
                              "SELECT response_due_on FROM dd_appeal WHERE id = ?",
                              LocalDate.class,
                              id)
                          .toString())
                  .isEqualTo(c.get("dueOnAfter").asText()));
      assertThat(request(early).get("dueOn").asText()).isEqualTo("2038-12-29");

      // nothing is left to move: the same preview now lists nothing
      JsonNode again = ok("admin", "/api/calendar/2039/preview", body);
      assertThat(again.get("changes").size()).isZero();
      assertThat(again.get("appealChanges").size()).isZero();
    } finally {
      forget2039();
    }
  }

  @Test
  void hostileBodiesAre400AndWriteNothing() {
    int revision = service.revision();
    Map<String, Object> before = state();
    for (String path : List.of("/api/calendar/2039/notice", "/api/calendar/2039/preview")) {
      for (String raw :
          List.of(
              "{not json",
              "[]",
              "null",
              "",
              "{\"text\":5}",
              "{\"text\":[\"x\"]}",
              "{\"off\":\"x\"}",
              "{\"off\":[\"2039-02-30\"],\"work\":[]}",
              "{\"x\":1}")) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> r =
            http.withBasicAuth("admin", "admin")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(raw, h), JsonNode.class);
        assertThat(r.getStatusCode().value())
            .as(path + " " + raw + " → " + r.getBody())
            .isEqualTo(400);
        assertThat(r.getBody().get("error").asText()).as(path + " " + raw).isNotBlank();
      }
    }
    assertThat(state()).isEqualTo(before);
    assertThat(service.revision()).isEqualTo(revision);
  }

  @Test
  void theNewEndpointsAreDocumented() {
    JsonNode paths = call("clerk", HttpMethod.GET, "/v3/api-docs", null).getBody().get("paths");
    assertThat(paths.at("/~1api~1calendar~1{year}~1notice/post/summary").asText())
        .isEqualTo("读取国务院放假通知");
    assertThat(paths.at("/~1api~1calendar~1{year}~1preview/post/summary").asText())
        .isEqualTo("预览放假安排变更的影响");
    assertThat(paths.at("/~1api~1calendar~1{year}~1preview/post/tags/0").asText()).isEqualTo("日历");
  }

  /**
   * Everything a preview must leave alone: our rows and the engine's tasks, timers and variables.
   */
  private Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(
        "requests",
        jdbc.queryForList(
            "SELECT id, status, due_on, original_due_on FROM dd_request ORDER BY id"));
    s.put(
        "consultations",
        jdbc.queryForList("SELECT id, status, answer_due_on FROM dd_consultation ORDER BY id"));
    s.put(
        "fees",
        jdbc.queryForList("SELECT id, status, payment_due_on FROM dd_fee_notice ORDER BY id"));
    s.put(
        "appeals",
        jdbc.queryForList("SELECT id, status, response_due_on FROM dd_appeal ORDER BY id"));
    s.put("events", jdbc.queryForObject("SELECT COUNT(*) FROM dd_event", Long.class));
    s.put(
        "calendar",
        jdbc.queryForList("SELECT cal_date, kind, name FROM dd_calendar_day ORDER BY cal_date"));
    s.put(
        "calendarYears",
        jdbc.queryForList("SELECT cal_year, updated_at FROM dd_calendar_year ORDER BY cal_year"));
    s.put("revision", repo.revision());
    // revisions and ids prove that nothing was even rewritten; on MySQL every cached test context
    // shares one schema, where another context's recalculation could rewrite timers with the same
    // dates (the suite switches the scheduled poll off, application-test.yaml; this stays as a
    // second guard): there the timers' due dates are compared, not which rows carry them
    boolean shared =
        org.disclosuredesk.common.DatabaseProduct.of(jdbc.getDataSource())
            == org.disclosuredesk.common.DatabaseProduct.MYSQL;
    String rev = shared ? "" : "REV_, ";
    s.put(
        "jobs",
        jdbc.queryForList(
            shared
                ? "SELECT DUEDATE_ FROM ACT_RU_JOB ORDER BY DUEDATE_"
                : "SELECT ID_, REV_, DUEDATE_ FROM ACT_RU_JOB ORDER BY ID_"));
    s.put(
        "tasks",
        jdbc.queryForList(
            "SELECT ID_, " + rev + "DUE_DATE_, FOLLOW_UP_DATE_ FROM ACT_RU_TASK ORDER BY ID_"));
    s.put(
        "variables",
        jdbc.queryForList(
            "SELECT ID_"
                + (rev.isEmpty() ? "" : ", REV_")
                + " FROM ACT_RU_VARIABLE"
                + " ORDER BY ID_"));
    return s;
  }

  /**
   * The recalculation's events of one calendar revision, by request (or appeal), with their
   * details.
   */
  private Map<String, Map<String, Object>> recomputedEvents(String type, int revision, String key) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    jdbc.queryForList("SELECT request_id, details FROM dd_event WHERE type = ?", type)
        .forEach(
            row -> {
              try {
                @SuppressWarnings("unchecked")
                Map<String, Object> details =
                    json.readValue(String.valueOf(row.get("details")), Map.class);
                if (Integer.valueOf(revision).equals(details.get("calendarRevision"))) {
                  String k =
                      key.equals("request_id")
                          ? String.valueOf(row.get("request_id"))
                          : (String) details.get(key);
                  assertThat(out.put(k, details)).as("one event each").isNull();
                }
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    return out;
  }

  /**
   * Takes 2039 out of the calendar (a database shared with an earlier run may have it), as if never
   * entered.
   */
  private void forget2039() {
    TestCalendarYears.forget(context, 2039);
  }

  private static void at(LocalDate day) {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(day.atTime(10, 0), ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  private JsonNode ok(String user, String path, Object body) {
    ResponseEntity<JsonNode> r = call(user, HttpMethod.POST, path, body);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " → " + r.getBody()).isTrue();
    return r.getBody();
  }

  private String register(String receivedOn) {
    return ok(
            "clerk",
            "/api/requests",
            Map.of(
                "channel",
                "ONLINE",
                "arrivedOn",
                receivedOn,
                "description",
                "申请公开某项目审批材料 " + System.nanoTime(),
                "applicant",
                Map.of("type", "COMMERCIAL_ENTERPRISE", "name", "某公司")))
        .get("id")
        .asText();
  }

  private String appeal(String requestId, String kind, String receivedOn) {
    return ok(
            "reviewer",
            "/api/requests/" + requestId + "/appeals",
            Map.of(
                "kind",
                kind,
                "receivedOn",
                receivedOn,
                "caseNumber",
                "案-" + kind + "-" + System.nanoTime(),
                "body",
                kind.equals("RECONSIDERATION") ? "威海市人民政府" : "威海市环翠区人民法院"))
        .get("appealId")
        .asText();
  }

  private JsonNode request(String id) {
    return call("reviewer", HttpMethod.GET, "/api/requests/" + id, null).getBody();
  }

  private static Map<String, JsonNode> byKey(JsonNode list, String key) {
    Map<String, JsonNode> out = new TreeMap<>();
    list.forEach(n -> assertThat(out.put(n.get(key).asText(), n)).as("listed once").isNull());
    return out;
  }

  private static List<LocalDate> dates(JsonNode list) {
    List<LocalDate> out = new java.util.ArrayList<>();
    list.forEach(n -> out.add(LocalDate.parse(n.asText())));
    return out;
  }
}
