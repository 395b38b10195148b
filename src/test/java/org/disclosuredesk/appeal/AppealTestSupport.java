package org.disclosuredesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Requests and appeals through the HTTP API, as the agency's staff would enter them. */
abstract class AppealTestSupport {

  /**
   * A Spring context of our own: these classes sort first, and a shared web context created this
   * early loses its engine's registration when RestartPersistenceTest later closes its apps (same
   * engine name), which breaks the engine REST checks of the suites that would reuse it.
   */
  static final String OWN_CONTEXT = "disclosure.test-context=appeals";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired BusinessClock clock;
  @Autowired CalendarService calendars;

  /** A fixed business "today" (Asia/Shanghai), so the dates below do not age. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

  @BeforeEach
  void pinClock() {
    at(TODAY, 10);
  }

  static void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(day.atTime(hour, 0), ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    TestRestTemplate t = user == null ? http : http.withBasicAuth(user, user);
    return t.exchange(path, method, body == null ? null : new HttpEntity<>(body), JsonNode.class);
  }

  JsonNode ok(String user, String path, Object body) {
    ResponseEntity<JsonNode> r = call(user, HttpMethod.POST, path, body);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " → " + r.getBody()).isTrue();
    return r.getBody();
  }

  String register(LocalDate receivedOn) {
    return ok(
            "clerk",
            "/api/requests",
            Map.of(
                "channel",
                "ONLINE",
                "arrivedOn",
                receivedOn.toString(),
                "description",
                "申请公开某项目审批材料 " + System.nanoTime(),
                "applicant",
                Map.of("type", "COMMERCIAL_ENTERPRISE", "name", "某公司")))
        .get("id")
        .asText();
  }

  /** A request answered with a refusal (needs sign-off) or with "not held". */
  String concluded(LocalDate receivedOn, boolean refusal) {
    String id = register(receivedOn);
    String decided = calendars.calculator().calendar().addWorkingDays(receivedOn, 10).toString();
    if (refusal) {
      ok(
          "reviewer",
          "/api/requests/" + id + "/decision",
          Map.of(
              "outcome",
              "WITHHELD_PROCESS_INFORMATION",
              "decidedOn",
              decided,
              "reason",
              "属于过程性信息"));
      ok(
          "head",
          "/api/requests/" + id + "/sign-off",
          Map.of("approved", true, "decidedOn", decided));
    } else {
      ok(
          "reviewer",
          "/api/requests/" + id + "/decision",
          Map.of(
              "outcome",
              "UNAVAILABLE_NOT_HELD",
              "notHeldReason",
              "DOES_NOT_EXIST",
              "decidedOn",
              decided));
    }
    assertThat(request(id).get("status").asText()).isEqualTo("CONCLUDED");
    return id;
  }

  JsonNode request(String id) {
    return call("reviewer", HttpMethod.GET, "/api/requests/" + id, null).getBody();
  }

  JsonNode appeal(String appealId) {
    return call("reviewer", HttpMethod.GET, "/api/appeals/" + appealId, null).getBody();
  }

  ResponseEntity<JsonNode> open(
      String requestId, String kind, LocalDate receivedOn, Object... more) {
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "kind",
                kind,
                "receivedOn",
                receivedOn.toString(),
                "caseNumber",
                "案-" + kind + "-" + System.nanoTime(),
                "body",
                kind.equals("RECONSIDERATION") ? "威海市人民政府" : "威海市环翠区人民法院"));
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return call("reviewer", HttpMethod.POST, "/api/requests/" + requestId + "/appeals", body);
  }

  JsonNode opened(String requestId, String kind, LocalDate receivedOn, Object... more) {
    ResponseEntity<JsonNode> r = open(requestId, kind, receivedOn, more);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    return r.getBody();
  }

  List<String> eventTypes(String requestId) {
    return jdbc.queryForList(
        "SELECT type FROM dd_event WHERE request_id = ? ORDER BY seq", String.class, requestId);
  }
}
