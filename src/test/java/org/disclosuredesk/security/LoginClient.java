package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person on the login page, and a script with HTTP Basic, for the login tests. */
final class LoginClient {

  private LoginClient() {}

  /**
   * Posts the login form as a browser does; the page it ends on (the login page again when
   * refused).
   */
  static HttpResponse<String> loginForm(HttpClient http, int port, String user, String password)
      throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(uri(port, "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    Matcher t = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(t.find()).isTrue();
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri(port, "/login"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + user
                            + "&password="
                            + password
                            + "&_csrf="
                            + java.net.URLEncoder.encode(t.group(1), StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = post.headers().firstValue("Location").orElse("");
    String next =
        post.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElse(cookie);
    if (!location.contains("/login")) {
      return post; // signed in
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(location)).header("Cookie", next).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> basic(
      HttpClient http, int port, String path, String user, String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(port, path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
