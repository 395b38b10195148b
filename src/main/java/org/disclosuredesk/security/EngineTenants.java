package org.disclosuredesk.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.kernel.Roles;
import org.springframework.stereotype.Component;

/**
 * The tenant ids a staff member carries into the engine (process.AgencyTenants): the agencies they
 * are a member of; the supervising office every agency (it reads all; its Camunda grants let it act
 * on none). Camunda's admin group is exempt from the tenant check anyway. Read from the database at
 * each sign-in and engine REST call.
 */
@Component
public class EngineTenants {

  private final AgencyScope scope;
  private final Agencies agencies;

  public EngineTenants(AgencyScope scope, Agencies agencies) {
    this.scope = scope;
    this.agencies = agencies;
  }

  public List<String> of(String userId, Collection<String> groups) {
    if (groups != null && (groups.contains(Roles.SUPERVISOR) || groups.contains(Roles.ADMIN))) {
      return agencies.all().stream().map(Agency::code).toList();
    }
    return new ArrayList<>(scope.memberships(userId));
  }
}
