package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code disclosure.portal.enabled=false}: every /public/** path answers 404; the staff side keeps
 * working.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"disclosure.test.context=portal-off", "disclosure.portal.enabled=false"})
class PortalDisabledTest {

  @LocalServerPort int port;

  @Test
  void everyPublicPathAnswers404() {
    Http http = new Http(port);
    for (String path :
        List.of(
            "/public",
            "/public/",
            "/public/apply",
            "/public/status",
            "/public/assets/portal.css",
            "/public/assets/altcha/altcha.js",
            "/public/api/challenge",
            "/public/api/applications/S20260101-000001",
            "/public/nothing")) {
      assertThat(http.get(path, null).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(
            http.send(
                    http.request("/public/api/applications")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode())
        .isEqualTo(404);
    // submissions already in are still the clerks' to confirm or reject
    assertThat(http.get("/api/submissions", "clerk").statusCode()).isEqualTo(200);
  }
}
