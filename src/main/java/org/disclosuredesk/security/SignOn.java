package org.disclosuredesk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.disclosuredesk.common.ApiError;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for every staff page: the Chinese login page ({@code /login}) opens a session that
 * our pages, Tasklist, Cockpit and Admin share, and {@code /logout} (or the webapps' 退出) ends it.
 * HTTP Basic stays for API clients: it never creates a session, needs no CSRF token, and is refused
 * when a browser sends it on another site's behalf.
 */
@Component
public class SignOn {

  private final ObjectMapper json;
  private final SingleSignOn singleSignOn;

  SignOn(ObjectMapper json, SingleSignOn singleSignOn) {
    this.json = json;
    this.singleSignOn = singleSignOn;
  }

  void configure(HttpSecurity http) throws Exception {
    http.formLogin(
            f ->
                f.loginPage("/login")
                    .loginProcessingUrl("/login")
                    // the reason (wrong password, too many attempts) is kept in the session for the
                    // login page to show
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        // a browser session's writes carry the page's token (and the login form's, against login
        // forgery); Basic calls carry no cookie a forger could borrow, and those a browser sends
        // cross-site are refused by the filter below; a call with neither is anonymous and gets its
        // 401
        .csrf(
            c ->
                c.requireCsrfProtectionMatcher(
                    r ->
                        CrossSite.stateChanging(r)
                            && !CrossSite.basic(r)
                            && (r.getRequestedSessionId() != null
                                || "/login".equals(r.getServletPath())
                                || "/logout".equals(r.getServletPath()))))
        .requestCache(c -> c.requestCache(pageRequestCache()))
        .addFilterBefore(new CrossSiteBasicFilter(json), BasicAuthenticationFilter.class);
    singleSignOn.configure(http);
  }

  /**
   * Only a page the user navigated to is remembered for after the login (never an API call: no
   * session for it).
   */
  static RequestCache pageRequestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(pageNavigation());
    cache.setMatchingRequestParameterName(null);
    return cache;
  }

  static RequestMatcher pageNavigation() {
    return r ->
        "GET".equals(r.getMethod())
            && r.getHeader("Accept") != null
            && r.getHeader("Accept").contains("text/html");
  }

  static AuthenticationEntryPoint loginPage() {
    return new LoginUrlAuthenticationEntryPoint("/login");
  }

  static RequestMatcher sameSite(RequestMatcher matcher) {
    return r -> matcher.matches(r) && !CrossSite.crossSite(r);
  }

  /**
   * 401 in the API's shape; the Basic challenge only for clients that are not browsers, whose
   * password dialog would cover the login page. Too many failed logins: 429 with the wait.
   */
  static void unauthorized(
      HttpServletRequest req,
      HttpServletResponse res,
      ObjectMapper json,
      AuthenticationException ex)
      throws IOException {
    if (ex instanceof LoginAttempts.Throttled t) {
      res.setHeader("Retry-After", Long.toString(Math.max(1, t.retryAfter().getSeconds())));
      SecurityConfig.write(res, json, 429, new ApiError("TOO_MANY_REQUESTS", t.getMessage(), null));
      return;
    }
    if (!CrossSite.fromBrowser(req)) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"Disclosure Desk\", charset=\"UTF-8\"");
    }
    String message = CrossSite.basic(req) ? "用户名或密码错误" : "需要登录：请在登录页登录，API 客户端请使用 HTTP Basic";
    SecurityConfig.write(res, json, 401, new ApiError("UNAUTHORIZED", message, null));
  }

  static void denied(
      HttpServletRequest req, HttpServletResponse res, ObjectMapper json, AccessDeniedException ex)
      throws IOException {
    if (ex instanceof CsrfException) {
      if ("/login".equals(req.getServletPath())) {
        // the login form outlived its session (idle timeout): a fresh form, said so
        res.sendRedirect(req.getContextPath() + "/login?expired");
        return;
      }
      SecurityConfig.write(
          res, json, 403, new ApiError("CSRF", "请求缺少有效的防跨站令牌：请刷新页面后重试（登录可能已超时）", null));
      return;
    }
    SecurityConfig.write(res, json, 403, new ApiError("FORBIDDEN", "当前用户的角色无权执行此操作", null));
  }

  /** A write with Basic credentials that a browser sends for another site: 403, nothing done. */
  static final class CrossSiteBasicFilter extends OncePerRequestFilter {
    private final ObjectMapper json;

    CrossSiteBasicFilter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws ServletException, IOException {
      if (CrossSite.stateChanging(req) && CrossSite.basic(req) && CrossSite.crossSite(req)) {
        SecurityConfig.write(
            res, json, 403, new ApiError("CROSS_SITE", "已拒绝：浏览器代其他网站发来的修改请求不予执行", null));
        return;
      }
      chain.doFilter(req, res);
    }
  }
}
