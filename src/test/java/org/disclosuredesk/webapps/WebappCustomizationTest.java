package org.disclosuredesk.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.deadline.DueStatus;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps as our users get them, over HTTP: config.js and styles from our settings, the
 * Chinese locales, no Basic challenge on the login page's side requests, the Tasklist filters 即将到期
 * / 已逾期 / 待签发, and the plugin's REST resource, which answers only behind the webapp login and only
 * about the tasks the user may see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappCustomizationTest {

  private static final String PLUGIN = "/camunda/api/tasklist/plugin/disclosureDesk/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  private Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    // 2026-06-15, a Monday in a year the shipped holiday calendar covers
    ClockUtil.setCurrentTime(
        Date.from(
            ZonedDateTime.of(2026, 6, 15, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void configJsComesFromOurSettings() throws Exception {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<String> config = http.get("/camunda/app/" + app + "/scripts/config.js", null);
      assertThat(config.statusCode()).isEqualTo(200);
      assertThat(config.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
      String body = config.body();
      assertThat(body)
          .startsWith("// generated")
          .contains("export default")
          .contains("document.documentElement.lang = chosen === 'zh' ? 'zh-CN' : chosen;");
      JsonNode json = JSON.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
      assertThat(json.at("/locales/availableLocales").toString()).isEqualTo("[\"zh\",\"en\"]");
      assertThat(json.at("/locales/fallbackLocale").asText()).isEqualTo("zh");
      assertThat(json.at("/dateFormat/short").asText()).isEqualTo("YYYY-MM-DD");
      assertThat(json.at("/disableWelcomeMessage").asBoolean()).isTrue();
      assertThat(json.at("/app/vendor").asText()).isEqualTo("依申请公开办理系统");

      HttpResponse<String> css = http.get("/camunda/app/" + app + "/styles/user-styles.css", null);
      assertThat(css.body()).contains(".ce-eol-banner { display: none !important; }");
      HttpResponse<String> zh = http.get("/camunda/app/" + app + "/locales/zh.json", null);
      assertThat(zh.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(zh.body()).at("/labels").size()).isGreaterThan(100);
    }
    assertThat(http.get("/camunda/app/tasklist/scripts/config.js", null).body())
        .contains("认领当前选中的任务");
  }

  @Test
  void theLoginPageMeetsNoPasswordDialog() {
    for (String path : List.of("/camunda-welcome", "/camunda-welcome/index.html")) {
      HttpResponse<String> r = http.get(path, null);
      // anonymous: to the one login page; signed in: refused
      assertThat(r.statusCode()).as(path).isIn(302, 403);
      assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
    }
  }

  @Test
  void filtersShowWhatIsOverdueDueSoonAndAwaitingSignOff() throws Exception {
    // 2026-06-15: received 2026-05-06 is past its 20 working days, 2026-05-25 has 5 or fewer left,
    // today's has 20
    String overdue = register("2026-05-06");
    String dueSoon = register("2026-05-25");
    String fresh = register("2026-06-15");
    Map<String, Integer> left =
        Map.of(overdue, remaining(overdue), dueSoon, remaining(dueSoon), fresh, remaining(fresh));
    assertThat(left.get(overdue)).isNegative();
    assertThat(left.get(dueSoon)).isBetween(0, DueStatus.DUE_SOON_WORKING_DAYS);
    assertThat(left.get(fresh)).isGreaterThan(DueStatus.DUE_SOON_WORKING_DAYS);

    List<String> overdueList = requestIdsIn("已逾期", "reviewer");
    List<String> dueSoonList = requestIdsIn("即将到期", "reviewer");
    assertThat(overdueList).contains(overdue).doesNotContain(dueSoon, fresh);
    assertThat(dueSoonList).contains(dueSoon).doesNotContain(overdue, fresh);
    assertThat(requestIdsIn("我组的任务", "reviewer")).contains(overdue, dueSoon, fresh);
    // the screening tasks are the reviewers': a clerk's lists do not show them
    assertThat(requestIdsIn("我组的任务", "clerk")).doesNotContain(overdue, dueSoon, fresh);

    // heads see their own two filters, others do not
    assertThat(filterNames("head")).containsExactly("我的任务", "我组的任务", "即将到期", "已逾期", "待审批", "待签发");
    assertThat(filterNames("reviewer")).containsExactly("我的任务", "我组的任务", "即将到期", "已逾期");

    // a partial disclosure waits for the head's sign-off: in 待签发
    assertThat(
            http.postJson(
                    "/api/requests/" + fresh + "/decision",
                    """
        {"outcome":"PARTIALLY_DISCLOSED","decidedOn":"2026-06-15","reason":"含第三方个人信息，区分处理",
         "confidentialityReview":{"reviewedBy":"李审查","reviewedOn":"2026-06-15"}}""",
                    "reviewer")
                .statusCode())
        .isEqualTo(200);
    assertThat(requestIdsIn("待签发", "head")).contains(fresh);
    assertThat(requestIdsIn("待审批", "head")).doesNotContain(fresh);
  }

  @Test
  void thePluginResourceAnswersOnlyAboutTasksTheUserMaySee() throws Exception {
    String name = "赵" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[^0-9]", "一");
    String id = register("2026-06-15", name);
    String number =
        JSON.readTree(http.get("/api/requests/" + id, "clerk").body())
            .get("trackingNumber")
            .asText();
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();

    // not logged in to the webapp: refused by Camunda's webapp security (Basic credentials do not
    // count)
    assertThat(http.get(PLUGIN + "/task-briefs?taskId=" + taskId, null).statusCode())
        .isIn(401, 403);
    assertThat(http.get(PLUGIN + "/task-briefs?taskId=" + taskId, "reviewer").statusCode())
        .isIn(401, 403);

    String reviewer = login("reviewer");
    JsonNode briefs =
        JSON.readTree(get(reviewer, PLUGIN + "/task-briefs?taskId=" + taskId + "&taskId=nope"));
    assertThat(briefs).hasSize(1);
    JsonNode brief = briefs.get(0);
    assertThat(brief.get("taskId").asText()).isEqualTo(taskId);
    assertThat(brief.get("trackingNumber").asText()).isEqualTo(number);
    assertThat(brief.get("applicant").asText()).isEqualTo(name);
    assertThat(brief.get("taskName").asText()).isEqualTo("初审 " + number);
    assertThat(brief.get("urgency").asText()).isEqualTo("ON_TRACK");
    assertThat(brief.get("dueText").asText()).matches("法定期限 \\d{4}-\\d{2}-\\d{2}，剩 20 个工作日");

    JsonNode found = JSON.readTree(get(reviewer, PLUGIN + "/search?q=" + enc(name)));
    assertThat(found).extracting(n -> n.get("trackingNumber").asText()).containsExactly(number);
    assertThat(JSON.readTree(get(reviewer, PLUGIN + "/search?q=" + enc(number))))
        .extracting(n -> n.get("taskId").asText())
        .containsExactly(taskId);
    // LIKE's wildcards typed by a person are text
    assertThat(JSON.readTree(get(reviewer, PLUGIN + "/search?q=" + enc("%")))).isEmpty();
    assertThat(JSON.readTree(get(reviewer, PLUGIN + "/search?q=" + enc("_")))).isEmpty();

    // the clerk may read the reviewer's screening task (as the request in the ledger), but
    // searching finds only the clerk's own work
    String clerk = login("clerk");
    assertThat(JSON.readTree(get(clerk, PLUGIN + "/task-briefs?taskId=" + taskId))).hasSize(1);
    assertThat(JSON.readTree(get(clerk, PLUGIN + "/search?q=" + enc(name)))).isEmpty();
    // a clerk sees the numbers of what they registered, newest first (a clerk of our own: on MySQL
    // every test registers in one schema, with engine clocks that other tests set later than ours)
    clerkOfOurOwn("dengji");
    String mine = register("2026-06-15", "孙" + name.substring(1), "dengji");
    String myNumber =
        JSON.readTree(http.get("/api/requests/" + mine, "clerk").body())
            .get("trackingNumber")
            .asText();
    assertThat(JSON.readTree(get(login("dengji"), PLUGIN + "/recent-registrations")))
        .extracting(n -> n.get("trackingNumber").asText())
        .startsWith(myNumber)
        .doesNotContain(number);
    assertThat(JSON.readTree(get(reviewer, PLUGIN + "/recent-registrations"))).isEmpty();
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------------------

  private String register(String arrivedOn) throws Exception {
    return register(arrivedOn, "钱" + "一二三四五六七八九".charAt((int) (System.nanoTime() % 9)));
  }

  private String register(String arrivedOn, String name) throws Exception {
    return register(arrivedOn, name, "clerk");
  }

  private String register(String arrivedOn, String name, String clerk) throws Exception {
    HttpResponse<String> r =
        http.postJson(
            "/api/requests",
            """
        {"channel":"IN_PERSON","arrivedOn":"%s","applicant":{"type":"NATURAL_PERSON","name":"%s"},
         "description":"过滤器测试 %s"}"""
                .formatted(arrivedOn, name, UUID.randomUUID()),
            clerk,
            password(clerk));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asText();
  }

  /** The demo users' password is their name; one of our own needs a password the policy accepts. */
  private static String password(String user) {
    return "clerk".equals(user) ? user : "Own-Clerk-Pw9!";
  }

  private void clerkOfOurOwn(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName("登记员");
      u.setLastName("孙");
      u.setPassword(password(id));
      identity.saveUser(u);
      identity.createMembership(id, "clerk");
    }
  }

  private int remaining(String id) throws Exception {
    return JSON.readTree(http.get("/api/requests/" + id, "clerk").body())
        .get("remainingWorkingDays")
        .asInt();
  }

  /** The request ids of the tasks a filter lists for the user, as Tasklist asks the engine. */
  private List<String> requestIdsIn(String filter, String user) throws Exception {
    String filterId = null;
    for (JsonNode f :
        JSON.readTree(http.get("/engine-rest/filter?resourceType=Task", user).body())) {
      if (f.get("name").asText().equals(filter)) {
        filterId = f.get("id").asText();
      }
    }
    assertThat(filterId).as("filter %s visible to %s", filter, user).isNotNull();
    List<String> out = new ArrayList<>();
    for (JsonNode t :
        JSON.readTree(
            http.get("/engine-rest/filter/" + filterId + "/list?maxResults=2000", user).body())) {
      out.add(
          runtime
              .createProcessInstanceQuery()
              .processInstanceId(t.get("processInstanceId").asText())
              .singleResult()
              .getBusinessKey());
    }
    return out;
  }

  private List<String> filterNames(String user) throws Exception {
    List<JsonNode> filters = new ArrayList<>();
    JSON.readTree(http.get("/engine-rest/filter?resourceType=Task", user).body())
        .forEach(filters::add);
    filters.sort(java.util.Comparator.comparingInt(f -> f.at("/properties/priority").asInt()));
    return filters.stream().map(f -> f.get("name").asText()).toList();
  }

  /** Logs in to Tasklist as the browser does; the session cookie of the logged-in user. */
  /**
   * Signs in on the desk's login page, then opens Tasklist, which takes the user from that session.
   */
  private String login(String user) {
    HttpResponse<String> page = http.get("/login", null);
    String password =
        List.of("clerk", "reviewer", "head", "manager", "admin").contains(user)
            ? user
            : password(user);
    String session = Http.cookie(page, "JSESSIONID");
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> r =
        http.send(
            http.request("/login")
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        Http.form(
                            Map.of(
                                "username",
                                user,
                                "password",
                                password,
                                "_csrf",
                                token.group(1))))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String renewed = Http.cookie(r, "JSESSIONID");
    String signedIn = renewed != null ? renewed : session;
    assertThat(
            http.send(
                    http.request("/camunda/app/tasklist/default/")
                        .header("Cookie", "JSESSIONID=" + signedIn)
                        .GET())
                .statusCode())
        .isEqualTo(200);
    return signedIn;
  }

  private String get(String session, String path) {
    HttpResponse<String> r =
        http.send(
            http.request(path)
                .header("Cookie", "JSESSIONID=" + session)
                .header("Accept", "application/json")
                .GET());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
