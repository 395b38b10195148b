package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins per client address: many names tried from one address stop that address, whoever
 * comes next.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "disclosure.login.failures-per-user=1000",
      "disclosure.login.failures-per-address=8"
    })
class LoginAddressLimitTest {

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void failuresPerAddressAreLimitedWhateverTheUserName() throws Exception {
    // every name different, all from this address: 8 failures, then even a real user's right
    // password waits
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = LoginClient.loginForm(http, port, "nobody" + i, "x");
      assertThat(r.body()).contains("用户名或密码错误");
    }
    assertThat(LoginClient.basic(http, port, "/api/requests", "clerk", "clerk").statusCode())
        .isEqualTo(429);
    assertThat(LoginClient.loginForm(http, port, "manager", "manager").body()).contains("登录失败次数过多");
  }
}
