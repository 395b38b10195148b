package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

/**
 * Tasklist, Cockpit and Admin, opened by many people at once, each name in their page the nonce
 * their Content-Security-Policy allows; with Camunda's shared nonce a busy server served pages
 * whose scripts the browser refused (a blank app); and the first requests of one session, each
 * adding Camunda's authentication to it, all succeed ({@link SessionAttributeUpsert}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CamundaPageNonceTest {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");

  @LocalServerPort int port;

  @Test
  void everyPageServedAtOnceCarriesItsOwnHeadersNonce() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> home = LoginClient.loginForm(http, port, "admin", "admin");
    // the session the login started (a new one after sign-in, against session fixation)
    String session =
        cookieOf(home).orElseGet(() -> home.request().headers().firstValue("Cookie").orElseThrow());

    ExecutorService people = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<String>>> visits = new ArrayList<>();
      for (int person = 0; person < 8; person++) {
        visits.add(() -> openApps(http, session, 15));
      }
      List<String> mismatches = new ArrayList<>();
      for (Future<List<String>> f : people.invokeAll(visits)) {
        mismatches.addAll(f.get());
      }
      assertThat(mismatches).isEmpty();
    } finally {
      people.shutdownNow();
    }
  }

  @Test
  void theNonceLivesOnTheRequestAndEverythingElseOnTheSharedContext() {
    MockServletContext shared = new MockServletContext();
    MockHttpServletRequest first = new MockHttpServletRequest(shared);
    MockHttpServletRequest second = new MockHttpServletRequest(shared);
    var firstContext = CamundaPageNonce.perRequest(shared, first);
    var secondContext = CamundaPageNonce.perRequest(shared, second);

    firstContext.setAttribute(CamundaPageNonce.NONCE, "one");
    secondContext.setAttribute(CamundaPageNonce.NONCE, "two");
    assertThat(firstContext.getAttribute(CamundaPageNonce.NONCE)).isEqualTo("one");
    assertThat(secondContext.getAttribute(CamundaPageNonce.NONCE)).isEqualTo("two");
    assertThat(shared.getAttribute(CamundaPageNonce.NONCE)).isNull();
    secondContext.removeAttribute(CamundaPageNonce.NONCE);
    assertThat(second.getAttribute(CamundaPageNonce.NONCE)).isNull();
    assertThat(first.getAttribute(CamundaPageNonce.NONCE)).isEqualTo("one");

    firstContext.setAttribute("other", "kept");
    assertThat(shared.getAttribute("other")).isEqualTo("kept");
    assertThat(secondContext.getAttribute("other")).isEqualTo("kept");
    assertThat(firstContext.getContextPath()).isEqualTo(shared.getContextPath());
  }

  /** One person opening the three apps {@code rounds} times; what did not match. */
  private List<String> openApps(HttpClient http, String session, int rounds) throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      for (String app : APPS) {
        HttpResponse<String> page =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/camunda/app/" + app + "/default/"))
                    .header("Cookie", session)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(app).isEqualTo(200);
        Matcher header =
            HEADER_NONCE.matcher(
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertThat(header.find()).as(app + " CSP names a nonce").isTrue();
        Matcher scripts = PAGE_NONCE.matcher(page.body());
        int count = 0;
        while (scripts.find()) {
          count++;
          if (!scripts.group(1).equals(header.group(1))) {
            mismatches.add(app + ": header " + header.group(1) + ", page " + scripts.group(1));
          }
        }
        assertThat(count).as(app + " scripts with a nonce").isGreaterThan(0);
      }
    }
    return mismatches;
  }

  private static java.util.Optional<String> cookieOf(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst();
  }
}
