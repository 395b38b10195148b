package org.disclosuredesk.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document (/v3/api-docs) and Swagger UI: staff only; every method and path of API.md's
 * tables (src/test/resources/api-paths.txt) is in it, and every operation in it has a Chinese
 * summary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode document() throws IOException {
    HttpResponse<String> r = http.get("/v3/api-docs", "clerk");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return json.readTree(r.body());
  }

  @Test
  void documentAndUiAreForLoggedInStaffOnly() {
    for (String path :
        List.of(
            "/v3/api-docs",
            "/v3/api-docs/swagger-config",
            "/swagger-ui.html",
            "/swagger-ui/index.html")) {
      HttpResponse<String> anonymous = http.get(path, null, null);
      assertThat(anonymous.statusCode()).as("anonymous " + path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
      // not a demo user: Camunda delays a user's next login after a wrong password, and this
      // context is shared
      assertThat(http.get(path, "no-such-user", "wrong").statusCode())
          .as("unknown user " + path)
          .isEqualTo(401);
      // the Prometheus account reads /actuator and nothing else
      assertThat(http.get(path, "monitor").statusCode()).as("monitor " + path).isEqualTo(403);
    }
    for (String user : List.of("clerk", "reviewer", "head", "manager", "admin")) {
      assertThat(http.get("/v3/api-docs", user).statusCode()).as(user).isEqualTo(200);
    }
    // nothing of it under /public, which a reverse proxy publishes to the internet
    assertThat(http.get("/public/v3/api-docs", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void swaggerUiIsReachableForALoggedInUser() {
    HttpResponse<String> redirect = http.get("/swagger-ui.html", "clerk");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location").orElse(""))
        .contains("/swagger-ui/index.html");
    HttpResponse<String> page = http.get("/swagger-ui/index.html", "clerk");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    HttpResponse<String> config = http.get("/v3/api-docs/swagger-config", "clerk");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("/v3/api-docs");
  }

  @Test
  void isAnOpenApi3DocumentOfOurApiInChinese() throws IOException {
    JsonNode doc = document();
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.path("info").path("title").asText()).isEqualTo("依申请公开办理系统 HTTP 接口");
    assertThat(doc.path("info").path("description").asText())
        .contains("HTTP Basic", "YYYY-MM-DD", "\"fields\"");
    assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
    // only /api/** and /public/api/**: not the engine REST API, /actuator, the webapps or the
    // public pages
    assertThat(iterable(doc.path("paths").fieldNames()))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).matches("/api/.*|/public/api/.*"));
    // /api needs HTTP Basic (the document's default); the public channel none
    assertThat(doc.path("security").toString()).contains("basicAuth");
    doc.path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (METHODS.contains(op.getKey()) && p.getKey().startsWith("/public/")) {
                            assertThat(
                                    op.getValue().path("security").isArray()
                                        && op.getValue().path("security").isEmpty())
                                .as(op.getKey() + " " + p.getKey() + " needs no login")
                                .isTrue();
                          }
                        }));
  }

  @Test
  void everyOperationHasAChineseSummaryAndTag() throws IOException {
    List<String> wanting = new ArrayList<>();
    document()
        .path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (!METHODS.contains(op.getKey())) {
                            return;
                          }
                          String summary = op.getValue().path("summary").asText("");
                          String tag = op.getValue().path("tags").path(0).asText("");
                          if (!chinese(summary) || !chinese(tag)) {
                            wanting.add(
                                op.getKey().toUpperCase(Locale.ROOT)
                                    + " "
                                    + p.getKey()
                                    + " summary="
                                    + summary
                                    + " tag="
                                    + tag);
                          }
                        }));
    assertThat(wanting).as("operations without a Chinese summary or tag").isEmpty();
  }

  @Test
  void everyPathOfApiMdIsDocumented() throws IOException {
    Set<String> documented = new TreeSet<>();
    document()
        .path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (METHODS.contains(m)) {
                            documented.add(m.toUpperCase(Locale.ROOT) + " " + template(p.getKey()));
                          }
                        }));
    List<String> listed = apiMdPaths();
    assertThat(listed).hasSizeGreaterThan(30);
    List<String> missing =
        listed.stream()
            .filter(
                line -> {
                  String[] mp = line.split(" ", 2);
                  return !documented.contains(mp[0] + " " + template(mp[1]));
                })
            .toList();
    assertThat(missing).as("API.md paths missing from /v3/api-docs").isEmpty();
  }

  /** "METHOD /path" lines of api-paths.txt (comments and blank lines skipped). */
  static List<String> apiMdPaths() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/api-paths.txt")) {
      assertThat(in).as("api-paths.txt").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  /** A path template with every variable's name dropped: /api/requests/{id} → /api/requests/{}. */
  static String template(String path) {
    return path.replaceAll("\\{[^}/]*}", "{}");
  }

  static boolean chinese(String s) {
    return s.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
