package org.disclosuredesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process paths driven over HTTP exactly as API.md says (the process tests drive the same steps
 * in-JVM).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestApiPathsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CalendarService calendars;
  @Autowired ManagementService management;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  LocalDate wd(LocalDate d, int n) {
    return calendars.calendar().addWorkingDays(d, n);
  }

  String register(LocalDate d) throws Exception {
    HttpResponse<String> r =
        http.postJson(
            "/api/requests",
            """
        {"channel":"POST_REGISTERED","arrivedOn":"%s","applicant":{"type":"LEGAL_SERVICE_PROVIDER","name":"某律师事务所",
         "creditCode":"91370100MA3C000000"},"description":"申请公开某项目环评批复"}"""
                .formatted(d),
            "clerk");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("id").asText();
  }

  JsonNode get(String id) throws Exception {
    return json.readTree(http.get("/api/requests/" + id, "reviewer").body());
  }

  void ok(String path, String body, String user) {
    HttpResponse<String> r = http.postJson(path, body, user);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
  }

  @Test
  void consultationFeeExtensionAndSignOffOverHttp() throws Exception {
    LocalDate d = LocalDate.of(2025, 3, 3);
    String id = register(d);
    String p = "/api/requests/" + id;
    ok(p + "/screening", "{\"result\":\"PROCEED\"}", "reviewer");
    HttpResponse<String> c =
        http.postJson(
            p + "/consultation",
            """
        {"kind":"AGENCY","party":"市生态环境局","sentOn":"%s","deliveredOn":"%s"}"""
                .formatted(wd(d, 2), wd(d, 3)),
            "reviewer");
    assertThat(c.statusCode()).isEqualTo(200);
    String consultationId = json.readTree(c.body()).get("consultationId").asText();
    JsonNode stopped = get(id);
    assertThat(stopped.get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(stopped.get("dueOn").isNull()).isTrue();
    assertThat(stopped.get("remainingWorkingDays").asInt()).isEqualTo(18);
    ok(
        p + "/consultation/reply",
        """
        {"consultationId":"%s","repliedOn":"%s","opinion":"AGREE"}"""
            .formatted(consultationId, wd(d, 8)),
        "clerk");
    ok(
        p + "/fee-notice",
        """
        {"noticeOn":"%s","method":"PER_VOLUME","pages":31,"amountYuan":10}"""
            .formatted(wd(d, 9)),
        "reviewer");
    ok(p + "/fee-payment", "{\"paidOn\":\"%s\"}".formatted(wd(d, 11)), "clerk");
    JsonNode resumed = get(id);
    assertThat(resumed.get("suspensions").size()).isEqualTo(2);
    assertThat(resumed.get("feesCollectedYuan").decimalValue()).isEqualByComparingTo("10");
    ok(
        p + "/extension",
        """
        {"requestedOn":"%s","workingDays":15,"reason":"涉及多个部门"}"""
            .formatted(wd(d, 12)),
        "reviewer");
    ok(
        p + "/extension/decision",
        "{\"approved\":true,\"decidedOn\":\"%s\"}".formatted(wd(d, 12)),
        "head");
    assertThat(get(id).get("extended").asBoolean()).isTrue();
    ok(
        p + "/decision",
        """
        {"outcome":"WITHHELD_PROCESS_INFORMATION","decidedOn":"%s","reason":"属于过程性信息","deliveryMethod":"POST"}"""
            .formatted(wd(d, 20)),
        "reviewer");
    assertThat(get(id).get("status").asText()).isEqualTo("AWAITING_SIGN_OFF");
    assertThat(
            http.postJson(
                    p + "/sign-off",
                    "{\"approved\":true,\"decidedOn\":\"%s\"}".formatted(wd(d, 21)),
                    "reviewer")
                .statusCode())
        .isEqualTo(403);
    ok(p + "/sign-off", "{\"approved\":true,\"decidedOn\":\"%s\"}".formatted(wd(d, 21)), "head");
    JsonNode done = get(id);
    assertThat(done.get("status").asText()).isEqualTo("CONCLUDED");
    assertThat(done.get("concludedOn").asText()).isEqualTo(wd(d, 21).toString());
    assertThat(done.get("events").findValuesAsText("type"))
        .contains(
            "CONSULTATION_SENT",
            "CONSULTATION_ANSWERED",
            "FEE_NOTICE",
            "FEE_PAID",
            "EXTENSION_APPROVED",
            "DECIDED",
            "SIGNED_OFF",
            "CONCLUDED",
            "ARCHIVED");
  }

  @Test
  void supplementThenCustomPeriodThenWithdrawalOverHttp() throws Exception {
    LocalDate d = LocalDate.of(2025, 4, 1);
    String id = register(d);
    String p = "/api/requests/" + id;
    ok(
        p + "/supplement-request",
        """
        {"noticeOn":"%s","supplementDueOn":"%s","items":"请说明项目名称"}"""
            .formatted(wd(d, 2), wd(d, 12)),
        "reviewer");
    assertThat(get(id).get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
    ok(p + "/supplement", "{\"receivedOn\":\"%s\"}".formatted(wd(d, 5)), "clerk");
    assertThat(get(id).get("dueOn").asText()).isEqualTo(wd(wd(d, 5), 20).toString());
    ok(
        p + "/custom-period",
        """
        {"decidedOn":"%s","workingDays":40,"reason":"同一申请人短期内提出大量申请"}"""
            .formatted(wd(d, 6)),
        "head");
    assertThat(get(id).get("dueOn").asText()).isEqualTo(wd(wd(d, 5), 40).toString());
    ok(
        p + "/withdrawal",
        "{\"withdrawnOn\":\"%s\",\"note\":\"申请人电话撤回\"}".formatted(wd(d, 7)),
        "clerk");
    JsonNode done = get(id);
    assertThat(done.get("outcome").asText()).isEqualTo("OTHER");
    assertThat(done.get("concludedOn").asText()).isEqualTo(wd(d, 7).toString());
  }

  @Test
  void anUnansweredThirdPartyExpiresAndTheClockResumes() throws Exception {
    LocalDate d = LocalDate.of(2025, 5, 6);
    String id = register(d);
    String p = "/api/requests/" + id;
    ok(p + "/screening", "{\"result\":\"PROCEED\"}", "reviewer");
    LocalDate sent = wd(d, 3);
    http.postJson(
        p + "/consultation",
        "{\"kind\":\"THIRD_PARTY\",\"party\":\"某公司\",\"sentOn\":\"%s\"}".formatted(sent),
        "reviewer");
    ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 2 * 3600_000L));
    management
        .createJobQuery()
        .executable()
        .timers()
        .list()
        .forEach(
            j -> {
              try {
                management.executeJob(j.getId());
              } catch (RuntimeException ignored) {
                // another test's job; its own retries apply
              }
            });
    JsonNode resumed = get(id);
    assertThat(resumed.get("status").asText()).isEqualTo("HANDLING");
    assertThat(resumed.get("dueOn").asText()).isEqualTo(wd(wd(sent, 15), 17).toString());
    assertThat(resumed.get("consultations").get(0).get("status").asText()).isEqualTo("EXPIRED");
  }
}
