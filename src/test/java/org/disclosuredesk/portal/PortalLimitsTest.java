package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.sql.DataSource;
import org.disclosuredesk.common.RateLimits;
import org.disclosuredesk.common.RateLimits.Limit;
import org.disclosuredesk.common.TooManyRequestsException;
import org.disclosuredesk.foundation.AltchaSolver;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public channel's limits with small settings, behind a proxy the configuration names (so each
 * test speaks from an address of its own through X-Forwarded-For): 429 with Retry-After, per
 * address and per submission; and on MySQL that a second node counts the same requests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "disclosure.test.context=portal-limits", "server.forward-headers-strategy=native",
      "disclosure.portal.submissions-per-hour=2", "disclosure.portal.lookups-per-minute=6",
      "disclosure.portal.wrong-codes-per-hour=3"
    })
class PortalLimitsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void submissionsPerHourPerAddress() throws Exception {
    String a = address();
    String b = address();
    HttpResponse<String> first = submit(a);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(submit(a).statusCode()).isEqualTo(201);
    HttpResponse<String> third = submit(a);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(json.readTree(third.body()).get("message").asText()).contains("提交申请过于频繁");
    long retry = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retry).isBetween(1L, 3600L);
    // another address is another count; the refused one wrote nothing
    assertThat(submit(b).statusCode()).isEqualTo(201);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_public_access WHERE client_address = ? AND action = 'SUBMIT'")
                .param(a)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void lookupsPerMinutePerAddress() throws Exception {
    JsonNode sub = json.readTree(submit(address()).body());
    String a = address();
    for (int i = 0; i < 6; i++) {
      assertThat(
              lookup(a, sub.get("submissionNumber").asText(), sub.get("queryCode").asText())
                  .statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> seventh =
        lookup(a, sub.get("submissionNumber").asText(), sub.get("queryCode").asText());
    assertThat(seventh.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(seventh.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(
            lookup(address(), sub.get("submissionNumber").asText(), sub.get("queryCode").asText())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongCodesPerHourLockOneSubmissionWhoeverAsks() throws Exception {
    JsonNode target = json.readTree(submit(address()).body());
    JsonNode other = json.readTree(submit(address()).body());
    String number = target.get("submissionNumber").asText();
    for (int i = 0; i < 3; i++) {
      assertThat(lookup(address(), number, "WRONGCODE" + i).statusCode()).isEqualTo(404);
    }
    // now even the right code from a fresh address waits: guessing is spread over addresses in
    // practice
    HttpResponse<String> locked = lookup(address(), number, target.get("queryCode").asText());
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(json.readTree(locked.body()).get("message").asText()).contains("查询码错误次数过多");
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 3600L);
    // the others are not affected
    assertThat(
            lookup(
                    address(),
                    other.get("submissionNumber").asText(),
                    other.get("queryCode").asText())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_public_access WHERE submission_number = ? AND outcome = 'LOCKED'")
                .param(number)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void onMySqlTwoNodesCountTheSameRequests() {
    Assumptions.assumeTrue(
        isMySql(), "the buckets are shared only on MySQL/MariaDB; H2 serves one node");
    RateLimits one = new RateLimits(dataSource);
    RateLimits two = new RateLimits(dataSource);
    Limit limit = new Limit("test", 3, Duration.ofHours(1));
    String key = address();
    one.take(limit, key, "x");
    two.take(limit, key, "x");
    one.take(limit, key, "x");
    assertThat(two.exhausted(limit, key)).isTrue();
    try {
      two.take(limit, key, "过于频繁");
      throw new AssertionError("the second node did not see the first node's requests");
    } catch (TooManyRequestsException expected) {
      assertThat(expected.retryAfterSeconds()).isPositive();
    }
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------------

  private static int next = 1;

  /** A fresh documentation address (RFC 5737) for each client. */
  static synchronized String address() {
    return "198.51.100." + next++;
  }

  boolean isMySql() {
    try (var c = dataSource.getConnection()) {
      String p = c.getMetaData().getDatabaseProductName().toLowerCase();
      return p.contains("mysql") || p.contains("mariadb");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> submit(String client) throws Exception {
    String body =
        """
        {"applicant":{"type":"NATURAL_PERSON","name":"限流","phone":"13800002222",
         "idType":"RESIDENT_ID","idNumber":"%s"},
         "description":"请公开2025年度预算","altcha":"%s"}"""
            .formatted(PortalApiTest.validResidentId("44030419900101002"), solve(client));
    return post(client, "/public/api/applications", body);
  }

  HttpResponse<String> post(String client, String path, String body) {
    return http.send(
        http.request(path)
            .header("X-Forwarded-For", client)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> lookup(String client, String number, String code) {
    return http.send(
        http.request("/public/api/applications/" + number)
            .header("X-Forwarded-For", client)
            .header("X-Query-Code", code)
            .GET());
  }

  String solve(String client) {
    return AltchaSolver.solve(
        http.send(http.request("/public/api/challenge").header("X-Forwarded-For", client).GET())
            .body());
  }
}
