package org.disclosuredesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * POST /api/requests/{id}/appeals and the result call: answers, deadlines across holidays,
 * refusals.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = AppealTestSupport.OWN_CONTEXT)
class AppealApiTest extends AppealTestSupport {

  @Test
  void litigationDefenceIsFifteenCalendarDaysRolledPastNationalDay() {
    String id = concluded(LocalDate.of(2025, 7, 21), false);
    JsonNode a = opened(id, "LITIGATION_DIRECT", LocalDate.of(2025, 9, 20));
    // 2025-10-05 is in the National Day break (10-01..10-08): next working day
    assertThat(a.get("responseDueOn").asText()).isEqualTo("2025-10-09");
    assertThat(a.get("warnings").size()).isZero(); // "not held" may go to court directly
  }

  @Test
  void reconsiderationReplyIsTenWorkingDaysAcrossNationalDayAndFiveUnderSimpleProcedure() {
    String id = concluded(LocalDate.of(2025, 7, 21), true);
    // 2025-09-28 (Sunday) is a make-up working day, 10-01..10-08 are off, 10-11 (Saturday) works
    assertThat(
            opened(id, "RECONSIDERATION", LocalDate.of(2025, 9, 26)).get("responseDueOn").asText())
        .isEqualTo("2025-10-16");
    assertThat(
            opened(id, "RECONSIDERATION", LocalDate.of(2025, 9, 26), "simpleProcedure", true)
                .get("responseDueOn")
                .asText())
        .isEqualTo("2025-10-10");
    // years no seed-report test uses: on MySQL every test class shares one schema
    String older = concluded(LocalDate.of(2022, 10, 10), true);
    assertThat(
            opened(older, "RECONSIDERATION", LocalDate.of(2025, 4, 10))
                .get("responseDueOn")
                .asText())
        .isEqualTo("2025-04-24");
    // 15 calendar days end on Saturday 2022-12-31; 2023-01-01 and 01-02 are New Year days off
    JsonNode litigation =
        opened(older, "LITIGATION_AFTER_RECONSIDERATION", LocalDate.of(2022, 12, 16));
    assertThat(litigation.get("responseDueOn").asText()).isEqualTo("2023-01-03");
    // decided in 2023, so the case is not pending at the year ends the seed-report tests count
    assertThat(
            call(
                    "reviewer",
                    HttpMethod.POST,
                    "/api/appeals/" + litigation.get("appealId").asText() + "/result",
                    java.util.Map.of("result", "UPHELD", "decidedOn", "2023-02-01"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void directLitigationAgainstARefusalIsRecordedWithAWarning() {
    String id = concluded(LocalDate.of(2025, 7, 21), true);
    JsonNode a = opened(id, "LITIGATION_DIRECT", LocalDate.of(2025, 9, 20));
    assertThat(a.get("warnings").toString()).contains("应当先申请行政复议");
    JsonNode r = request(id);
    assertThat(r.get("appeals").size()).isEqualTo(1);
    JsonNode listed = r.get("appeals").get(0);
    assertThat(listed.get("appealId").asText()).isEqualTo(a.get("appealId").asText());
    assertThat(listed.get("kind").asText()).isEqualTo("LITIGATION_DIRECT");
    assertThat(listed.get("receivedOn").asText()).isEqualTo("2025-09-20");
    assertThat(listed.get("responseDueOn").asText()).isEqualTo("2025-10-09");
    assertThat(listed.get("status").asText()).isEqualTo("RESPONDING");
    assertThat(listed.get("warning").asText()).contains("应当先申请行政复议");
    assertThat(listed.get("result").isNull()).isTrue();
    assertThat(r.get("warnings").toString()).contains("应当先申请行政复议");
    assertThat(eventTypes(id)).contains("APPEAL_OPENED");
  }

  @Test
  void anOverdueOpenRequestMayBeAppealedButNotOneStillInTime() {
    LocalDate today = clock.today();
    String overdue = register(today.minusMonths(3));
    JsonNode due = request(overdue);
    LocalDate dueOn = LocalDate.parse(due.get("dueOn").asText());
    assertThat(dueOn).isBefore(today);
    JsonNode a = opened(overdue, "RECONSIDERATION", dueOn.plusDays(1));
    assertThat(a.get("warnings").toString()).contains("不履行法定职责");
    ResponseEntity<JsonNode> tooEarly = open(overdue, "RECONSIDERATION", dueOn);
    assertThat(tooEarly.getStatusCode().value()).isEqualTo(409);

    String fresh = register(today);
    ResponseEntity<JsonNode> r = open(fresh, "RECONSIDERATION", today);
    assertThat(r.getStatusCode().value()).isEqualTo(409);
    assertThat(r.getBody().get("message").asText()).contains("尚未办结");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dd_appeal WHERE request_id = ?", Integer.class, fresh))
        .isZero();
  }

  @Test
  void badInputNamesEveryField() {
    String id = concluded(LocalDate.of(2025, 7, 21), false);
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "APPEAL");
    body.put("receivedOn", clock.today().plusDays(1).toString());
    body.put("body", 42);
    body.put("simpleProcedure", "yes");
    ResponseEntity<JsonNode> r =
        call("reviewer", HttpMethod.POST, "/api/requests/" + id + "/appeals", body);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody().get("fields").fieldNames())
        .toIterable()
        .contains("kind", "receivedOn", "caseNumber", "body", "simpleProcedure");

    ResponseEntity<JsonNode> before = open(id, "RECONSIDERATION", LocalDate.of(2025, 7, 20));
    assertThat(before.getStatusCode().value()).isEqualTo(400);
    assertThat(before.getBody().get("fields").has("receivedOn")).isTrue();

    ResponseEntity<JsonNode> simple =
        open(id, "LITIGATION_DIRECT", LocalDate.of(2025, 9, 1), "simpleProcedure", true);
    assertThat(simple.getStatusCode().value()).isEqualTo(400);
    assertThat(simple.getBody().get("fields").has("simpleProcedure")).isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dd_appeal WHERE request_id = ?", Integer.class, id))
        .isZero();
  }

  @Test
  void unknownIdsAreNotFoundAndRolesAreChecked() {
    assertThat(
            open("no-such-request", "RECONSIDERATION", LocalDate.of(2025, 9, 1))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            call(
                    "reviewer",
                    HttpMethod.POST,
                    "/api/appeals/no-such-appeal/result",
                    Map.of("result", "UPHELD", "decidedOn", "2025-10-01"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    String id = concluded(LocalDate.of(2025, 7, 21), false);
    Map<String, Object> body =
        Map.of(
            "kind", "RECONSIDERATION", "receivedOn", "2025-09-01", "caseNumber", "x", "body", "y");
    assertThat(
            call("clerk", HttpMethod.POST, "/api/requests/" + id + "/appeals", body)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            call(null, HttpMethod.POST, "/api/requests/" + id + "/appeals", body)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    String appealId =
        opened(id, "RECONSIDERATION", LocalDate.of(2025, 9, 1)).get("appealId").asText();
    assertThat(
            call(
                    "manager",
                    HttpMethod.POST,
                    "/api/appeals/" + appealId + "/result",
                    Map.of("result", "UPHELD", "decidedOn", "2025-10-01"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void theSameCaseTwiceAndASecondResultConflict() {
    String id = concluded(LocalDate.of(2025, 7, 21), false);
    Map<String, Object> body =
        Map.of(
            "kind",
            "RECONSIDERATION",
            "receivedOn",
            "2025-09-01",
            "caseNumber",
            "威政复〔2025〕1号",
            "body",
            "威海市人民政府");
    assertThat(
            call("reviewer", HttpMethod.POST, "/api/requests/" + id + "/appeals", body)
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            call("reviewer", HttpMethod.POST, "/api/requests/" + id + "/appeals", body)
                .getStatusCode()
                .value())
        .isEqualTo(409);
    String appealId = request(id).get("appeals").get(0).get("appealId").asText();
    ResponseEntity<JsonNode> bad =
        call(
            "reviewer",
            HttpMethod.POST,
            "/api/appeals/" + appealId + "/result",
            Map.of("result", "UPHELD", "decidedOn", "2025-08-01", "redoWithinWorkingDays", 10));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("fields").fieldNames())
        .toIterable()
        .contains("decidedOn", "redoWithinWorkingDays");
    ok(
        "reviewer",
        "/api/appeals/" + appealId + "/result",
        Map.of("result", "UPHELD", "decidedOn", "2025-10-20"));
    assertThat(
            call(
                    "reviewer",
                    HttpMethod.POST,
                    "/api/appeals/" + appealId + "/result",
                    Map.of("result", "OTHER", "decidedOn", "2025-10-21"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
    assertThat(appeal(appealId).get("result").asText()).isEqualTo("UPHELD");
    assertThat(appeal(appealId).get("decidedOn").asText()).isEqualTo("2025-10-20");
  }
}
