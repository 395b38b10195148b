package org.disclosuredesk.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every agency is a Camunda tenant of the same id, named as the agency (Camunda Admin lists them),
 * so that its instances can carry it (process.AgencyTenants). Idempotent: cluster nodes starting
 * together may all run it.
 */
@Component
class CamundaTenants {

  private static final Logger log = LoggerFactory.getLogger(CamundaTenants.class);

  private final IdentityService identity;

  CamundaTenants(IdentityService identity) {
    this.identity = identity;
  }

  void ensure(Agency agency) {
    Tenant existing = identity.createTenantQuery().tenantId(agency.code()).singleResult();
    if (existing == null) {
      try {
        Tenant tenant = identity.newTenant(agency.code());
        tenant.setName(agency.name());
        identity.saveTenant(tenant);
      } catch (RuntimeException e) {
        // another node created it at the same moment; anything else (an id the engine refuses) is
        // fatal
        if (identity.createTenantQuery().tenantId(agency.code()).count() == 0) {
          throw e;
        }
        log.info("tenant {} was created by another node", agency.code());
      }
    } else if (!agency.name().equals(existing.getName())) {
      existing.setName(agency.name());
      try {
        identity.saveTenant(existing);
      } catch (RuntimeException e) {
        log.info("tenant {} was renamed by another node", agency.code());
      }
    }
  }
}
