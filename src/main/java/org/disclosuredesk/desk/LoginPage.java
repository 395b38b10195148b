package org.disclosuredesk.desk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import org.disclosuredesk.security.SingleSignOn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one login page of every staff page: Chinese, with the product and the agency; single sign-on
 * when set up.
 */
@Controller
class LoginPage {

  record Message(String kind, String text) {}

  record Sso(List<DeskLayout.Link> links) {}

  record Model(DeskLayout.Page page, Message message, String username, Sso sso, long idleMinutes) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final SingleSignOn singleSignOn;
  private final Duration idleTimeout;

  LoginPage(
      DeskTemplates templates,
      DeskLayout layout,
      SingleSignOn singleSignOn,
      @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
    this.templates = templates;
    this.layout = layout;
    this.singleSignOn = singleSignOn;
    this.idleTimeout = idleTimeout;
  }

  /**
   * No icon, and no 404 for the browsers that ask anyway: a 404 goes through the error dispatch,
   * which in the first moments after sign-in raced the home page for the session's new CSRF token.
   */
  @GetMapping("/favicon.ico")
  ResponseEntity<Void> favicon() {
    return ResponseEntity.noContent()
        .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)))
        .build();
  }

  @GetMapping("/login")
  ResponseEntity<String> login(
      HttpServletRequest request,
      Authentication auth,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout,
      @RequestParam(required = false) String expired) {
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/").build();
    }
    Message message = null;
    String username = "";
    if (error != null) {
      HttpSession session = request.getSession(false);
      Object ex =
          session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      message = new Message("error", SingleSignOn.failureMessage(ex));
      if (session != null) {
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      }
    } else if (logout != null) {
      message = new Message("ok", "您已退出登录。");
    } else if (expired != null) {
      message = new Message("warn", "登录页面已过期，请重新输入用户名和密码。");
    }
    List<DeskLayout.Link> sso =
        singleSignOn.providers().stream()
            .map(p -> new DeskLayout.Link(p.label(), p.href(), false, false))
            .toList();
    return templates.page(
        "login",
        new Model(
            layout.anonymous("登录", request),
            message,
            username,
            sso.isEmpty() ? null : new Sso(sso),
            Math.max(1, idleTimeout.toMinutes())));
  }
}
