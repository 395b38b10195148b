package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security defaults of the running app, driven over real HTTP (API.md "Conventions"). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityDefaultsTest {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void roleSetUpRunsAgainWithoutWriting(
      @Autowired RoleSetup roleSetup,
      @Autowired AuthorizationService auths,
      @Autowired FilterService filters) {
    Map<String, Integer> before = new java.util.HashMap<>();
    auths
        .createAuthorizationQuery()
        .list()
        .forEach(a -> before.put(a.getId(), ((AuthorizationEntity) a).getRevision()));
    long filterCount = filters.createFilterQuery().count();
    roleSetup.setUp();
    Map<String, Integer> after = new java.util.HashMap<>();
    auths
        .createAuthorizationQuery()
        .list()
        .forEach(a -> after.put(a.getId(), ((AuthorizationEntity) a).getRevision()));
    assertThat(after).isEqualTo(before);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
  }

  @Test
  void healthIsAnonymous() {
    HttpResponse<String> r = http.get("/actuator/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("UP");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/requests",
        "/engine-rest/engine",
        "/engine-rest/process-definition",
        "/engine-rest/user",
        "/actuator/info"
      })
  void noCredentialsIs401(String path) {
    HttpResponse<String> r = http.get(path, null);
    assertThat(r.statusCode()).as(path).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(r.body()).contains("\"error\":\"UNAUTHORIZED\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/requests", "/engine-rest/engine"})
  void wrongPasswordIs401(String path) {
    // a user of its own: a wrong password locks the account for a few seconds (Camunda login
    // throttling), which must not disturb the demo users the other tests log in as
    ensureUser("wrongpw", "Right-Passw0rd!");
    assertThat(http.get(path, "wrongpw", "not-the-password").statusCode()).as(path).isEqualTo(401);
    assertThat(http.get(path, "nosuchuser", "nosuchuser").statusCode()).as(path).isEqualTo(401);
  }

  @Test
  void adminReadsTheEngine() {
    HttpResponse<String> r = http.get("/engine-rest/engine", "admin");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("default");
  }

  @Test
  void clerkMayNotCreateUsersThroughEngineRest() {
    HttpResponse<String> r =
        http.postJson(
            "/engine-rest/user/create",
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder1\"}}",
            "clerk");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void apiAnswersCarrySecurityHeaders() {
    for (HttpResponse<String> r :
        List.of(http.get("/api/requests", null), http.get("/api/requests", "clerk"))) {
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(r.headers().firstValue("Cache-Control"))
          .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
      // stateless Basic auth: no session cookie on the API
      assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }
  }

  @Test
  void bpmnAndCamundaFormsAreDeployed() throws Exception {
    HttpResponse<String> deployments = http.get("/engine-rest/deployment", "admin");
    assertThat(deployments.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (JsonNode d : json.readTree(deployments.body())) {
      HttpResponse<String> resources =
          http.get("/engine-rest/deployment/" + d.get("id").asText() + "/resources", "admin");
      assertThat(resources.statusCode()).isEqualTo(200);
      json.readTree(resources.body()).forEach(res -> names.add(res.get("name").asText()));
    }
    assertThat(names).anyMatch(n -> n.endsWith("disclosure-request.bpmn"));
    assertThat(names).anyMatch(n -> n.endsWith("register-request.form"));
    assertThat(names).anyMatch(n -> n.endsWith("screening.form"));
    HttpResponse<String> definitions =
        http.get("/engine-rest/process-definition?key=disclosure-request", "admin");
    assertThat(json.readTree(definitions.body())).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "clerk", "reviewer", "head", "manager"})
  void everyDemoUserOpensTasklistWithTheLoginPagesSession(String user) throws Exception {
    String session = signIn(user, user);
    HttpResponse<String> page =
        http.send(
            http.request("/camunda/app/tasklist/default/")
                .header("Cookie", "JSESSIONID=" + session)
                .GET());
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> r =
        http.send(
            http.request("/camunda/api/admin/auth/user/default")
                .header("Cookie", "JSESSIONID=" + session)
                .header("Accept", "application/json")
                .GET());
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("userId").asText()).isEqualTo(user);
    List<String> apps = new ArrayList<>();
    body.get("authorizedApps").forEach(a -> apps.add(a.asText()));
    assertThat(apps).contains("tasklist");
  }

  @Test
  void wrongPasswordCannotOpenTasklist() {
    ensureUser("wrongpw2", "Right-Passw0rd!");
    HttpResponse<String> page = http.get("/login", null);
    String session = Http.cookie(page, "JSESSIONID");
    HttpResponse<String> r =
        http.send(
            http.request("/login")
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Http.form(
                            Map.of(
                                "username",
                                "wrongpw2",
                                "password",
                                "nope",
                                "_csrf",
                                csrf(page.body()))))));
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    assertThat(
            http.send(
                    http.request("/camunda/app/tasklist/default/")
                        .header("Cookie", "JSESSIONID=" + session)
                        .GET())
                .statusCode())
        .isEqualTo(302);
  }

  @Test
  void camundasOwnLoginIsClosedItsCsrfProtectionStays() throws Exception {
    // its login API would bypass the login limits: closed, even with the right password
    HttpResponse<String> own =
        http.send(
            http.request(LOGIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Http.form(Map.of("username", "clerk", "password", "clerk")))));
    assertThat(own.statusCode()).isIn(401, 403);
    // a write to Camunda's webapp API needs Camunda's token, from the signed-in session
    String session = signIn("reviewer", "reviewer");
    HttpResponse<String> page =
        http.send(
            http.request("/camunda/app/tasklist/default/")
                .header("Cookie", "JSESSIONID=" + session)
                .GET());
    String token = Http.cookie(page, "XSRF-TOKEN");
    assertThat(token).isNotBlank();
    String query = "/camunda/api/engine/engine/default/task";
    HttpResponse<String> with =
        http.send(
            http.request(query)
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
    HttpResponse<String> without =
        http.send(
            http.request(query)
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(without.statusCode()).as(without.body()).isEqualTo(403);
    // Camunda ends the session a forged write came with
    assertThat(
            http.send(
                    http.request("/camunda/api/admin/auth/user/default")
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Accept", "application/json")
                        .GET())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void tasklistIsServed() throws Exception {
    HttpResponse<String> anonymous =
        http.send(
            http.request("/camunda/app/tasklist/default/").header("Accept", "text/html").GET());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> page =
        http.send(
            http.request("/camunda/app/tasklist/default/")
                .header("Cookie", "JSESSIONID=" + signIn("clerk", "clerk"))
                .GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  /** Signs in on the login page as a browser does; the signed-in session's id. */
  private String signIn(String user, String password) {
    HttpResponse<String> page = http.get("/login", null);
    HttpResponse<String> r =
        http.send(
            http.request("/login")
                .header("Cookie", "JSESSIONID=" + Http.cookie(page, "JSESSIONID"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Http.form(
                            Map.of(
                                "username",
                                user,
                                "password",
                                password,
                                "_csrf",
                                csrf(page.body()))))));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    return Http.cookie(r, "JSESSIONID");
  }

  private static String csrf(String loginPage) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private void ensureUser(String id, String password) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User u = identityService.newUser(id);
      u.setPassword(password);
      u.setFirstName("测试");
      u.setLastName("用户");
      identityService.saveUser(u);
    }
  }
}
