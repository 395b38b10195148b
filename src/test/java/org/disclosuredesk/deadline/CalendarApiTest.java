package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The calendar API over HTTP Basic. The database may be shared with other test contexts (MySQL profile): this test
 * only writes years 2031–2033 and compares revisions relatively.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiTest {

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
    Files.writeString(dir.resolve("2033.json"), """
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

  @BeforeEach
  void clear() {
    sink.events.clear();
  }

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    TestRestTemplate t = user == null ? http : http.withBasicAuth(user, user);
    return t.exchange(path, method, body == null ? null : new HttpEntity<>(body), JsonNode.class);
  }

  @Test
  void dueDateIsExplained() {
    ResponseEntity<JsonNode> r = call("clerk", HttpMethod.GET, "/api/calendar/due-date?from=2024-09-27&workingDays=20", null);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody().get("dueOn").asText()).isEqualTo("2024-10-30");
    assertThat(r.getBody().get("explanation").toString()).contains("国庆节休息 2024-10-01至10-07，不计入");
    assertThat(r.getBody().get("warnings").size()).isZero();
  }

  @Test
  void dueDateOutsideTheCalendarWarns() {
    JsonNode b = call("reviewer", HttpMethod.GET, "/api/calendar/due-date?from=2095-03-01&workingDays=5", null).getBody();
    assertThat(b.get("dueOn").asText()).isEqualTo("2095-03-08");
    assertThat(b.get("warnings").get(0).asText()).contains("2095年");
  }

  @Test
  void badInputNamesEveryField() {
    ResponseEntity<JsonNode> r = call("clerk", HttpMethod.GET, "/api/calendar/due-date?from=2024-13-01&workingDays=1001", null);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody().get("fields").has("from")).isTrue();
    assertThat(r.getBody().get("fields").has("workingDays")).isTrue();
    r = call("clerk", HttpMethod.GET, "/api/calendar/due-date", null);
    assertThat(r.getBody().get("fields").size()).isEqualTo(2);
    r = call("clerk", HttpMethod.GET, "/api/calendar/due-date?from=2024-01-01&workingDays=x", null);
    assertThat(r.getBody().get("fields").has("workingDays")).isTrue();
    assertThat(call("clerk", HttpMethod.GET, "/api/calendar/abc", null).getStatusCode().value()).isEqualTo(400);
    assertThat(call("clerk", HttpMethod.GET, "/api/calendar/1800", null).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void yearIsListed() {
    JsonNode y = call("manager", HttpMethod.GET, "/api/calendar/2024", null).getBody();
    assertThat(y.get("covered").asBoolean()).isTrue();
    assertThat(y.get("daysOff").toString()).contains("2024-10-07");
    assertThat(y.get("makeUpWorkingDays").toString()).contains("2024-02-04");
    assertThat(y.get("workingDayCount").asInt()).isEqualTo(251);
    assertThat(y.get("holidays").toString()).contains("{\"name\":\"国庆节\",\"from\":\"2024-10-01\",\"to\":\"2024-10-07\"}");
    JsonNode u = call("clerk", HttpMethod.GET, "/api/calendar/2096", null).getBody();
    assertThat(u.get("covered").asBoolean()).isFalse();
    assertThat(u.get("daysOff").size()).isZero();
  }

  @Test
  void onlyAdminsChangeTheCalendar() {
    Map<String, Object> body = Map.of("off", List.of("2031-01-01"), "work", List.of());
    assertThat(call(null, HttpMethod.GET, "/api/calendar/2024", null).getStatusCode().value()).isEqualTo(401);
    assertThat(call(null, HttpMethod.PUT, "/api/calendar/2031", body).getStatusCode().value()).isEqualTo(401);
    assertThat(call("clerk", HttpMethod.PUT, "/api/calendar/2031", body).getStatusCode().value()).isEqualTo(403);
    assertThat(call("head", HttpMethod.PUT, "/api/calendar/2031", body).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void anAdminAddsAYearWithoutARebuild() {
    int before = service.revision();
    Map<String, Object> body = Map.of(
        "off", List.of("2031-10-01", "2031-10-02", "2031-10-03", "2031-10-04", "2031-10-05", "2031-10-06", "2031-10-07"),
        "work", List.of("2031-09-28", "2031-10-11"),
        "holidays", List.of(Map.of("name", "国庆节", "from", "2031-10-01", "to", "2031-10-07")));
    ResponseEntity<JsonNode> r = call("admin", HttpMethod.PUT, "/api/calendar/2031", body);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody().get("covered").asBoolean()).isTrue();
    assertThat(r.getBody().get("revision").asInt()).isGreaterThan(before);
    assertThat(service.calendar().holidayName(LocalDate.of(2031, 10, 3))).contains("国庆节");
    JsonNode due = call("clerk", HttpMethod.GET, "/api/calendar/due-date?from=2031-09-30&workingDays=1", null).getBody();
    assertThat(due.get("dueOn").asText()).isEqualTo("2031-10-08");
    assertThat(due.get("warnings").size()).isZero();
    assertThat(sink.events).anySatisfy(e -> {
      assertThat(e.years()).contains(2031);
      assertThat(e.revision()).isGreaterThan(before);
    });
  }

  @Test
  void implausibleNoticesAreRefusedAndChangeNothing() {
    int before = service.revision();
    Map<String, Object> body = Map.of(
        "off", List.of("2032-05-01", "2031-12-31", "2032-06-05"), // 06-05 is a lone Saturday
        "work", List.of("2032-05-01", "2032-05-04"));             // a day off; a Tuesday
    ResponseEntity<JsonNode> r = call("admin", HttpMethod.PUT, "/api/calendar/2032", body);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody().get("fields").properties()).extracting(Map.Entry::getKey)
        .contains("off[0]", "off[1]", "off[2]", "work[1]");
    assertThat(service.revision()).isEqualTo(before);
    assertThat(call("admin", HttpMethod.PUT, "/api/calendar/2032", Map.of("off", List.of(5), "work", List.of()))
        .getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void anotherNodesChangeIsPickedUpByThePoll() {
    YearNotice n = new YearNotice(2032, List.of(LocalDate.of(2032, 1, 1)), List.of(),
        List.of(new Holiday("元旦", LocalDate.of(2032, 1, 1), LocalDate.of(2032, 1, 1))));
    new TransactionTemplate(txm).executeWithoutResult(s -> {
      repo.lockRevision();
      repo.replaceYear(n, "test", "other-node");
      repo.bumpRevision();
    });
    assertThat(service.calendar().covers(LocalDate.of(2032, 1, 1))).as("not before the poll").isFalse();
    service.poll();
    assertThat(service.calendar().isWorkingDay(LocalDate.of(2032, 1, 1))).isFalse();
    assertThat(service.revision()).isEqualTo(repo.revision());
    assertThat(sink.events).anySatisfy(e -> assertThat(e.years()).contains(2032));
  }

  @Test
  void startupImportIsIdempotentAndReadsTheConfigFolder() {
    assertThat(service.calendar().covers(LocalDate.of(2033, 5, 1))).isTrue();
    assertThat(service.calendar().holidayName(LocalDate.of(2033, 1, 3))).contains("元旦");
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM dd_calendar_day WHERE cal_year = 2024", Integer.class);
    int revision = repo.revision();
    assertThat(service.importAtStartup()).isEmpty();
    assertThat(repo.revision()).isEqualTo(revision);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dd_calendar_day WHERE cal_year = 2024", Integer.class))
        .isEqualTo(rows).isEqualTo(36);
  }
}
