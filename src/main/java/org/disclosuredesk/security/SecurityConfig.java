package org.disclosuredesk.security;

import static org.disclosuredesk.kernel.Roles.ADMIN;
import static org.disclosuredesk.kernel.Roles.CLERK;
import static org.disclosuredesk.kernel.Roles.MANAGER;
import static org.disclosuredesk.kernel.Roles.OFFICE_HEAD;
import static org.disclosuredesk.kernel.Roles.REVIEWER;
import static org.disclosuredesk.kernel.Roles.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.common.ApiError;
import org.disclosuredesk.kernel.Roles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The Camunda webapps keep their own session login, CSRF token and security
 * headers; our API and the engine REST API take HTTP Basic against the Camunda identity service.
 * Nothing is anonymous but health.
 */
@Configuration
public class SecurityConfig {

  private static final String[] STAFF = Roles.STAFF.toArray(String[]::new);

  /**
   * The public channel ({@code /public/**}): no login, no session, no cookie (so no CSRF); strict
   * security headers and a Content-Security-Policy that allows nothing but our own scripts, styles
   * and the ALTCHA worker.
   */
  @Bean
  @Order(0)
  SecurityFilterChain publicChannel(HttpSecurity http) throws Exception {
    return http.securityMatcher(new OrRequestMatcher(path("/public/**"), path("/public")))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable())
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(PUBLIC_CSP))
                    .referrerPolicy(
                        r ->
                            r.policy(
                                org.springframework.security.web.header.writers
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .frameOptions(f -> f.deny())
                    .permissionsPolicyHeader(
                        p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                    .crossOriginOpenerPolicy(
                        c ->
                            c.policy(
                                org.springframework.security.web.header.writers
                                    .CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy
                                    .SAME_ORIGIN))
                    .crossOriginResourcePolicy(
                        c ->
                            c.policy(
                                org.springframework.security.web.header.writers
                                    .CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy
                                    .SAME_ORIGIN)))
        .build();
  }

  /**
   * What the public pages may load: only what we serve (ALTCHA's worker too), no inline script or
   * style.
   */
  static final String PUBLIC_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none';"
          + " object-src 'none'";

  /**
   * Tasklist, Cockpit, Admin: signed in on our login page. Camunda's webapps trust that login
   * through its ContainerBasedAuthenticationFilter ({@link #camundaWebappSignOn}); Camunda's CSRF
   * filter and headers stay on its paths. Camunda's own login API is closed (it would bypass the
   * login limits), and its log-out ends our session.
   */
  @Bean
  @Order(1)
  SecurityFilterChain webapps(HttpSecurity http, ObjectMapper json) throws Exception {
    RequestMatcher camundaApi = path("/camunda/api/**");
    return http
        // path matchers, not MVC ones: /camunda/api/** is served by Camunda's JAX-RS servlet, not
        // the DispatcherServlet, and an MVC matcher silently misses it
        .securityMatcher(
            new OrRequestMatcher(
                path("/camunda/**"), path("/camunda-welcome"), path("/camunda-welcome/**")))
        .authorizeHttpRequests(
            a ->
                a
                    // Camunda's English community page is not ours to show
                    .requestMatchers(path("/camunda-welcome"), path("/camunda-welcome/**"))
                    .denyAll()
                    .requestMatchers(path("/camunda/api/admin/auth/user/*/login/**"))
                    .denyAll()
                    // the apps' scripts, styles and translations are no secret (Camunda serves them
                    // to anyone)
                    .requestMatchers(
                        path("/camunda/app/*/scripts/**"),
                        path("/camunda/app/*/styles/**"),
                        path("/camunda/app/*/locales/**"))
                    .permitAll()
                    .anyRequest()
                    .hasAnyRole(STAFF))
        .csrf(c -> c.disable())
        .headers(h -> h.disable())
        .requestCache(c -> c.requestCache(SignOn.pageRequestCache()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        (req, res, ex) -> SignOn.unauthorized(req, res, json, ex), camundaApi)
                    .defaultAuthenticationEntryPointFor(
                        SignOn.loginPage(), AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            write(
                                res, json, 403, new ApiError("FORBIDDEN", "当前用户的角色无权使用此功能", null))))
        // the webapps' 退出 button posts here: one log-out ends the whole session (ours and Camunda's
        // in it)
        .logout(
            l ->
                l.logoutRequestMatcher(
                        SignOn.sameSite(
                            PathPatternRequestMatcher.withDefaults()
                                .matcher(POST, "/camunda/api/admin/auth/user/*/logout")))
                    .logoutSuccessHandler((req, res, auth) -> write(res, json, 200, null)))
        .build();
  }

  /**
   * The staff desk, our API, engine REST and actuator: the login page's session, or HTTP Basic for
   * API clients.
   */
  @Bean
  @Order(2)
  SecurityFilterChain staff(
      HttpSecurity http,
      ObjectMapper json,
      IdentityService identityService,
      LoginAttempts attempts,
      SignOn signOn,
      @Qualifier("metricsReaders") AuthorizationManager<RequestAuthorizationContext> metricsReaders)
      throws Exception {
    http.authenticationProvider(
        new CamundaIdentityAuthenticationProvider(identityService, attempts));
    signOn.configure(http);
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers(GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(path("/login"), path("/desk/assets/**"), path("/favicon.ico"))
                    .permitAll()
                    // the online channel's submissions: the clerk works them; uploads are seen by
                    // those who handle requests
                    .requestMatchers(GET, "/api/submissions/*/attachments/*")
                    .hasAnyRole(CLERK, REVIEWER, OFFICE_HEAD, ADMIN)
                    .requestMatchers("/api/submissions", "/api/submissions/**", "/submissions")
                    .hasAnyRole(CLERK, ADMIN)
                    // registration and the clerk's records of what arrived; the ledger in
                    .requestMatchers(POST, "/api/requests")
                    .hasAnyRole(CLERK, ADMIN)
                    .requestMatchers("/api/ledger/**")
                    .hasAnyRole(CLERK, ADMIN)
                    .requestMatchers(
                        POST,
                        "/api/requests/*/supplement",
                        "/api/requests/*/consultation/reply",
                        "/api/requests/*/fee-payment",
                        "/api/requests/*/withdrawal")
                    .hasAnyRole(CLERK, ADMIN)
                    // the office head's approvals
                    .requestMatchers(
                        POST,
                        "/api/requests/*/extension/decision",
                        "/api/requests/*/custom-period",
                        "/api/requests/*/sign-off")
                    .hasAnyRole(OFFICE_HEAD, ADMIN)
                    // 督办: the supervising office's only write (DOMAIN.md §8)
                    .requestMatchers(POST, "/api/requests/*/supervision-notice")
                    .hasRole(SUPERVISOR)
                    // handling
                    .requestMatchers(
                        POST,
                        "/api/requests/*/screening",
                        "/api/requests/*/supplement-request",
                        "/api/requests/*/consultation",
                        "/api/requests/*/extension",
                        "/api/requests/*/fee-notice",
                        "/api/requests/*/decision",
                        "/api/requests/*/appeals",
                        "/api/requests/*/letters/**",
                        "/api/appeals/*/result",
                        "/api/appeals/*/submission",
                        "/api/appeals/*/rehandling")
                    .hasAnyRole(REVIEWER, ADMIN)
                    // the supervising office reads every agency's statistics and changes none
                    // (DOMAIN.md §8)
                    .requestMatchers(GET, "/api/statistics/**", "/reports/**")
                    .hasAnyRole(MANAGER, Roles.SUPERVISOR, ADMIN)
                    .requestMatchers("/api/statistics/**", "/reports/**")
                    .hasAnyRole(MANAGER, ADMIN)
                    .requestMatchers(POST, "/api/calendar/**")
                    .hasRole(ADMIN)
                    .requestMatchers(PUT, "/api/calendar/**")
                    .hasRole(ADMIN)
                    .requestMatchers("/calendar", "/calendar/**", "/backup")
                    .hasRole(ADMIN)
                    // the agency registry: any staff member reads it, the admin keeps it
                    .requestMatchers(GET, "/api/agencies")
                    .hasAnyRole(STAFF)
                    .requestMatchers("/api/agencies", "/api/agencies/**", "/agencies")
                    .hasRole(ADMIN)
                    // operations (the online backup): admins only, whatever the method
                    .requestMatchers("/api/admin/**")
                    .hasRole(ADMIN)
                    .requestMatchers(GET, "/api/**")
                    .hasAnyRole(STAFF)
                    .requestMatchers("/api/**")
                    .hasRole(ADMIN)
                    // the OpenAPI document and its UI (apidocs): staff only; never under /public,
                    // which faces the internet
                    .requestMatchers(
                        path("/v3/api-docs"),
                        path("/v3/api-docs/**"),
                        path("/swagger-ui.html"),
                        path("/swagger-ui/**"))
                    .hasAnyRole(STAFF)
                    // engine REST: any staff member; Camunda's authorizations decide per resource
                    .requestMatchers(path("/engine-rest/**"))
                    .hasAnyRole(STAFF)
                    // the platform's metrics count every agency's requests: a manager reads them
                    // only on a one-agency platform
                    .requestMatchers("/actuator/**")
                    .access(metricsReaders)
                    // the home: anyone signed in (the monitoring account's says what it may read)
                    .requestMatchers(GET, "/")
                    .authenticated()
                    // the desk's other pages (the user guide): any staff member
                    .anyRequest()
                    .hasAnyRole(STAFF))
        .httpBasic(
            b ->
                b.realmName("Disclosure Desk")
                    .authenticationEntryPoint(
                        (req, res, e) -> SignOn.unauthorized(req, res, json, e)))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(SignOn.loginPage(), SignOn.pageNavigation())
                    .defaultAuthenticationEntryPointFor(
                        (req, res, ex) -> SignOn.unauthorized(req, res, json, ex),
                        AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler((req, res, ex) -> SignOn.denied(req, res, json, ex)))
        .headers(
            h ->
                h
                    // our pages as strict as the public ones (no inline script or style); Swagger
                    // UI styles itself inline
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(SWAGGER),
                            new ContentSecurityPolicyHeaderWriter(PUBLIC_CSP)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            SWAGGER, new ContentSecurityPolicyHeaderWriter(SWAGGER_CSP)))
                    .referrerPolicy(
                        r ->
                            r.policy(
                                org.springframework.security.web.header.writers
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.deny()))
        .build();
  }

  private static final RequestMatcher SWAGGER =
      new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**"));

  static final String SWAGGER_CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(
      IdentityService identityService,
      org.camunda.bpm.engine.AuthorizationService authorizations,
      EngineTenants tenants) {
    FilterRegistrationBean<EngineAuthenticationFilter> bean =
        new FilterRegistrationBean<>(
            new EngineAuthenticationFilter(identityService, authorizations, tenants));
    bean.addUrlPatterns("/engine-rest/*");
    // after Spring Security's chain (order -100), before Jersey
    bean.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return bean;
  }

  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static void write(HttpServletResponse res, ObjectMapper json, int status, ApiError body)
      throws IOException {
    res.setStatus(status);
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    json.writeValue(res.getOutputStream(), body);
  }
}
