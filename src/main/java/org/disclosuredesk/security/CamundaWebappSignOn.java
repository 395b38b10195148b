package org.disclosuredesk.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist, Cockpit and Admin trust our login page: Camunda's documented container-based
 * authentication reads the user Spring Security signed in ({@code request.getUserPrincipal()}) and
 * puts it, with the user's groups and their agencies as tenant ids ({@link EngineTenants}), into
 * Camunda's own session authentication. Registered right after Spring Security's filter and before
 * Camunda's (which the webapp starter appends after ours).
 *
 * <p>Camunda's authentication cache would refresh groups and tenants from its own identity tables,
 * where agencies are no tenant memberships, and so drop them; it is switched off ({@code
 * camunda.bpm.webapp.auth.cache.ttl-enabled} false) and this filter builds the authentication
 * afresh at the same interval instead ({@code time-to-live}).
 */
@Configuration
class CamundaWebappSignOn {

  @Bean
  FilterRegistrationBean<SignOnFilter> camundaWebappSignOnFilter(
      EngineTenants tenants,
      @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long refreshMillis) {
    FilterRegistrationBean<SignOnFilter> bean =
        new FilterRegistrationBean<>(
            new SignOnFilter(new AgencyTenantsProvider(tenants), refreshMillis));
    bean.setName("Disclosure Desk sign-on");
    bean.addUrlPatterns("/camunda/*");
    bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return bean;
  }

  /** The signed-in user, with their Camunda groups and their agencies as tenants. */
  static class AgencyTenantsProvider extends ContainerBasedAuthenticationProvider {
    private final EngineTenants tenants;

    AgencyTenantsProvider(EngineTenants tenants) {
      this.tenants = tenants;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(
        HttpServletRequest request, ProcessEngine engine) {
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        List<String> groups =
            AuthenticationUtil.getGroupsOfUser(engine, result.getAuthenticatedUser());
        result.setGroups(groups);
        result.setTenants(tenants.of(result.getAuthenticatedUser(), groups));
      }
      return result;
    }
  }

  /**
   * Camunda's filter, which also renews a session's authentication once it is {@code refresh} old.
   */
  static class SignOnFilter extends ContainerBasedAuthenticationFilter {
    private final Duration refresh;

    SignOnFilter(AgencyTenantsProvider provider, long refreshMillis) {
      this.authenticationProvider = provider;
      this.refresh = Duration.ofMillis(refreshMillis);
    }

    /** The provider is ours, given above, not a class named in an init parameter. */
    @Override
    public void init(FilterConfig config) {}

    @Override
    protected boolean existisAuthentication(
        Authentications authentications, String engineName, String username) {
      Authentication current = authentications.getAuthenticationForProcessEngine(engineName);
      return super.existisAuthentication(authentications, engineName, username)
          && current instanceof UserAuthentication user
          && user.getCacheValidationTime() != null
          && new Date().before(user.getCacheValidationTime());
    }

    @Override
    protected UserAuthentication createAuthentication(
        ProcessEngine engine, String username, List<String> groups, List<String> tenants) {
      UserAuthentication created = super.createAuthentication(engine, username, groups, tenants);
      if (created != null) {
        created.setCacheValidationTime(new Date(System.currentTimeMillis() + refresh.toMillis()));
      }
      return created;
    }
  }
}
