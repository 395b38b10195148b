package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No cross-site writes: every state-changing staff endpoint (found in the application's own
 * mappings, so a new one is covered the day it is added: every /api POST, PUT and DELETE, the
 * ledger import, freeze, backup, rebuild, letter regeneration, the calendar, the manager page's
 * table 二) is posted to from another site, once by a browser holding a signed-in session and once
 * by a browser holding cached Basic credentials. Each answers 403 and the database is the same
 * afterwards. The same calls from our own pages (session with its token) and from a script (Basic,
 * no browser headers) still work, so the refusals are not a blanket block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrossSiteWritesTest {

  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyStaffWriteFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
    String requestId = registerRequest();
    String letterId =
        jdbc.sql("SELECT id FROM dd_letter WHERE request_id = ? ORDER BY created_at LIMIT 1")
            .param(requestId)
            .query(String.class)
            .optional()
            .orElse("no-letter");
    Map<String, String> values =
        Map.of(
            "id",
            requestId,
            "year",
            "2026",
            "letterId",
            letterId,
            "appealId",
            "x",
            "submissionNumber",
            "W-2026-000001",
            "file",
            "2026",
            "code",
            "AGENCY",
            "userId",
            "clerk");
    List<String[]> writes = stateChangingStaffEndpoints(values);
    assertThat(writes)
        .extracting(w -> w[1])
        .contains(
            "/api/statistics/2026/freeze",
            "/api/admin/backup",
            "/api/statistics/tallies/rebuild",
            "/api/ledger/import",
            "/api/calendar/2026",
            "/api/requests/" + requestId + "/letters/" + letterId + "/regenerate",
            "/api/requests",
            "/reports/2026/proactive",
            "/api/agencies",
            "/api/agencies/AGENCY",
            "/api/agencies/AGENCY/members/clerk");

    String session = signIn("admin");
    String before = snapshot();
    List<String> accepted = new ArrayList<>();
    for (String[] w : writes) {
      for (boolean basic : new boolean[] {false, true}) {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + w[1]))
                .method(
                    w[0],
                    HttpRequest.BodyPublishers.ofString("a=b&approved=true&decidedOn=2026-05-07"))
                // what a form on http://evil.example sends: its origin, a cross-site fetch,
                // form-encoded
                .header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (basic) {
          b.header("Authorization", basic("admin", "admin"));
        } else {
          b.header("Cookie", "JSESSIONID=" + session);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 403) {
          accepted.add(
              w[0] + " " + w[1] + (basic ? " (Basic)" : " (session)") + " -> " + r.statusCode());
        }
      }
    }
    assertThat(accepted).as("cross-site writes not refused").isEmpty();
    assertThat(snapshot()).as("nothing changed").isEqualTo(before);

    // the same writes from our own pages and from a script do work
    String token = csrfToken(session);
    HttpResponse<String> fromPage =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/statistics/2026/freeze"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "JSESSIONID=" + session)
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .header("X-CSRF-TOKEN", token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(fromPage.statusCode()).isEqualTo(201);
    HttpResponse<String> fromScript =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/statistics/tallies/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", basic("admin", "admin"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(fromScript.statusCode()).isBetween(200, 299);
    // a session's write without its token is refused even from our own origin
    HttpResponse<String> noToken =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/statistics/2026/freeze"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "JSESSIONID=" + session)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("防跨站令牌");
  }

  /**
   * Every POST, PUT, DELETE and PATCH mapping outside the public channel, with its path variables
   * filled in.
   */
  private List<String[]> stateChangingStaffEndpoints(Map<String, String> values) {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/public") || pattern.equals("/login") || pattern.equals("/error")) {
          continue;
        }
        for (RequestMethod m : methods) {
          if (Set.of(
                  RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH)
              .contains(m)) {
            Matcher v = PATH_VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (v.find()) {
              v.appendReplacement(
                  path, Matcher.quoteReplacement(values.getOrDefault(v.group(1), "x")));
            }
            v.appendTail(path);
            out.add(m.name() + " " + path);
          }
        }
      }
    }
    return out.stream().map(s -> s.split(" ", 2)).toList();
  }

  /** Every row of our tables and the engine's runtime and identity tables, as text. */
  private String snapshot() {
    StringBuilder all = new StringBuilder();
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE (LOWER(table_name) LIKE"
                    + " 'dd\\_%' OR UPPER(table_name) LIKE 'ACT\\_RU\\_%' OR UPPER(table_name) LIKE 'ACT\\_ID\\_%')"
                    + " AND table_schema = "
                    + (isH2() ? "'PUBLIC'" : "DATABASE()")
                    + " ORDER BY table_name")
            .query(String.class)
            .list();
    assertThat(tables).isNotEmpty();
    for (String t : tables) {
      if (t.equalsIgnoreCase("dd_rate_bucket")
          || t.equalsIgnoreCase("dd_schema_history")
          || t.toLowerCase(java.util.Locale.ROOT).startsWith("dd_session")) {
        continue; // the login limits' counters, Flyway's own, the sessions' last access
      }
      all.append(t)
          .append(':')
          .append(jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single())
          .append('\n');
      jdbc
          .sql("SELECT * FROM " + t)
          .query(
              (rs, i) -> {
                int n = rs.getMetaData().getColumnCount();
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= n; c++) {
                  Object o = rs.getObject(c);
                  if (o instanceof java.sql.Clob clob) {
                    o = clob.getSubString(1, (int) clob.length());
                  } else if (o instanceof java.sql.Blob blob) {
                    o = blob.getBytes(1, (int) blob.length());
                  }
                  row.add(
                      o instanceof byte[] bytes
                          ? Base64.getEncoder().encodeToString(bytes)
                          : String.valueOf(o));
                }
                return String.join("|", row);
              })
          .list()
          .stream()
          .sorted()
          .forEach(r -> all.append(r).append('\n'));
    }
    return all.toString();
  }

  private boolean isH2() {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'")
            .query(Long.class)
            .single()
        > 0;
  }

  private String registerRequest() throws Exception {
    String body =
        "{\"channel\":\"IN_PERSON\",\"arrivedOn\":\"2026-03-02\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
            + "\"name\":\"跨站测试\",\"email\":\"a@example.cn\"},\"description\":\"申请公开某文件\"}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("clerk", "clerk"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  /** Signs in on the login page, as a browser does; the session cookie. */
  private String signIn(String user) throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = cookie(page);
    Matcher t = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(t.find()).isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", user);
    form.put("password", user);
    form.put("_csrf", t.group(1));
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return cookie(login);
  }

  /** The token the layout of a signed-in page carries. */
  private String csrfToken(String session) throws Exception {
    HttpResponse<String> home =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", "JSESSIONID=" + session)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher t =
        Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(home.body());
    assertThat(t.find()).as(home.body()).isTrue();
    return t.group(1);
  }

  private static String cookie(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
