package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.foundation.AltchaSolver;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.disclosuredesk.process.Rehoming;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two agencies on one platform see nothing of each other (DOMAIN.md §8) in Camunda too: each agency
 * is a tenant, its instances carry it, and staff carry their agencies as tenant ids, so the engine
 * REST API, Tasklist's and Cockpit's REST and our own API show agency B's staff, whatever their
 * role, nothing of agency A's requests, appeals and submissions, while A's own staff see them. A
 * submission forwarded to another agency moves there. A context of its own (the webapps' short
 * sign-on renewal), on the database of the multi-agency tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      MultiAgencyTest.DATABASE,
      "disclosure.test.context=agency-isolation",
      "disclosure.portal.submissions-per-hour=1000",
      "disclosure.portal.lookups-per-minute=1000",
      "disclosure.portal.wrong-codes-per-hour=1000",
      // the webapps' sign-on renews its authentication (groups, agencies) this often
      "camunda.bpm.webapp.auth.cache.time-to-live=2000"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyIsolationTest {

  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
              + "/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n"
              + "%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired Rehoming rehoming;
  @Autowired BusinessClock clock;
  @Autowired PlatformTransactionManager transactions;

  Http http;
  final String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
  final String agencyA = "IA" + suffix;
  final String agencyB = "IB" + suffix;
  final Map<String, String> passwords = new LinkedHashMap<>();
  LocalDate today;

  // A: clerk, reviewer, manager; B: one of each role, and a reviewer who joins A later
  String ca;
  String ra;
  String ma;
  String cb;
  String rb;
  String hb;
  String mb;
  String rx;
  String rab;
  String sup;

  /**
   * A's request waiting for screening, its task, instance and mail delivery; A's concluded request
   * and appeal.
   */
  String a1;

  String a1Number;
  String a1Instance;
  String a1Task;
  String a1Letter;
  String a1Mail;
  String a2;
  String appeal;
  String appealInstance;

  /** B's own request, so that B's lists are not empty by accident. */
  String b1;

  String b1Task;

  @BeforeAll
  void platformWithTwoAgencies() throws Exception {
    http = new Http(port);
    today = clock.today();
    for (String code : List.of(agencyA, agencyB)) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("code", code);
      a.put("name", agencyName(code));
      a.put("kind", "GOVERNMENT");
      a.put("address", "示例市人民路1号");
      a.put("phone", "0631-5200001");
      a.put("reconsiderationBody", "示例省人民政府");
      a.put("court", "示例市中级人民法院");
      HttpResponse<String> r = http.postJson("/api/agencies", json.writeValueAsString(a), "admin");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    ca = staff("ca", "clerk", agencyA);
    ra = staff("ra", "reviewer", agencyA);
    ma = staff("ma", "manager", agencyA);
    cb = staff("cb", "clerk", agencyB);
    rb = staff("rb", "reviewer", agencyB);
    hb = staff("hb", "office-head", agencyB);
    mb = staff("mb", "manager", agencyB);
    rx = staff("rx", "reviewer", agencyB);
    sup = staff("sup", "supervisor", null);
    rab = staff("rab", "reviewer", agencyA);
    assertThat(put("/api/agencies/" + agencyB + "/members/" + rab, "admin").statusCode())
        .isEqualTo(204);

    JsonNode r1 = ok(post("/api/requests", registration("李明", agencyA, "lm@example.org"), ca), 201);
    a1 = r1.get("id").asText();
    a1Number = r1.get("trackingNumber").asText();
    a1Instance =
        jdbc.sql("SELECT process_instance_id FROM dd_request WHERE id = ?")
            .param(a1)
            .query(String.class)
            .single();
    Task screening = tasks.createTaskQuery().processInstanceId(a1Instance).singleResult();
    a1Task = screening.getId();
    a1Mail =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("mail-delivery")
            .processInstanceBusinessKey(a1)
            .singleResult()
            .getId();
    // an incident as a failing job would raise it: Cockpit and the engine REST API list it
    runtime.createIncident("isolationTest", screening.getExecutionId(), "isolation test");
    JsonNode full = ok(get("/api/requests/" + a1, ra), 200);
    a1Letter =
        full.get("letters").size() > 0
            ? full.get("letters").get(0).get("id").asText()
            : "no-letter";

    a2 = ok(post("/api/requests", registration("王芳", agencyA, null), ca), 201).get("id").asText();
    ok(
        post(
            "/api/requests/" + a2 + "/decision",
            Map.of(
                "outcome",
                "UNAVAILABLE_NOT_HELD",
                "notHeldReason",
                "DOES_NOT_EXIST",
                "decidedOn",
                today.toString()),
            ra),
        200);
    appeal =
        ok(
                post(
                    "/api/requests/" + a2 + "/appeals",
                    Map.of(
                        "kind",
                        "RECONSIDERATION",
                        "receivedOn",
                        today.toString(),
                        "caseNumber",
                        "案-" + suffix,
                        "body",
                        "示例省人民政府"),
                    ra),
                201)
            .get("appealId")
            .asText();
    appealInstance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("appeal")
            .processInstanceBusinessKey(appeal)
            .singleResult()
            .getId();

    b1 = ok(post("/api/requests", registration("赵强", agencyB, null), cb), 201).get("id").asText();
    b1Task = tasks.createTaskQuery().processInstanceBusinessKey(b1).singleResult().getId();
  }

  @Test
  void eachAgencyIsACamundaTenantItsInstancesCarry() {
    assertThat(engine.isTenantCheckEnabled()).isTrue();
    assertThat(identity.createTenantQuery().tenantId(agencyA).singleResult().getName())
        .isEqualTo(agencyName(agencyA));
    assertThat(tenantOf(a1Instance)).isEqualTo(agencyA);
    assertThat(tenantOf(a1Mail)).isEqualTo(agencyA);
    assertThat(tenantOf(appealInstance)).isEqualTo(agencyA);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(b1)
                .singleResult()
                .getTenantId())
        .isEqualTo(agencyB);
    assertThat(tasks.createTaskQuery().taskId(a1Task).singleResult().getTenantId())
        .isEqualTo(agencyA);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(a1Instance)
                .singleResult()
                .getTenantId())
        .isEqualTo(agencyA);
    // the definitions stay shared
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("disclosure-request")
                .latestVersion()
                .singleResult()
                .getTenantId())
        .isNull();
  }

  /**
   * What B's staff ask the engine REST API about A's objects, and what each answers when it hides
   * them.
   */
  List<String> aboutA() {
    return List.of(
        "/engine-rest/task?processInstanceBusinessKey=" + a1,
        "/engine-rest/task/count?processInstanceBusinessKey=" + a1,
        "/engine-rest/task/" + a1Task,
        "/engine-rest/task?processInstanceBusinessKey=" + appeal,
        "/engine-rest/process-instance?businessKey=" + a1,
        "/engine-rest/process-instance/count?businessKey=" + a1,
        "/engine-rest/process-instance/" + a1Instance,
        "/engine-rest/execution?processInstanceId=" + a1Instance,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + a1,
        "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + a1,
        "/engine-rest/history/process-instance/" + a1Instance,
        "/engine-rest/history/task?processInstanceId=" + a1Instance,
        "/engine-rest/history/activity-instance?processInstanceId=" + a1Instance,
        "/engine-rest/variable-instance?processInstanceIdIn=" + a1Instance,
        "/engine-rest/history/variable-instance?processInstanceId=" + a1Instance,
        "/engine-rest/job?processInstanceId=" + a1Instance,
        "/engine-rest/job/count?processInstanceId=" + a1Instance,
        "/engine-rest/job?processInstanceId=" + a1Mail,
        "/engine-rest/incident?processInstanceId=" + a1Instance,
        "/engine-rest/incident/count?processInstanceId=" + a1Instance,
        "/engine-rest/history/incident?processInstanceId=" + a1Instance,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + appeal);
  }

  @Test
  void theEngineRestApiShowsNoRoleOfAnotherAgencyAnything() {
    List<String> wrong = new ArrayList<>();
    for (String user : List.of(cb, rb, hb, mb)) {
      for (String path : aboutA()) {
        HttpResponse<String> r = get(path, user);
        if (!hidden(r)) {
          wrong.add(user + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
      }
    }
    // what hangs below one of A's instances or tasks: refused (Camunda says so with 500), never its
    // values
    for (String user : List.of(rb, mb)) {
      for (String path :
          List.of(
              "/engine-rest/process-instance/" + a1Instance + "/variables",
              "/engine-rest/task/" + a1Task + "/variables",
              "/engine-rest/task/" + a1Task + "/form-variables")) {
        HttpResponse<String> r = get(path, user);
        if (r.statusCode() < 400 || r.body().contains(a1Number)) {
          wrong.add(user + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(get("/engine-rest/process-instance/" + a1Instance + "/variables", ma).body())
        .contains(a1Number);
    // A's own staff read them, each as far as their role's grants go: the reviewer the task, the
    // manager all
    for (String path :
        List.of(
            "/engine-rest/task?processInstanceBusinessKey=" + a1,
            "/engine-rest/task/count?processInstanceBusinessKey=" + a1,
            "/engine-rest/task/" + a1Task)) {
      assertThat(seen(get(path, ra))).as(path).isTrue();
    }
    for (String path : aboutA()) {
      // history level "audit" keeps no incident history: nothing there for anyone
      if (!path.contains("/history/incident")) {
        assertThat(seen(get(path, ma))).as(path).isTrue();
      }
    }
    // and B's own staff read B's
    assertThat(seen(get("/engine-rest/task?processInstanceBusinessKey=" + b1, rb))).isTrue();
    assertThat(
            seen(get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + b1, mb)))
        .isTrue();
    assertThat(
            hidden(
                get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + b1, ma)))
        .isTrue();
  }

  @Test
  void tasklistFiltersRunWithinTheCallersAgencies() throws Exception {
    JsonNode filters = ok(get("/engine-rest/filter?resourceType=Task", rb), 200);
    assertThat(filters.size()).isGreaterThanOrEqualTo(4);
    for (JsonNode f : filters) {
      String id = f.get("id").asText();
      String all = get("/engine-rest/filter/" + id + "/list?maxResults=1000", rb).body();
      assertThat(all).as(f.get("name").asText()).doesNotContain(a1Task);
      HttpResponse<String> count =
          http.postJson(
              "/engine-rest/filter/" + id + "/count",
              "{\"processInstanceBusinessKey\":\"" + a1 + "\"}",
              rb,
              passwords.get(rb));
      assertThat(json.readTree(count.body()).get("count").asInt())
          .as(f.get("name").asText())
          .isZero();
      HttpResponse<String> list =
          http.postJson(
              "/engine-rest/filter/" + id + "/list",
              "{\"processInstanceBusinessKey\":\"" + a1 + "\"}",
              rb,
              passwords.get(rb));
      assertThat(json.readTree(list.body())).as(f.get("name").asText()).isEmpty();
    }
    String groupFilter = null;
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals("我组的任务")) {
        groupFilter = f.get("id").asText();
      }
    }
    // the reviewers' group filter: each agency's reviewer sees the own agency's screening, not the
    // other's
    String body = "{\"processInstanceBusinessKeyIn\":[\"" + a1 + "\",\"" + b1 + "\"]}";
    String forA =
        http.postJson("/engine-rest/filter/" + groupFilter + "/list", body, ra, passwords.get(ra))
            .body();
    String forB =
        http.postJson("/engine-rest/filter/" + groupFilter + "/list", body, rb, passwords.get(rb))
            .body();
    assertThat(forA).contains(a1Task).doesNotContain(b1Task);
    assertThat(forB).contains(b1Task).doesNotContain(a1Task);
  }

  @Test
  void nobodyOfAnotherAgencyActsOnATaskAndTheSupervisorActsOnNone() {
    for (String user : List.of(rb, sup)) {
      HttpResponse<String> claim =
          http.postJson(
              "/engine-rest/task/" + a1Task + "/claim",
              "{\"userId\":\"" + user + "\"}",
              user,
              passwords.get(user));
      assertThat(claim.statusCode()).as(user + " " + claim.body()).isGreaterThanOrEqualTo(400);
      HttpResponse<String> complete =
          http.postJson(
              "/engine-rest/task/" + a1Task + "/complete",
              "{\"variables\":{\"screeningResult\":{\"value\":\"PROCEED\"}}}",
              user,
              passwords.get(user));
      assertThat(complete.statusCode())
          .as(user + " " + complete.body())
          .isGreaterThanOrEqualTo(400);
    }
    // the supervisor passes the tenant check (all agencies) and is stopped by its grants: it may
    // act on nothing
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + a1Task + "/claim",
                    "{\"userId\":\"" + sup + "\"}",
                    sup,
                    passwords.get(sup))
                .statusCode())
        .isEqualTo(403);
    Task task = tasks.createTaskQuery().taskId(a1Task).singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  @Test
  void startFormsStartInTheStartersAgencyOnly() throws Exception {
    String form =
        """
        {"variables":{"channel":{"value":"IN_PERSON"},"arrivedOn":{"value":"%s"},
         "applicantType":{"value":"NATURAL_PERSON"},"applicantName":{"value":"孙丽"},
         "description":{"value":"请公开2025年度就业补助资金分配文件"}%s}}""";
    HttpResponse<String> started =
        http.postJson(
            "/engine-rest/process-definition/key/disclosure-request/submit-form",
            form.formatted(today, ""),
            cb,
            passwords.get(cb));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = json.readTree(started.body()).get("id").asText();
    assertThat(tenantOf(instance)).isEqualTo(agencyB);
    assertThat(
            jdbc.sql("SELECT agency_code FROM dd_request WHERE process_instance_id = ?")
                .param(instance)
                .query(String.class)
                .single())
        .isEqualTo(agencyB);
    // naming another agency is refused, and nothing is started
    long before =
        runtime.createProcessInstanceQuery().processDefinitionKey("disclosure-request").count();
    HttpResponse<String> other =
        http.postJson(
            "/engine-rest/process-definition/key/disclosure-request/submit-form",
            form.formatted(today, ",\"agencyCode\":{\"value\":\"" + agencyA + "\"}"),
            cb,
            passwords.get(cb));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(
            runtime.createProcessInstanceQuery().processDefinitionKey("disclosure-request").count())
        .isEqualTo(before);
    // an appeal started in Tasklist by B's reviewer for A's request: no such tracking number for B
    String a2Number =
        jdbc.sql("SELECT tracking_number FROM dd_request WHERE id = ?")
            .param(a2)
            .query(String.class)
            .single();
    HttpResponse<String> appealForA =
        http.postJson(
            "/engine-rest/process-definition/key/appeal/submit-form",
            """
        {"variables":{"trackingNumber":{"value":"%s"},"kind":{"value":"RECONSIDERATION"},
         "receivedOn":{"value":"%s"},"caseNumber":{"value":"案-B-%s"},"body":{"value":"示例省人民政府"}}}"""
                .formatted(a2Number, today, suffix),
            rb,
            passwords.get(rb));
    assertThat(appealForA.statusCode()).as(appealForA.body()).isGreaterThanOrEqualTo(400);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM dd_appeal WHERE request_id = ?")
                .param(a2)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // a reviewer of both agencies opens it there: the appeal belongs to the request's agency
    HttpResponse<String> appealOfBoth =
        http.postJson(
            "/engine-rest/process-definition/key/appeal/submit-form",
            """
        {"variables":{"trackingNumber":{"value":"%s"},"kind":{"value":"RECONSIDERATION"},
         "receivedOn":{"value":"%s"},"caseNumber":{"value":"案-AB-%s"},"body":{"value":"示例省人民政府"}}}"""
                .formatted(a2Number, today, suffix),
            rab,
            passwords.get(rab));
    assertThat(appealOfBoth.statusCode()).as(appealOfBoth.body()).isEqualTo(200);
    assertThat(tenantOf(json.readTree(appealOfBoth.body()).get("id").asText())).isEqualTo(agencyA);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM dd_appeal WHERE request_id = ?")
                .param(a2)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void ourApiAnswersAnotherAgency404AndListsNothingOfIt() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String user : List.of(cb, rb, hb, mb)) {
      for (String path :
          List.of(
              "/api/requests/" + a1,
              "/api/requests/" + a2,
              "/api/requests/" + a1 + "/letters/" + a1Letter,
              "/api/appeals/" + appeal)) {
        int status = get(path, user).statusCode();
        if (status != 404) {
          wrong.add(user + " " + path + " -> " + status);
        }
      }
      JsonNode search =
          ok(
              get("/api/requests?q=" + URLEncoder.encode(a1Number, StandardCharsets.UTF_8), user),
              200);
      if (search.get("total").asInt() != 0) {
        wrong.add(user + " finds " + a1Number);
      }
      String ledger = get("/api/requests?size=100", user).body();
      if (ledger.contains(a1) || ledger.contains(a2) || !ledger.contains(b1)) {
        wrong.add(user + " ledger " + ledger);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(get("/api/requests/" + a1, ra).statusCode()).isEqualTo(200);
    assertThat(get("/api/appeals/" + appeal, ra).statusCode()).isEqualTo(200);
  }

  @Test
  void tasklistAndCockpitShowTheSignedInUserTheirAgenciesOnly() throws Exception {
    String engineApi = "/camunda/api/engine/engine/default";
    Session reviewerB = signIn(rb);
    Session reviewerA = signIn(ra);
    Session managerB = signIn(mb);
    Session managerA = signIn(ma);
    String taskQuery = engineApi + "/task?processInstanceBusinessKey=" + a1;
    assertThat(json.readTree(reviewerB.get(taskQuery).body())).isEmpty();
    assertThat(
            json.readTree(
                    reviewerB
                        .get(engineApi + "/task/count?processInstanceBusinessKey=" + a1)
                        .body())
                .get("count")
                .asInt())
        .isZero();
    assertThat(reviewerB.get(engineApi + "/task/" + a1Task).statusCode()).isEqualTo(404);
    assertThat(json.readTree(reviewerA.get(taskQuery).body())).hasSize(1);
    // the briefs our Tasklist plugin adds to each card
    String briefs =
        "/camunda/api/tasklist/plugin/disclosureDesk/default/task-briefs?taskId=" + a1Task;
    assertThat(json.readTree(reviewerB.get(briefs).body())).isEmpty();
    assertThat(json.readTree(reviewerA.get(briefs).body())).hasSize(1);
    // Cockpit's reads
    String instances =
        engineApi
            + "/history/process-instance?processDefinitionKey=disclosure-request"
            + "&processInstanceBusinessKey="
            + a1;
    assertThat(json.readTree(managerB.get(instances).body())).isEmpty();
    assertThat(json.readTree(managerA.get(instances).body())).hasSize(1);
    String incidents = engineApi + "/incident?processInstanceId=" + a1Instance;
    assertThat(json.readTree(managerB.get(incidents).body())).isEmpty();
    assertThat(json.readTree(managerA.get(incidents).body())).hasSize(1);

    // a membership the admin adds holds in an open session once its authentication is renewed (2 s
    // here)
    Session joiner = signIn(rx);
    assertThat(json.readTree(joiner.get(taskQuery).body())).isEmpty();
    ok(put("/api/agencies/" + agencyA + "/members/" + rx, "admin"), 204);
    try {
      long deadline = System.currentTimeMillis() + 15_000;
      JsonNode seen = json.readTree(joiner.get(taskQuery).body());
      while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
        seen = json.readTree(joiner.get(taskQuery).body());
      }
      assertThat(seen).hasSize(1);
    } finally {
      ok(delete("/api/agencies/" + agencyA + "/members/" + rx, "admin"), 204);
    }
  }

  @Test
  void aForwardedSubmissionMovesToTheReceivingAgency() throws Exception {
    ObjectNode application = json.createObjectNode();
    application
        .putObject("applicant")
        .put("type", "NATURAL_PERSON")
        .put("name", "周涛")
        .put("phone", "13800001111")
        .put("email", "zt@example.org")
        .put("idType", "RESIDENT_ID")
        .put("idNumber", residentId("11010519791111521"));
    application.put("description", "请公开本市2025年度城镇职工养老保险基金收支情况");
    application.putArray("requestedForms").add("ELECTRONIC");
    application.put("deliveryChannel", "EMAIL");
    application.put("agencyCode", agencyB);
    application.put("altcha", AltchaSolver.solve(http));
    HttpResponse<String> applied = post("/public/api/applications", application, null);
    JsonNode sub = ok(applied, 201);
    String number = sub.get("submissionNumber").asText();
    String code = sub.get("queryCode").asText();
    String id =
        jdbc.sql("SELECT id FROM dd_submission WHERE submission_number = ?")
            .param(number)
            .query(String.class)
            .single();
    String instance = submissionInstance(id);
    assertThat(tenantOf(instance))
        .isEqualTo(
            jdbc.sql("SELECT agency_code FROM dd_submission WHERE id = ?")
                .param(id)
                .query(String.class)
                .single());
    HttpResponse<String> up = upload(number, code);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    String attachment = json.readTree(up.body()).get("id").asText();

    // forwarded to A, as the clerk's forwarding would: the submission's agency, then its task
    String movedToA = forward(id, instance, agencyA);
    assertThat(movedToA).isNotEqualTo(instance);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    ProcessInstance inA =
        runtime.createProcessInstanceQuery().processInstanceId(movedToA).singleResult();
    assertThat(inA.getTenantId()).isEqualTo(agencyA);
    assertThat(inA.getBusinessKey()).isEqualTo(id);
    Task confirm = tasks.createTaskQuery().processInstanceId(movedToA).singleResult();
    assertThat(confirm.getTaskDefinitionKey()).isEqualTo("ConfirmSubmission");
    assertThat(confirm.getName()).contains(number);
    assertThat(confirm.getDueDate()).isNotNull();
    String byKey = "/engine-rest/task?processInstanceBusinessKey=" + id;
    assertThat(json.readTree(get(byKey, ca).body())).hasSize(1);
    assertThat(json.readTree(get(byKey, cb).body())).isEmpty();
    String file = "/api/submissions/" + number + "/attachments/" + attachment;
    assertThat(get(file, ca).statusCode()).isEqualTo(200);
    for (String user : List.of(cb, rb, hb)) {
      assertThat(get(file, user).statusCode()).as(user).isEqualTo(404);
    }
    String pluginFile =
        "/camunda/api/tasklist/plugin/disclosureDesk/default/submissions/"
            + number
            + "/attachments/"
            + attachment;
    assertThat(signIn(ca).get(pluginFile).statusCode()).isEqualTo(200);
    assertThat(signIn(cb).get(pluginFile).statusCode()).isEqualTo(404);

    // and on to B: only B's clerks see it now
    String movedToB = forward(id, movedToA, agencyB);
    assertThat(tenantOf(movedToB)).isEqualTo(agencyB);
    assertThat(json.readTree(get(byKey, cb).body())).hasSize(1);
    assertThat(json.readTree(get(byKey, ca).body())).isEmpty();
    // the history of the instance it left stays with A
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(movedToA)
                .singleResult()
                .getTenantId())
        .isEqualTo(agencyA);
    // already there: nothing moves
    assertThat(rehoming.rehome(movedToB, agencyB)).isEqualTo(movedToB);

    // the applicant's withdrawal reaches the moved instance
    HttpRequest.Builder withdraw =
        http.request("/public/api/applications/" + number + "/withdrawal")
            .header("X-Query-Code", code)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"reason\":\"已通过其他途径获取\",\"altcha\":\"" + AltchaSolver.solve(http) + "\"}"));
    HttpResponse<String> withdrawn = http.send(withdraw);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(movedToB).count()).isZero();
    assertThat(
            jdbc.sql("SELECT status FROM dd_submission WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("WITHDRAWN");
    // an ended instance cannot move
    assertThatThrownBy(() -> rehoming.rehome(movedToB, agencyA))
        .isInstanceOf(ConflictException.class);
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------------------

  /**
   * What the portal's forwarding does: the submission's agency, its moved instance, in one
   * transaction.
   */
  String forward(String submissionId, String instance, String agency) {
    return new TransactionTemplate(transactions)
        .execute(
            s -> {
              jdbc.sql("UPDATE dd_submission SET agency_code = ? WHERE id = ?")
                  .params(agency, submissionId)
                  .update();
              String moved = rehoming.rehome(instance, agency);
              jdbc.sql("UPDATE dd_submission SET process_instance_id = ? WHERE id = ?")
                  .params(moved, submissionId)
                  .update();
              return moved;
            });
  }

  String submissionInstance(String id) {
    return jdbc.sql("SELECT process_instance_id FROM dd_submission WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  String tenantOf(String instance) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceId(instance)
        .singleResult()
        .getTenantId();
  }

  /**
   * A staff member of {@code group} in {@code agency}, made as an admin does in Camunda Admin and
   * the registry.
   */
  String staff(String prefix, String group, String agency) throws Exception {
    String id = prefix + suffix;
    String password = "Kq7#Wm2!" + passwords.size() + "Zv";
    passwords.put(id, password);
    HttpResponse<String> created =
        http.postJson(
            "/engine-rest/user/create",
            json.writeValueAsString(
                Map.of(
                    "profile",
                        Map.of(
                            "id",
                            id,
                            "firstName",
                            prefix,
                            "lastName",
                            "测试",
                            "email",
                            id + "@example.org"),
                    "credentials", Map.of("password", password))),
            "admin");
    assertThat(created.statusCode()).as(created.body()).isIn(200, 204);
    assertThat(put("/engine-rest/group/" + group + "/members/" + id, "admin").statusCode())
        .isIn(200, 204);
    if (agency != null) {
      assertThat(put("/api/agencies/" + agency + "/members/" + id, "admin").statusCode())
          .isEqualTo(204);
    }
    return id;
  }

  Map<String, Object> registration(String name, String agency, String email) {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("type", "NATURAL_PERSON");
    applicant.put("name", name);
    if (email != null) {
      applicant.put("email", email);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "IN_PERSON");
    body.put("arrivedOn", today.toString());
    body.put("applicant", applicant);
    body.put("description", "请公开" + name + "所需的2025年度补助资金分配文件");
    body.put("agencyCode", agency);
    return body;
  }

  /** A resident ID number with its check digit (GB 11643). */
  static String residentId(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /** Hidden: 404, an empty list or a count of 0. */
  boolean hidden(HttpResponse<String> r) {
    if (r.statusCode() == 404) {
      return true;
    }
    if (r.statusCode() != 200) {
      return false;
    }
    JsonNode body = read(r);
    return body.isArray() ? body.isEmpty() : body.has("count") && body.get("count").asInt() == 0;
  }

  /** Seen: a non-empty list, a count above 0, or the object itself. */
  boolean seen(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      return false;
    }
    JsonNode body = read(r);
    return body.isArray() ? !body.isEmpty() : !body.has("count") || body.get("count").asInt() > 0;
  }

  JsonNode read(HttpResponse<String> r) {
    try {
      return json.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(r.body(), e);
    }
  }

  JsonNode ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : read(r);
  }

  HttpResponse<String> get(String path, String user) {
    return http.get(path, user, password(user));
  }

  HttpResponse<String> post(String path, Object body, String user) throws Exception {
    return http.postJson(path, json.writeValueAsString(body), user, password(user));
  }

  HttpResponse<String> put(String path, String user) {
    return http.send(
        Http.auth(http.request(path), user, password(user))
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> delete(String path, String user) {
    return http.send(Http.auth(http.request(path), user, password(user)).DELETE());
  }

  String password(String user) {
    return passwords.getOrDefault(user, user);
  }

  HttpResponse<String> upload(String number, String code) {
    String boundary = "----dd" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"身份证.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + PDF.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(PDF, 0, body, head.length, PDF.length);
    System.arraycopy(tail, 0, body, head.length + PDF.length, tail.length);
    return http.send(
        http.request("/public/api/applications/" + number + "/attachments")
            .header("X-Query-Code", code)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A person signed in on the login page: the session Tasklist and Cockpit run in. */
  record Session(Http http, String cookie) {
    HttpResponse<String> get(String path) {
      return http.send(
          http.request(path).header("Accept", "application/json").header("Cookie", cookie).GET());
    }
  }

  Session signIn(String user) {
    HttpResponse<String> page = http.send(http.request("/login").GET());
    String cookie = "JSESSIONID=" + Http.cookie(page, "JSESSIONID");
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> login =
        http.send(
            http.request("/login")
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Http.form(
                            Map.of(
                                "username",
                                user,
                                "password",
                                password(user),
                                "_csrf",
                                token.group(1))))));
    assertThat(login.headers().firstValue("Location").orElse("")).as(user).doesNotContain("/login");
    String next = Http.cookie(login, "JSESSIONID");
    Session s = new Session(http, next == null ? cookie : "JSESSIONID=" + next);
    // Tasklist's page first, as a browser opens it
    s.get("/camunda/app/tasklist/default/");
    return s;
  }

  /**
   * No Latin letters: the portal's tests on the same database look for English on the pages listing
   * agencies.
   */
  private String agencyName(String code) {
    return "示例市测试" + (code.equals(agencyA) ? "甲" : "乙") + "局" + suffix;
  }
}
