package org.disclosuredesk.agency;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.common.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A database without agencies (new, or from before the registry) gets the one of {@code
 * disclosure.agency.*}, and every Camunda user then present becomes its member, so a single-agency
 * platform works as before. Every agency is then a Camunda tenant (a database from before the
 * tenants gets them here). A lifecycle step, not an initializer: it runs after RoleSetup has made
 * the demo users and before the web server answers. Idempotent, so cluster nodes starting together
 * may all run it.
 */
@Component
class AgencySetup extends SetUpStep {

  private static final Logger log = LoggerFactory.getLogger(AgencySetup.class);

  private final AgencyRepository repository;
  private final AgencyProperties properties;
  private final IdentityService identity;
  private final BusinessClock clock;
  private final CamundaTenants tenants;
  private final String code;
  private final AgencyKind kind;

  AgencySetup(
      AgencyRepository repository,
      AgencyProperties properties,
      IdentityService identity,
      BusinessClock clock,
      CamundaTenants tenants,
      @Value("${disclosure.agency.code:AGENCY}") String code,
      @Value("${disclosure.agency.kind:DEPARTMENT}") AgencyKind kind) {
    this.repository = repository;
    this.properties = properties;
    this.identity = identity;
    this.clock = clock;
    this.tenants = tenants;
    this.code = code;
    this.kind = kind;
  }

  @Override
  void setUp() {
    if (repository.count() == 0) {
      createDefault();
    }
    repository.all().forEach(tenants::ensure);
  }

  private void createDefault() {
    String name = Objects.requireNonNullElse(properties.name(), "本机关");
    Agency agency =
        new Agency(
            code,
            name,
            name,
            kind,
            null,
            Objects.requireNonNullElse(properties.address(), ""),
            Objects.requireNonNullElse(properties.phone(), ""),
            null,
            Objects.requireNonNullElse(properties.reconsiderationBody(), ""),
            Objects.requireNonNullElse(properties.court(), ""),
            true);
    if (repository.insert(agency, LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0))) {
      log.info("default agency {} ({}) created from disclosure.agency.*", code, name);
    }
    // also when another node won the race: its members may not all be written yet, and adding is
    // idempotent
    int page = 0;
    while (true) {
      List<User> users = identity.createUserQuery().orderByUserId().asc().listPage(page * 500, 500);
      users.forEach(u -> repository.addMember(code, u.getId()));
      if (users.size() < 500) {
        break;
      }
      page++;
    }
  }

  /** Before the web server's lifecycle (Integer.MAX_VALUE - 1) starts taking requests. */
  @Override
  public int getPhase() {
    return 0;
  }
}
