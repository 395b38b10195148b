package org.disclosuredesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the Spring-authenticated user to the engine for {@code /engine-rest/**}, so Camunda's own
 * authorizations decide per resource (e.g. a clerk creating a user gets 403), and with the user's
 * agencies as tenant ids, so Camunda's tenant check hides other agencies' instances, tasks and
 * history (DOMAIN.md §8).
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final AuthorizationService authorizations;
  private final EngineTenants tenants;

  public EngineAuthenticationFilter(
      IdentityService identityService, AuthorizationService authorizations, EngineTenants tenants) {
    this.identityService = identityService;
    this.authorizations = authorizations;
    this.tenants = tenants;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups =
        auth.getAuthorities().stream()
            .map(a -> a.getAuthority())
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> a.substring(5))
            .toList();
    // Camunda checks a new user's password against the policy before asking whether the caller may
    // create users at all: ask first, so that a clerk hears 403 (not allowed), not 400 (password
    // too weak)
    if ("POST".equals(request.getMethod())
        && request.getRequestURI().endsWith("/user/create")
        && !authorizations.isUserAuthorized(
            auth.getName(), groups, Permissions.CREATE, Resources.USER)) {
      response.setStatus(403);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write("{\"type\":\"AuthorizationException\",\"message\":\"当前用户无权创建用户\"}");
      return;
    }
    // memberships read per call: one the admin changes holds at once, on every node
    identityService.setAuthentication(auth.getName(), groups, tenants.of(auth.getName(), groups));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
