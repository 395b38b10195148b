package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.AltchaSolver;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public channel over HTTP as API.md describes it: apply with a proof-of-work, follow with the
 * query code, upload identity proof, the clerk's confirmation and rejection, supplement and
 * withdrawal online; what is refused and that a refusal writes nothing; that nothing public shows
 * staff names or internal notes; a burst of parallel submissions loses nothing and numbers each
 * once. Limits are generous here; PortalLimitsTest holds them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "disclosure.test.context=portal", "disclosure.portal.submissions-per-hour=1000",
      "disclosure.portal.lookups-per-minute=1000", "disclosure.portal.wrong-codes-per-hour=1000"
    })
class PortalApiTest {

  static final String CODE = "X-Query-Code";
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
              + "/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n"
              + "%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired BusinessClock clock;
  @Autowired CalendarService calendars;
  Http http;
  LocalDate today;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    today = clock.today();
  }

  // ---- the applicant's path
  // ------------------------------------------------------------------------------------

  @Test
  void applyFollowConfirmSupplementWithdraw() throws Exception {
    JsonNode sub = apply(application("钱伟", validResidentId("11010519850704201")));
    String number = sub.get("submissionNumber").asText();
    String code = sub.get("queryCode").asText();
    assertThat(sub.get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    assertThat(sub.get("submittedOn").asText()).isEqualTo(today.toString());
    assertThat(number).matches("S\\d{8}-\\d{6}");
    assertThat(code).hasSize(12).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]+");
    // the code is kept only as a salted hash
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_submission WHERE query_code_hash = ? OR query_code_salt = ?")
                .params(code, code)
                .query(Long.class)
                .single())
        .isZero();
    // the applicant is mailed the number and the code
    assertThat(
            jdbc.sql("SELECT body FROM dd_mail WHERE kind = 'SUBMISSION_RECEIVED' AND body LIKE ?")
                .param("%" + number + "%")
                .query(String.class)
                .single())
        .contains(code);

    JsonNode status = get(number, code);
    assertThat(status.get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    assertThat(status.get("timeline").get(0).get("text").asText()).isEqualTo("提交网上申请");

    // identity proof, judged by its content; what its name claims does not count
    HttpResponse<String> up = upload(number, code, "身份证.pdf", PDF);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    assertThat(upload(number, code, "照片.png", PNG).statusCode()).isEqualTo(201);
    HttpResponse<String> fake =
        upload(
            number,
            code,
            "身份证.pdf",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(fake.statusCode()).isEqualTo(400);
    assertThat(json.readTree(fake.body()).at("/fields/file").asText()).contains("PDF");

    // the clerk's list, the upload as sent; managers may not work submissions
    JsonNode list =
        json.readTree(http.get("/api/submissions?status=AWAITING_CONFIRMATION", "clerk").body());
    JsonNode mine = find(list.get("items"), number);
    assertThat(mine.get("applicantName").asText()).isEqualTo("钱伟");
    assertThat(mine.get("late").asBoolean()).isFalse();
    assertThat(mine.get("attachments")).hasSize(2);
    // uploads of the same second (DATETIME on MySQL) have no order between them: the PDF by its
    // name
    String attachmentId = null;
    for (JsonNode a : mine.get("attachments")) {
      if (a.get("name").asText().endsWith(".pdf")) {
        attachmentId = a.get("id").asText();
      }
    }
    HttpResponse<byte[]> file =
        http.client()
            .send(
                Http.auth(
                        http.request("/api/submissions/" + number + "/attachments/" + attachmentId),
                        "reviewer",
                        "reviewer")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(PDF);
    assertThat(file.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    assertThat(http.get("/api/submissions", "manager").statusCode()).isEqualTo(403);

    // confirmation: a request of channel ONLINE, received on the day of confirmation (Art. 31(3))
    HttpResponse<String> confirmed =
        http.postJson(
            "/api/submissions/" + number + "/confirmation",
            "{\"confirmedOn\":\"" + today + "\"}",
            "clerk");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
    JsonNode request = json.readTree(confirmed.body());
    assertThat(request.get("receivedOn").asText()).isEqualTo(today.toString());
    assertThat(request.get("dueOn").asText())
        .isEqualTo(calendars.calendar().addWorkingDays(today, 20).toString());
    assertThat(
            http.postJson(
                    "/api/submissions/" + number + "/confirmation",
                    "{\"confirmedOn\":\"" + today + "\"}",
                    "clerk")
                .statusCode())
        .isEqualTo(409);
    String requestId = request.get("id").asText();
    JsonNode full = json.readTree(http.get("/api/requests/" + requestId, "clerk").body());
    assertThat(full.get("channel").asText()).isEqualTo("ONLINE");
    assertThat(full.get("arrivedOn").asText()).isEqualTo(today.toString());
    assertThat(full.get("externalReference").asText()).isEqualTo(number);

    status = get(number, code);
    assertThat(status.get("trackingNumber").asText())
        .isEqualTo(request.get("trackingNumber").asText());
    assertThat(status.get("dueOn").asText()).isEqualTo(request.get("dueOn").asText());
    assertThat(status.get("letters")).isNotEmpty();
    String letterId = status.get("letters").get(0).get("id").asText();
    HttpResponse<byte[]> letter =
        http.client()
            .send(
                http.request("/public/api/applications/" + number + "/letters/" + letterId)
                    .header(CODE, code)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(new String(letter.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    assertThat(
            http.send(
                    http.request("/public/api/applications/" + number + "/letters/" + letterId)
                        .header(CODE, "WRONGCODE99")
                        .GET())
                .statusCode())
        .isEqualTo(404);

    // a supplement notice, answered online: the clock restarts today
    assertThat(
            http.postJson(
                    "/api/requests/" + requestId + "/supplement-request",
                    """
        {"noticeOn":"%s","supplementDueOn":"%s","items":"请写明所需信息的年份"}"""
                        .formatted(today, calendars.calendar().addWorkingDays(today, 10)),
                    "reviewer")
                .statusCode())
        .isEqualTo(200);
    status = get(number, code);
    assertThat(status.at("/supplementRequest/items").asText()).isEqualTo("请写明所需信息的年份");
    // not without the query code: a stranger who knows the number may not answer or withdraw
    assertThat(
            postPublic(
                    "/public/api/applications/" + number + "/supplement",
                    "{\"text\":\"x\",\"altcha\":\"" + solve() + "\"}",
                    null)
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> supplemented =
        postPublic(
            "/public/api/applications/" + number + "/supplement",
            "{\"text\":\"所需信息为2025年度\",\"altcha\":\"" + solve() + "\"}",
            code);
    assertThat(supplemented.statusCode()).as(supplemented.body()).isEqualTo(200);
    full = json.readTree(http.get("/api/requests/" + requestId, "clerk").body());
    assertThat(full.get("status").asText()).isEqualTo("SCREENING");
    assertThat(full.get("dueOn").asText())
        .isEqualTo(calendars.calendar().addWorkingDays(today, 20).toString());
    assertThat(full.get("events").toString()).contains("所需信息为2025年度");

    // withdrawal: concluded as withdrawn (OTHER) today
    HttpResponse<String> withdrawn =
        postPublic(
            "/public/api/applications/" + number + "/withdrawal",
            "{\"reason\":\"已通过其他途径获取\",\"altcha\":\"" + solve() + "\"}",
            code);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    full = json.readTree(http.get("/api/requests/" + requestId, "clerk").body());
    assertThat(full.get("status").asText()).isEqualTo("CONCLUDED");
    assertThat(full.get("outcome").asText()).isEqualTo("OTHER");
    assertThat(full.get("concludedOn").asText()).isEqualTo(today.toString());

    // nothing public shows who at the agency did what
    String publicView =
        http.send(http.request("/public/api/applications/" + number).header(CODE, code).GET())
            .body();
    assertThat(publicView).doesNotContain("clerk", "reviewer", "登记员", "承办人", "李审查");
    assertThat(json.readTree(publicView).get("status").asText()).isEqualTo("CONCLUDED");
    // every public access was recorded
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_public_access WHERE submission_number = ? AND action = 'READ'")
                .param(number)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }

  /**
   * DOMAIN.md §2a: a submission of 12-30 confirmed on 01-04 is a request received on 01-04,
   * numbered and counted in the later year, its reply period running from the confirmation; the
   * submission day stays its arrival day.
   */
  @Test
  void theDayOfConfirmationIsTheDayOfReceiptAcrossAYearEnd() throws Exception {
    // the latest year whose 01-04 is not in the future
    int year =
        today.isBefore(LocalDate.of(today.getYear(), 1, 4)) ? today.getYear() - 1 : today.getYear();
    LocalDate submitted = LocalDate.of(year - 1, 12, 30);
    LocalDate confirmedOn = LocalDate.of(year, 1, 4);
    String number =
        apply(application("岁末", validResidentId("11010519850704301")))
            .get("submissionNumber")
            .asText();
    // submitted on the last working days of the year before (the test runs today; the row is moved
    // back)
    jdbc.sql(
            "UPDATE dd_submission SET submitted_on = ?, submitted_at = ? WHERE submission_number = ?")
        .params(submitted, submitted.atTime(16, 0), number)
        .update();
    HttpResponse<String> r =
        http.postJson(
            "/api/submissions/" + number + "/confirmation",
            "{\"confirmedOn\":\"" + confirmedOn + "\"}",
            "clerk");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode request = json.readTree(r.body());
    assertThat(request.get("receivedOn").asText()).isEqualTo(confirmedOn.toString());
    assertThat(request.get("trackingNumber").asText()).startsWith(year + "-");
    assertThat(request.get("dueOn").asText())
        .isEqualTo(calendars.calendar().addWorkingDays(confirmedOn, 20).toString());
    JsonNode full =
        json.readTree(http.get("/api/requests/" + request.get("id").asText(), "clerk").body());
    assertThat(full.get("arrivedOn").asText()).isEqualTo(submitted.toString());
    assertThat(
            jdbc.sql("SELECT receipt_year FROM dd_request WHERE id = ?")
                .param(request.get("id").asText())
                .query(Integer.class)
                .single())
        .isEqualTo(year);
  }

  @Test
  void rejectionAndWithdrawalBeforeConfirmation() throws Exception {
    JsonNode sub = apply(application("孙丽", validResidentId("11010519900307311")));
    String number = sub.get("submissionNumber").asText();
    String code = sub.get("queryCode").asText();
    assertThat(
            http.postJson("/api/submissions/" + number + "/rejection", "{}", "clerk").statusCode())
        .isEqualTo(400);
    HttpResponse<String> rejected =
        http.postJson(
            "/api/submissions/" + number + "/rejection",
            "{\"reason\":\"内容为测试，非政府信息公开申请\"}",
            "clerk");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    JsonNode status = get(number, code);
    assertThat(status.get("status").asText()).isEqualTo("REJECTED");
    assertThat(status.get("timeline").toString()).contains("内容为测试");
    assertThat(
            http.postJson("/api/submissions/" + number + "/confirmation", "{}", "clerk")
                .statusCode())
        .isEqualTo(409);

    JsonNode other = apply(application("周涛", validResidentId("11010519791111521")));
    String n2 = other.get("submissionNumber").asText();
    String c2 = other.get("queryCode").asText();
    assertThat(
            postPublic(
                    "/public/api/applications/" + n2 + "/withdrawal",
                    "{\"altcha\":\"" + solve() + "\"}",
                    c2)
                .statusCode())
        .isEqualTo(200);
    assertThat(get(n2, c2).get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(
            http.postJson("/api/submissions/" + n2 + "/confirmation", "{}", "clerk").statusCode())
        .isEqualTo(409);
    assertThat(
            jdbc.sql("SELECT request_id FROM dd_submission WHERE submission_number = ?")
                .param(n2)
                .query(String.class)
                .optional())
        .isEmpty();
  }

  // ---- what is refused
  // -----------------------------------------------------------------------------------------

  @Test
  void refusedApplicationsWriteNothing() throws Exception {
    long before = submissions();
    ObjectNode valid = application("吴敏", validResidentId("11010519880808123"));
    String solution = solve();
    valid.put("altcha", solution);
    assertThat(postPublic("/public/api/applications", valid.toString(), null).statusCode())
        .isEqualTo(201);
    // the same solution again, a wrong one, none
    for (String altcha : new String[] {solution, "bm90IGEgc29sdXRpb24=", ""}) {
      valid.put("altcha", altcha);
      HttpResponse<String> r = postPublic("/public/api/applications", valid.toString(), null);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json.readTree(r.body()).get("fields").has("altcha")).isTrue();
    }
    // a resident ID with a wrong check digit; a credit code with a wrong check character
    ObjectNode badId = application("郑强", "110105198808081234");
    badId.put("altcha", solve());
    assertThat(fields(postPublic("/public/api/applications", badId.toString(), null)))
        .containsKey("applicant.idNumber");
    ObjectNode badCode = application("某某科技有限公司", null);
    ((ObjectNode) badCode.get("applicant"))
        .put("type", "COMMERCIAL_ENTERPRISE")
        .put("creditCode", "91350100M000100Y44");
    badCode.put("altcha", solve());
    assertThat(fields(postPublic("/public/api/applications", badCode.toString(), null)))
        .containsKey("applicant.creditCode");
    // every bad field named at once
    HttpResponse<String> empty = postPublic("/public/api/applications", "{\"applicant\":{}}", null);
    assertThat(fields(empty))
        .containsKeys("applicant.type", "applicant.name", "applicant.phone", "description");
    assertThat(submissions()).isEqualTo(before + 1);
  }

  @Test
  void unknownNumberAndWrongCodeAnswerAlike() throws Exception {
    JsonNode sub = apply(application("冯刚", validResidentId("11010519770101003")));
    String number = sub.get("submissionNumber").asText();
    HttpResponse<String> wrong =
        http.send(
            http.request("/public/api/applications/" + number).header(CODE, "WRONGCODE99").GET());
    HttpResponse<String> unknown =
        http.send(
            http.request("/public/api/applications/S20000101-000000")
                .header(CODE, sub.get("queryCode").asText())
                .GET());
    HttpResponse<String> none = http.send(http.request("/public/api/applications/" + number).GET());
    assertThat(List.of(wrong.statusCode(), unknown.statusCode(), none.statusCode()))
        .containsOnly(404);
    assertThat(wrong.body()).isEqualTo(unknown.body()).isEqualTo(none.body());
    // the code typed in lower case with a space is the same code
    String typed =
        sub.get("queryCode").asText().toLowerCase().substring(0, 6)
            + " "
            + sub.get("queryCode").asText().toLowerCase().substring(6);
    assertThat(
            http.send(http.request("/public/api/applications/" + number).header(CODE, typed).GET())
                .statusCode())
        .isEqualTo(200);
    // the client is the TCP peer: X-Forwarded-For is nobody's word unless a proxy is configured
    // (PortalLimitsTest)
    assertThat(
            http.send(
                    http.request("/public/api/applications/" + number)
                        .header(CODE, typed)
                        .header("X-Forwarded-For", "203.0.113.9")
                        .GET())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT client_address FROM dd_public_access WHERE submission_number = ? ORDER BY id DESC")
                .param(number)
                .query(String.class)
                .list()
                .get(0))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void hostileInputToEveryPublicEndpointIsA400NeverA5xxAndWritesNothing() throws Exception {
    JsonNode sub = apply(application("陈静", validResidentId("11010519950505555")));
    String number = sub.get("submissionNumber").asText();
    String code = sub.get("queryCode").asText();
    long before = submissions();
    long attachments = count("dd_submission_attachment");
    List<String> bodies =
        List.of(
            "",
            "{",
            "[]",
            "null",
            "\"x\"",
            "{\"applicant\":[]}",
            "{\"applicant\":{\"type\":1}}",
            "{\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"" + "长".repeat(5000) + "\"}}",
            "{\"description\":{\"$gt\":\"\"}}",
            "{\"requestedForms\":\"PAPER\"}",
            "{\"requestedForms\":[\"BOOKS\"]}",
            "{\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"<script>alert(1)</script>\",\"idType\":\"X\"}}",
            "{\"applicant\":{\"type\":\"NATURAL_PERSON\",\"name\":\"'; DROP TABLE dd_submission; --\"},\"altcha\":1}");
    List<String> wrong = new ArrayList<>();
    for (String path :
        List.of(
            "/public/api/applications",
            "/public/api/applications/" + number + "/supplement",
            "/public/api/applications/" + number + "/withdrawal")) {
      for (String body : bodies) {
        HttpResponse<String> r = postPublic(path, body, code);
        if (r.statusCode() >= 500
            || r.statusCode() == 200
            || r.statusCode() == 201
            || !r.body().startsWith("{\"error\"")) {
          wrong.add(
              path
                  + " "
                  + body.substring(0, Math.min(60, body.length()))
                  + " -> "
                  + r.statusCode()
                  + " "
                  + r.body());
        }
      }
      HttpResponse<String> text =
          http.send(
              http.request(path)
                  .header("Content-Type", "text/plain")
                  .header(CODE, code)
                  .POST(HttpRequest.BodyPublishers.ofString("hello")));
      if (text.statusCode() != 415) {
        wrong.add(path + " text/plain -> " + text.statusCode());
      }
    }
    for (String n : List.of("../../etc/passwd", "S".repeat(5000), "%00", "' OR '1'='1")) {
      HttpResponse<String> r =
          http.send(
              http.request(
                      "/public/api/applications/"
                          + java.net.URLEncoder.encode(n, StandardCharsets.UTF_8))
                  .header(CODE, code)
                  .GET());
      if (r.statusCode() >= 500) {
        wrong.add("GET " + n + " -> " + r.statusCode());
      }
    }
    HttpResponse<String> noFile =
        http.send(
            http.request("/public/api/applications/" + number + "/attachments")
                .header(CODE, code)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
    if (noFile.statusCode() != 400) {
      wrong.add("upload without a file -> " + noFile.statusCode() + " " + noFile.body());
    }
    HttpResponse<String> tooBig = upload(number, code, "big.pdf", new byte[5 * 1024 * 1024 + 10]);
    if (tooBig.statusCode() != 413) {
      wrong.add("upload over 5 MB -> " + tooBig.statusCode());
    }
    assertThat(wrong).isEmpty();
    assertThat(submissions()).isEqualTo(before);
    assertThat(count("dd_submission_attachment")).isEqualTo(attachments);
    assertThat(get(number, code).get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
  }

  @Test
  void aBurstOfParallelSubmissionsLosesNothingAndNumbersEachOnce() throws Exception {
    long before = submissions();
    int n = 16;
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectNode a =
          application(
              "并发" + "一二三四五六七八九十".charAt(i % 10),
              validResidentId("1101051990010" + String.format("%04d", 1000 + i)));
      a.put("altcha", solve());
      bodies.add(a.toString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String body : bodies) {
        answers.add(pool.submit(() -> postPublic("/public/api/applications", body, null)));
      }
      Set<String> numbers = new HashSet<>();
      for (Future<HttpResponse<String>> f : answers) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        numbers.add(json.readTree(r.body()).get("submissionNumber").asText());
      }
      assertThat(numbers).hasSize(n);
    } finally {
      pool.shutdown();
    }
    assertThat(submissions()).isEqualTo(before + n);
    assertThat(
            jdbc.sql("SELECT COUNT(DISTINCT submission_number) FROM dd_submission")
                .query(Long.class)
                .single())
        .isEqualTo(submissions());
  }

  @Test
  void pagesAndApiCarryStrictSecurityHeaders() {
    for (String path : List.of("/public/api/challenge", "/public/")) {
      HttpResponse<String> r = http.get(path, null);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .contains(
                          "default-src 'self'",
                          "script-src 'self'",
                          "frame-ancestors 'none'",
                          "object-src 'none'")
                      .doesNotContain("unsafe-inline", "unsafe-eval"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------------

  ObjectNode application(String name, String idNumber) {
    ObjectNode a = json.createObjectNode();
    ObjectNode applicant = a.putObject("applicant");
    applicant
        .put("type", "NATURAL_PERSON")
        .put("name", name)
        .put("phone", "13800001111")
        .put("email", "applicant@example.org");
    if (idNumber != null) {
      applicant.put("idType", "RESIDENT_ID").put("idNumber", idNumber);
    }
    a.put("description", "请公开本局2025年职业技能提升补贴发放情况");
    a.putArray("requestedForms").add("ELECTRONIC");
    a.put("deliveryChannel", "EMAIL");
    return a;
  }

  JsonNode apply(ObjectNode application) throws Exception {
    application.put("altcha", solve());
    HttpResponse<String> r = postPublic("/public/api/applications", application.toString(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body());
  }

  /** Solves the server's challenge as the ALTCHA widget does (AltchaSolver). */
  String solve() {
    return AltchaSolver.solve(http);
  }

  JsonNode get(String number, String code) throws Exception {
    HttpResponse<String> r =
        http.send(http.request("/public/api/applications/" + number).header(CODE, code).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  HttpResponse<String> postPublic(String path, String body, String code) {
    HttpRequest.Builder b =
        http.request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (code != null) {
      b.header(CODE, code);
    }
    return http.send(b);
  }

  HttpResponse<String> upload(String number, String code, String name, byte[] content) {
    String boundary = "----dd" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return http.send(
        http.request("/public/api/applications/" + number + "/attachments")
            .header(CODE, code)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Map<String, String> fields(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    Map<String, String> out = new LinkedHashMap<>();
    json.readTree(r.body())
        .get("fields")
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  JsonNode find(JsonNode items, String number) {
    for (JsonNode i : items) {
      if (i.get("submissionNumber").asText().equals(number)) {
        return i;
      }
    }
    throw new AssertionError("not in the list: " + number);
  }

  long submissions() {
    return count("dd_submission");
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  /** A GB 11643 number from its first 17 digits. */
  static String validResidentId(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}
