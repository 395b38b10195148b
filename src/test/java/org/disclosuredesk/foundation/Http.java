package org.disclosuredesk.foundation;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A small java.net.http client for tests: Basic auth optional, no redirects, no cookie magic. */
public final class Http {

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;

  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The underlying client, for bodies other than text. */
  public HttpClient client() {
    return client;
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(auth(request(path), user, password).GET());
  }

  public HttpResponse<String> get(String path, String user) {
    return get(path, user, user);
  }

  public HttpResponse<String> postJson(String path, String json, String user) {
    return postJson(path, json, user, user);
  }

  public HttpResponse<String> postJson(String path, String json, String user, String password) {
    return send(
        auth(request(path), user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return client.send(
          builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest.Builder auth(HttpRequest.Builder b, String user, String password) {
    if (user != null) {
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    return b;
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The value of cookie {@code name} from the response's Set-Cookie headers, or null. */
  public static String cookie(HttpResponse<?> response, String name) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String first = header.split(";", 2)[0].trim();
      if (first.startsWith(name + "=")) {
        return first.substring(name.length() + 1);
      }
    }
    return null;
  }
}
