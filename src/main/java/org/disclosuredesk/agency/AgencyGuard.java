package org.disclosuredesk.agency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.common.NotFoundException;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One gate for every staff endpoint on one request, appeal or submission (API.md "Agencies"): what
 * belongs to an agency the caller does not see answers 404, exactly as if it did not exist, before
 * any controller reads it. The roles are checked before this by the security configuration.
 */
@Configuration
class AgencyGuard implements HandlerInterceptor, WebMvcConfigurer {

  private final AgencyScope scope;
  private final AgencyOwnershipRepository ownership;

  AgencyGuard(AgencyScope scope, AgencyOwnershipRepository ownership) {
    this.scope = scope;
    this.ownership = ownership;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .addPathPatterns(
            "/api/requests/*",
            "/api/requests/*/**",
            "/api/appeals/*",
            "/api/appeals/*/**",
            "/api/submissions/*",
            "/api/submissions/*/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> vars)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<String> agency = Optional.empty();
    if (path.startsWith("/api/requests/") && vars.get("id") instanceof String id) {
      agency = ownership.ofRequest(id);
    } else if (path.startsWith("/api/appeals/")
        && vars.get("appealId") instanceof String appealId) {
      agency = ownership.ofAppeal(appealId);
    } else if (path.startsWith("/api/submissions/")
        && vars.get("number") instanceof String number) {
      agency = ownership.ofSubmission(number);
    }
    if (agency.isPresent()) {
      Authentication who = SecurityContextHolder.getContext().getAuthentication();
      if (!scope.visible(who).includes(agency.get())) {
        throw new NotFoundException("没有这件申请");
      }
    }
    return true;
  }
}
