package org.disclosuredesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request API over real HTTP: registration, errors naming every field, 404/409/401/403, ledger,
 * masking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  String registration(String ref, String description) {
    return """
        {"channel":"ONLINE","arrivedOn":"2025-09-26","externalReference":%s,
         "applicant":{"type":"NATURAL_PERSON","name":"李四","idNumber":"370102199001011234","phone":"13800000000"},
         "description":"%s","topic":"社保信息"}"""
        .formatted(ref == null ? "null" : "\"" + ref + "\"", description);
  }

  @Test
  void registersOnceAndAnswersTheSameReferenceWithTheFirstRequest() throws Exception {
    String ref = "portal-" + UUID.randomUUID();
    HttpResponse<String> first =
        http.postJson("/api/requests", registration(ref, "请公开某文件"), "clerk");
    assertThat(first.statusCode()).isEqualTo(201);
    JsonNode r = body(first);
    assertThat(r.get("receivedOn").asText()).isEqualTo("2025-09-26");
    assertThat(r.get("dueOn").asText())
        .isEqualTo("2025-10-30"); // National Day 10-01..10-08, make-up 09-28 and 10-11
    assertThat(r.get("trackingNumber").asText()).startsWith("2025-");
    HttpResponse<String> again =
        http.postJson("/api/requests", registration(ref, "请公开某文件"), "clerk");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again).get("id").asText()).isEqualTo(r.get("id").asText());
  }

  @Test
  void badRegistrationNamesEveryFieldAndWritesNothing() throws Exception {
    int before = count();
    HttpResponse<String> bad =
        http.postJson(
            "/api/requests",
            "{\"channel\":\"PIGEON\",\"arrivedOn\":\"2026-13-45\",\"applicant\":{\"type\":\"ALIEN\"}}",
            "clerk");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode fields = body(bad).get("fields");
    assertThat(fields.fieldNames())
        .toIterable()
        .contains("channel", "arrivedOn", "applicant.type", "applicant.name", "description");
    assertThat(http.postJson("/api/requests", "{not json", "clerk").statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/requests", "{\"channel\":1}", "clerk").statusCode())
        .isEqualTo(400);
    HttpResponse<String> future =
        http.postJson(
            "/api/requests", registration(null, "x").replace("2025-09-26", "2999-01-01"), "clerk");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(body(future).get("fields").has("arrivedOn")).isTrue();
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void statusCodesForUnknownConcludedUnauthenticatedAndForbidden() throws Exception {
    assertThat(http.get("/api/requests/does-not-exist", "reviewer").statusCode()).isEqualTo(404);
    assertThat(
            http.postJson(
                    "/api/requests/does-not-exist/screening",
                    "{\"result\":\"PROCEED\"}",
                    "reviewer")
                .statusCode())
        .isEqualTo(404);
    assertThat(http.postJson("/api/requests", registration(null, "x"), null).statusCode())
        .isEqualTo(401);
    assertThat(http.postJson("/api/requests", registration(null, "x"), "manager").statusCode())
        .isEqualTo(403);
    String id =
        body(http.postJson("/api/requests", registration(null, "请公开A"), "clerk"))
            .get("id")
            .asText();
    assertThat(
            http.postJson(
                    "/api/requests/" + id + "/extension/decision",
                    "{\"approved\":true,\"decidedOn\":\"2025-10-09\"}",
                    "clerk")
                .statusCode())
        .isEqualTo(403);
    // not at that step: 409 with the reason
    HttpResponse<String> wrongStep =
        http.postJson(
            "/api/requests/" + id + "/fee-payment", "{\"paidOn\":\"2025-10-09\"}", "clerk");
    assertThat(wrongStep.statusCode()).isEqualTo(409);
    assertThat(body(wrongStep).get("message").asText()).isNotBlank();
    HttpResponse<String> decided =
        http.postJson(
            "/api/requests/" + id + "/decision",
            "{\"outcome\":\"NOT_PROCESSED_PETITION\",\"decidedOn\":\"2025-10-09\"}",
            "reviewer");
    assertThat(decided.statusCode()).isEqualTo(200);
    assertThat(
            http.postJson(
                    "/api/requests/" + id + "/withdrawal",
                    "{\"withdrawnOn\":\"2025-10-10\"}",
                    "clerk")
                .statusCode())
        .isEqualTo(409);
    // bad values on an action: every field named, nothing changes
    String other =
        body(http.postJson("/api/requests", registration(null, "请公开B"), "clerk"))
            .get("id")
            .asText();
    HttpResponse<String> bad =
        http.postJson(
            "/api/requests/" + other + "/decision",
            "{\"outcome\":\"MAYBE\",\"decidedOn\":\"yesterday\",\"deliveryMethod\":7}",
            "reviewer");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(body(bad).get("fields").fieldNames())
        .toIterable()
        .contains("outcome", "decidedOn", "deliveryMethod");
    assertThat(body(http.get("/api/requests/" + other, "reviewer")).get("status").asText())
        .isEqualTo("SCREENING");
  }

  @Test
  void theLedgerFiltersAndManagersSeeMaskedPersonalData() throws Exception {
    String marker = "台账检索" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        body(http.postJson("/api/requests", registration(null, marker), "clerk"))
            .get("id")
            .asText();
    JsonNode ledger =
        body(
            http.get(
                "/api/requests?year=2025&q=" + java.net.URLEncoder.encode(marker, "UTF-8"),
                "manager"));
    assertThat(ledger.get("total").asInt()).isEqualTo(1);
    assertThat(ledger.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(
            body(http.get("/api/requests?status=SCREENING&overdue=true&size=1000", "manager"))
                .get("items")
                .findValuesAsText("id"))
        .contains(id); // due 2025-10-30, long past
    assertThat(http.get("/api/requests?year=abc&size=0", "manager").statusCode()).isEqualTo(400);
    String asManager = http.get("/api/requests/" + id, "manager").body();
    assertThat(asManager)
        .doesNotContain("370102199001011234")
        .doesNotContain("13800000000")
        .contains("3701**********1234")
        .contains("138****0000");
    assertThat(http.get("/api/requests/" + id, "reviewer").body()).contains("370102199001011234");
    JsonNode full = body(http.get("/api/requests/" + id, "clerk"));
    assertThat(full.get("deadlineExplanation").size()).isGreaterThan(2);
    assertThat(full.get("events").get(0).get("type").asText()).isEqualTo("REGISTERED");
    assertThat(full.get("events").get(0).get("by").asText()).isEqualTo("clerk");
  }

  @Test
  void possibleDuplicatesAreShownNotDecided() throws Exception {
    String desc = "请公开本单位2024年度养老保险基金征缴情况" + UUID.randomUUID().toString().substring(0, 4);
    String first =
        body(http.postJson("/api/requests", registration(null, desc), "clerk")).get("id").asText();
    String second =
        body(http.postJson("/api/requests", registration(null, desc + "。"), "clerk"))
            .get("id")
            .asText();
    JsonNode dup = body(http.get("/api/requests/" + second, "reviewer")).get("possibleDuplicates");
    assertThat(dup.findValuesAsText("id")).contains(first);
    assertThat(body(http.get("/api/requests/" + second, "reviewer")).get("status").asText())
        .isEqualTo("SCREENING");
  }

  int count() {
    return jdbc.sql("SELECT COUNT(*) FROM dd_request").query(Integer.class).single();
  }
}
