package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider started here (NAV's mock-oauth2-server,
 * from Maven Central): the login page offers it, the platform's {@code preferred_username} picks
 * the Camunda user, whose groups are the roles; a person the system does not know is turned away
 * with a Chinese message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnTest {

  static final MockOAuth2Server PLATFORM = new MockOAuth2Server();

  static {
    PLATFORM.start();
  }

  @DynamicPropertySource
  static void registration(DynamicPropertyRegistry p) {
    String prefix = "spring.security.oauth2.client.";
    p.add(prefix + "registration.platform.client-id", () -> "disclosure-desk");
    p.add(prefix + "registration.platform.client-secret", () -> "secret");
    p.add(prefix + "registration.platform.client-name", () -> "统一身份认证登录");
    p.add(prefix + "registration.platform.scope", () -> "openid,profile");
    p.add(prefix + "provider.platform.issuer-uri", () -> PLATFORM.issuerUrl("platform").toString());
  }

  @AfterAll
  static void stop() {
    PLATFORM.shutdown();
  }

  @LocalServerPort int port;

  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aKnownUserSignsInThroughThePlatformWithTheirCamundaGroupsAsRoles() throws Exception {
    HttpResponse<String> login = get(URI.create("http://localhost:" + port + "/login"));
    assertThat(login.body()).contains("统一身份认证登录", "/oauth2/authorization/platform");

    HttpResponse<String> home = signInAt("reviewer");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("工作台", "id=\"desk-user\"", "（reviewer）", "我组的任务");
    assertThat(home.body()).doesNotContain("年概况"); // not a manager
    // the same session reaches Tasklist as that user
    get(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"));
    assertThat(
            get(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                .body())
        .contains("\"userId\":\"reviewer\"");
  }

  @Test
  void aPersonTheSystemDoesNotKnowIsTurnedAway() throws Exception {
    HttpResponse<String> page = signInAt("stranger");
    assertThat(page.body()).contains("不是本系统的用户");
    assertThat(get(URI.create("http://localhost:" + port + "/api/requests")).statusCode())
        .isEqualTo(401);
  }

  /**
   * Clicks the platform's button and follows the redirects as a browser does; the page it ends on.
   */
  private HttpResponse<String> signInAt(String platformUser) throws Exception {
    PLATFORM.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "platform",
            "uid-" + platformUser,
            JOSEObjectType.JWT.getType(),
            List.of("disclosure-desk"),
            Map.of("preferred_username", platformUser),
            3600));
    URI next = URI.create("http://localhost:" + port + "/oauth2/authorization/platform");
    HttpResponse<String> r = null;
    for (int i = 0; i < 10 && next != null; i++) {
      r = get(next);
      next =
          r.statusCode() / 100 == 3
              ? next.resolve(r.headers().firstValue("Location").orElseThrow())
              : null;
    }
    return r;
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    // a page as a browser asks for it; the APIs as the pages' scripts do
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .header("Accept", uri.getPath().contains("/api/") ? "application/json" : "text/html");
    if (uri.getPort() == port && !cookies.isEmpty()) {
      b.header(
          "Cookie",
          String.join(
              "; ",
              cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (uri.getPort() == port) {
      for (String c : r.headers().allValues("Set-Cookie")) {
        String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return r;
  }
}
