package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins are limited per user and per client address, on the login page and over HTTP Basic
 * alike, with a Chinese message saying how long to wait; a browser never gets a Basic challenge (no
 * password dialog), a script does. Camunda's password policy is on (the demo accounts of the
 * embedded run excepted).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "disclosure.login.failures-per-user=3",
      "disclosure.login.failures-per-address=1000"
    })
class LoginLimitsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  private static final String PROBE_PASSWORD = "Probe-Passw0rd!";

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void failuresPerUserAreLimitedOverBasicAndOnTheLoginPage() throws Exception {
    // a reviewer of our own: on MySQL every test class shares the schema, and Camunda keeps its own
    // count of a user's failed logins, which would slow down the demo reviewer's logins in the next
    // test
    String probe = "limitprobe";
    if (identity.createUserQuery().userId(probe).count() == 0) {
      User u = identity.newUser(probe);
      u.setPassword(PROBE_PASSWORD);
      identity.saveUser(u);
      identity.createMembership(probe, "reviewer");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(basic("/api/requests", probe, "wrong-" + i).statusCode()).isEqualTo(401);
    }
    // the right password too is refused until the period has passed: the limit does not tell a
    // guess from it
    HttpResponse<String> throttled = basic("/api/requests", probe, PROBE_PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("登录失败次数过多", "分钟后再试");
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    // the same user on the login page
    HttpResponse<String> page = loginForm(probe, PROBE_PASSWORD);
    assertThat(page.body()).contains("登录失败次数过多");
    // another user is not affected
    assertThat(basic("/api/requests", "head", "head").statusCode()).isEqualTo(200);
  }

  @Test
  void scriptsGetTheBasicChallengeBrowsersDoNot() throws Exception {
    HttpResponse<String> script =
        http.send(
            HttpRequest.newBuilder(uri("/api/requests")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    HttpResponse<String> browserFetch =
        http.send(
            HttpRequest.newBuilder(uri("/api/requests"))
                .header("Sec-Fetch-Mode", "cors")
                .header("Sec-Fetch-Site", "same-origin")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(browserFetch.statusCode()).isEqualTo(401);
    assertThat(browserFetch.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> navigation =
        http.send(
            HttpRequest.newBuilder(uri("/reports/2025"))
                .header("Accept", "text/html,application/xhtml+xml")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(navigation.statusCode()).isEqualTo(302);
    assertThat(navigation.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    // a script's Basic call opens no session
    HttpResponse<String> ok = basic("/api/requests", "manager", "manager");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void camundasPasswordPolicyIsOn() {
    User weak = identity.newUser("policyweak");
    weak.setPassword("password");
    assertThatThrownBy(() -> identity.saveUser(weak))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("policy");
    User strong = identity.newUser("policystrong");
    strong.setPassword("Gxgk-2026-desk!");
    identity.saveUser(strong);
    assertThat(identity.checkPassword("policystrong", "Gxgk-2026-desk!")).isTrue();
    // the demo run's documented accounts keep their documented passwords; nobody else may use a
    // name as password
    User named = identity.newUser("zhangsan");
    named.setPassword("zhangsan");
    assertThatThrownBy(() -> identity.saveUser(named)).isInstanceOf(ProcessEngineException.class);
    assertThat(identity.checkPassword("clerk", "clerk")).isTrue();
  }

  @Test
  void overTheEngineRestApiTheRightToCreateUsersIsAskedBeforeThePassword() throws Exception {
    String weak = "{\"profile\":{\"id\":\"restweak\"},\"credentials\":{\"password\":\"x\"}}";
    String strong =
        "{\"profile\":{\"id\":\"reststrong\"},\"credentials\":{\"password\":\"Gxgk-2026-desk!\"}}";
    assertThat(createUser("clerk", weak).statusCode()).isEqualTo(403);
    // Camunda's REST answers a weak password with its own error (500, "Password does not match
    // policy")
    HttpResponse<String> refused = createUser("admin", weak);
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("policy");
    assertThat(identity.createUserQuery().userId("restweak").count()).isZero();
    assertThat(createUser("admin", strong).statusCode()).isEqualTo(204);
  }

  private HttpResponse<String> createUser(String as, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/engine-rest/user/create"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((as + ":" + as).getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> loginForm(String user, String password) throws Exception {
    return LoginClient.loginForm(http, port, user, password);
  }

  private HttpResponse<String> basic(String path, String user, String password) throws Exception {
    return LoginClient.basic(http, port, path, user, password);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
