package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.AltchaSolver;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two agencies at work on one platform (DOMAIN.md §8, API.md "Agencies"): which agency a clerk
 * registers for, numbers per agency, another agency's request answering 404, a submission forwarded
 * before confirmation and what the applicant reads of it, and the supervising office's 督办
 * (recorded, mailed to that agency's office heads only, on the request and its task until it
 * concludes, never public).
 */
@MultiAgencyTest
class AgencyWorkflowTest {

  private static final String CODE = "X-Query-Code";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired BusinessClock clock;
  @Autowired TaskService tasks;

  private final String s = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
  private final String a = "WA" + s;
  private final String b = "WB" + s;
  private final Map<String, String> passwords = new HashMap<>();
  private Http http;
  private LocalDate today;

  @BeforeEach
  void setUp() throws Exception {
    http = new Http(port);
    today = clock.today();
    agency(a, "示例市甲局" + s, "0631-5201" + s);
    agency(b, "示例市乙局" + s, "0631-5202" + s);
    user("ca" + s, "clerk", a);
    user("ra" + s, "reviewer", a);
    user("ha" + s, "office-head", a);
    user("cb" + s, "clerk", b);
    user("rb" + s, "reviewer", b);
    user("hb" + s, "office-head", b);
    user("mb" + s, "manager", b);
    user("cab" + s, "clerk", a, b);
    user("sup" + s, "supervisor");
  }

  @Test
  void eachAgencyRegistersNumbersAndSeesOnlyItsOwn() throws Exception {
    HttpResponse<String> r = register("ca" + s, null, "李明");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode a1 = json.readTree(r.body());
    assertThat(a1.get("trackingNumber").asText()).matches(a + "-" + today.getYear() + "-0001");
    assertThat(a1.get("agency").get("code").asText()).isEqualTo(a);
    // not a member: 403; two agencies and none named: 400 naming agencyCode; unknown: 400
    assertThat(register("ca" + s, b, "李明").statusCode()).isEqualTo(403);
    r = register("cab" + s, null, "王芳");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("fields").has("agencyCode")).isTrue();
    assertThat(register("cab" + s, "NOSUCH", "王芳").statusCode()).isEqualTo(400);
    r = register("cab" + s, b, "王芳");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode b1 = json.readTree(r.body());
    assertThat(b1.get("trackingNumber").asText()).isEqualTo(b + "-" + today.getYear() + "-0001");
    String a1id = a1.get("id").asText();

    // agency B meets nothing of A: 404 on the request and everything under it, nothing in the
    // ledger or search
    for (String user : List.of("cb" + s, "rb" + s, "hb" + s, "mb" + s)) {
      assertThat(get("/api/requests/" + a1id, user).statusCode()).as(user).isEqualTo(404);
      assertThat(get("/api/requests/" + a1id + "/letters", user).statusCode())
          .as(user)
          .isEqualTo(404);
      JsonNode found =
          json.readTree(get("/api/requests?q=" + a1.get("trackingNumber").asText(), user).body());
      assertThat(found.get("total").asLong()).as(user).isZero();
      JsonNode all = json.readTree(get("/api/requests?size=1000", user).body());
      assertThat(all.get("items").findValuesAsText("id"))
          .doesNotContain(a1id)
          .contains(b1.get("id").asText());
    }
    assertThat(
            post("/api/requests/" + a1id + "/screening", "{\"result\":\"PROCEED\"}", "rb" + s)
                .statusCode())
        .isEqualTo(404);
    assertThat(get("/api/requests/" + a1id, "ra" + s).statusCode()).isEqualTo(200);
    // the supervising office reads every agency's requests, masked, and may narrow to one agency
    JsonNode sup = json.readTree(get("/api/requests/" + a1id, "sup" + s).body());
    assertThat(sup.get("applicant").get("idNumber").asText()).contains("*");
    JsonNode onlyB = json.readTree(get("/api/requests?size=1000&agency=" + b, "sup" + s).body());
    assertThat(onlyB.get("items").findValuesAsText("id"))
        .contains(b1.get("id").asText())
        .doesNotContain(a1id);
    assertThat(
            post("/api/requests/" + a1id + "/screening", "{\"result\":\"PROCEED\"}", "sup" + s)
                .statusCode())
        .isEqualTo(403);
    // the ledger page: the supervising office narrows it to one agency; B's clerk has no choice and
    // sees only B
    String page = get("/ledger?agency=" + b, "sup" + s).body();
    assertThat(page)
        .contains("<select id=\"agency\"")
        .contains(b1.get("trackingNumber").asText())
        .doesNotContain(a1.get("trackingNumber").asText());
    page = get("/ledger", "cb" + s).body();
    assertThat(page)
        .doesNotContain("<select id=\"agency\"")
        .doesNotContain(a1.get("trackingNumber").asText());
    // a clerk of two agencies picks the one a ledger file is imported for
    assertThat(get("/ledger", "cab" + s).body()).contains("<select id=\"import-agency\"");
    // a manager may not narrow the ledger to an agency they do not see, nor read the platform's
    // metrics
    assertThat(get("/api/requests?agency=" + a, "mb" + s).statusCode()).isEqualTo(400);
    assertThat(get("/actuator/prometheus", "mb" + s).statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void aSubmissionIsForwardedBeforeConfirmation() throws Exception {
    ObjectNode app = application();
    HttpResponse<String> r = apply(app);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("fields").has("agencyCode")).isTrue();
    app.put("agencyCode", b);
    r = apply(app);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode sub = json.readTree(r.body());
    String number = sub.get("submissionNumber").asText();
    String code = sub.get("queryCode").asText();
    assertThat(pending("cb" + s)).contains(number);
    assertThat(pending("ca" + s)).doesNotContain(number);

    String reason = "该信息由甲局掌握" + s;
    String body = "{\"agencyCode\":\"" + a + "\",\"reason\":\"" + reason + "\"}";
    assertThat(post("/api/submissions/" + number + "/forwarding", body, "ca" + s).statusCode())
        .isEqualTo(404);
    r =
        post(
            "/api/submissions/" + number + "/forwarding",
            "{\"agencyCode\":\"" + a + "\"}",
            "cb" + s);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("fields").has("reason")).isTrue();
    r = post("/api/submissions/" + number + "/forwarding", body, "cb" + s);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json.readTree(r.body()).get("agency").get("code").asText()).isEqualTo(a);
    assertThat(pending("ca" + s)).contains(number);
    assertThat(pending("cb" + s)).doesNotContain(number);
    // the clerk's task moved with it: A's Camunda tenant
    String submissionId =
        jdbc.sql("SELECT id FROM dd_submission WHERE submission_number = ?")
            .param(number)
            .query(String.class)
            .single();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(submissionId)
                .singleResult()
                .getTenantId())
        .isEqualTo(a);

    JsonNode status = status(number, code);
    assertThat(status.get("agency").get("code").asText()).isEqualTo(a);
    assertThat(status.get("timeline").toString()).contains("示例市甲局" + s).contains(reason);

    r =
        post(
            "/api/submissions/" + number + "/confirmation",
            "{\"confirmedOn\":\"" + today + "\"}",
            "ca" + s);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode request = json.readTree(r.body());
    assertThat(request.get("trackingNumber").asText()).startsWith(a + "-");
    assertThat(request.get("receivedOn").asText()).isEqualTo(today.toString());
    assertThat(
            post("/api/submissions/" + number + "/forwarding", body.replace(a, b), "ca" + s)
                .statusCode())
        .isEqualTo(409);

    // the information is B's after all: a 36(5) reply naming B offers the applicant a new
    // application to B
    r =
        post(
            "/api/requests/" + request.get("id").asText() + "/decision",
            "{\"outcome\":\"UNAVAILABLE_NOT_HELD\","
                + "\"notHeldReason\":\"OTHER_AGENCY\",\"responsibleAgency\":\""
                + b
                + "\",\"decidedOn\":\""
                + today
                + "\"}",
            "ra" + s);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    status = status(number, code);
    assertThat(status.get("status").asText()).isEqualTo("CONCLUDED");
    assertThat(status.get("referral").get("agency").get("code").asText()).isEqualTo(b);
    assertThat(status.get("referral").get("agency").get("phone").asText())
        .isEqualTo("0631-5202" + s);
    assertThat(status.get("referral").get("description").asText()).contains("养老保险基金");
  }

  @Test
  void theSupervisingOfficeSendsA督办() throws Exception {
    JsonNode a1 = json.readTree(register("ca" + s, null, "赵强").body());
    String id = a1.get("id").asText();
    assertThat(
            post("/api/requests/" + id + "/supervision-notice", "{\"text\":\"请抓紧\"}", "ra" + s)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> r = post("/api/requests/" + id + "/supervision-notice", "{}", "sup" + s);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("fields").has("text")).isTrue();
    String text = "请于三个工作日内办结并报告" + s;
    r =
        post(
            "/api/requests/" + id + "/supervision-notice",
            "{\"text\":\"" + text + "\"}",
            "sup" + s);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json.readTree(r.body()).get("id").asText()).isNotBlank();

    JsonNode full = json.readTree(get("/api/requests/" + id, "ra" + s).body());
    assertThat(full.get("supervision").findValuesAsText("text")).containsExactly(text);
    assertThat(full.get("events").findValuesAsText("type")).contains("SUPERVISION_NOTICE");
    // mailed to the agency's own office head, not to the other agency's
    List<String> to =
        jdbc.sql(
                "SELECT recipient FROM dd_mail WHERE request_id = ? AND kind = 'SUPERVISION_NOTICE'")
            .param(id)
            .query(String.class)
            .list();
    assertThat(to).containsExactly("ha" + s + "@example.org");
    // on the reviewer's task
    String summary =
        (String)
            tasks.getVariableLocal(
                tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId(),
                "requestSummary");
    assertThat(summary).contains("督办").contains(text);
    // gone from the request once it concludes (still on its timeline)
    r =
        post(
            "/api/requests/" + id + "/decision",
            "{\"outcome\":\"DISCLOSED\",\"decidedOn\":\""
                + today
                + "\",\"confidentialityReview\":{\"reviewedBy\":\"保密审查员\",\"reviewedOn\":\""
                + today
                + "\"}}",
            "ra" + s);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    full = json.readTree(get("/api/requests/" + id, "ra" + s).body());
    assertThat(full.get("supervision")).isEmpty();
    assertThat(full.get("events").findValuesAsText("type")).contains("SUPERVISION_NOTICE");
    assertThat(
            post("/api/requests/" + id + "/supervision-notice", "{\"text\":\"再督办\"}", "sup" + s)
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void aRetiredAgencyTakesNothingNew() throws Exception {
    String c = "WC" + s;
    agency(c, "示例市丙局" + s, "0631-5203" + s);
    user("cc" + s, "clerk", c);
    assertThat(register("cc" + s, null, "周杰").statusCode()).isEqualTo(201);
    ObjectNode body = agencyBody(c, "示例市丙局" + s, "0631-5203" + s);
    body.put("active", false);
    assertThat(
            http.send(
                    Http.auth(http.request("/api/agencies/" + c), "admin", "admin")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())))
                .statusCode())
        .isEqualTo(200);
    assertThat(register("cc" + s, null, "周杰").statusCode()).isEqualTo(409);
    ObjectNode app = application();
    app.put("agencyCode", c);
    HttpResponse<String> r = apply(app);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("fields").has("agencyCode")).isTrue();
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------------

  private ObjectNode agencyBody(String code, String name, String phone) {
    ObjectNode m = json.createObjectNode();
    m.put("code", code)
        .put("name", name)
        .put("kind", "DEPARTMENT")
        .put("address", "示例市人民路" + s + "号")
        .put("phone", phone)
        .put("reconsiderationBody", "示例市人民政府")
        .put("court", "示例市示例区人民法院");
    return m;
  }

  private void agency(String code, String name, String phone) {
    HttpResponse<String> r =
        http.postJson("/api/agencies", agencyBody(code, name, phone).toString(), "admin");
    assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
  }

  private void user(String id, String group, String... agencies) {
    String pw = "Kq7#Wm2!" + id.length() + "Zv";
    passwords.put(id, pw);
    ObjectNode u = json.createObjectNode();
    u.putObject("profile")
        .put("id", id)
        .put("firstName", id)
        .put("lastName", "测试")
        .put("email", id + "@example.org");
    u.putObject("credentials").put("password", pw);
    http.postJson("/engine-rest/user/create", u.toString(), "admin");
    put("/engine-rest/group/" + group + "/members/" + id);
    for (String agency : agencies) {
      assertThat(put("/api/agencies/" + agency + "/members/" + id).statusCode()).isEqualTo(204);
    }
  }

  private HttpResponse<String> put(String path) {
    return http.send(
        Http.auth(http.request(path), "admin", "admin").PUT(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> get(String path, String user) {
    return http.get(path, user, passwords.getOrDefault(user, user));
  }

  private HttpResponse<String> post(String path, String body, String user) {
    return http.postJson(path, body, user, passwords.getOrDefault(user, user));
  }

  private HttpResponse<String> register(String user, String agency, String name) {
    ObjectNode b = json.createObjectNode();
    b.put("channel", "IN_PERSON")
        .put("arrivedOn", today.toString())
        .put("description", "请公开" + name + "所需的2025年度补助资金分配文件");
    b.putObject("applicant")
        .put("type", "NATURAL_PERSON")
        .put("name", name)
        .put("idNumber", "370102199001011231")
        .put("phone", "13900002222");
    if (agency != null) {
      b.put("agencyCode", agency);
    }
    return post("/api/requests", b.toString(), user);
  }

  private ObjectNode application() {
    ObjectNode a = json.createObjectNode();
    a.putObject("applicant")
        .put("type", "NATURAL_PERSON")
        .put("name", "孙丽")
        .put("idType", "RESIDENT_ID")
        .put("idNumber", "370102199001011231")
        .put("email", "sl@example.org")
        .put("phone", "13800003333");
    a.put("description", "请公开本市2025年度城镇职工养老保险基金收支情况");
    a.putArray("requestedForms").add("ELECTRONIC");
    a.put("deliveryChannel", "EMAIL");
    return a;
  }

  private HttpResponse<String> apply(ObjectNode application) {
    application.put("altcha", AltchaSolver.solve(http));
    return http.send(
        http.request("/public/api/applications")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(application.toString())));
  }

  private JsonNode status(String number, String code) throws Exception {
    HttpResponse<String> r =
        http.send(http.request("/public/api/applications/" + number).header(CODE, code).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private List<String> pending(String user) throws Exception {
    JsonNode r =
        json.readTree(get("/api/submissions?status=AWAITING_CONFIRMATION&size=500", user).body());
    return r.get("items").findValuesAsText("submissionNumber");
  }
}
