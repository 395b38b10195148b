package org.disclosuredesk.agency;

import java.util.function.Supplier;
import org.disclosuredesk.kernel.Roles;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who reads /actuator: the admin and the monitoring account always; a manager only on a one-agency
 * platform, since the platform's metrics (open and overdue requests, mails, submissions) count
 * every agency's and a manager sees only their own (DOMAIN.md §8: "not even its count").
 */
@Component("metricsReaders")
class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final AgencyScope scope;

  MetricsAccess(AgencyScope scope) {
    this.scope = scope;
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication who = authentication.get();
    if (who == null || !who.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    if (AgencyScope.has(who, Roles.ADMIN) || AgencyScope.has(who, Roles.MONITORING)) {
      return new AuthorizationDecision(true);
    }
    return new AuthorizationDecision(AgencyScope.has(who, Roles.MANAGER) && !scope.several());
  }
}
