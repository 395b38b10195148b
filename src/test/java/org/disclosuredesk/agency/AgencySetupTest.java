package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.disclosuredesk.common.AgencyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A database without agencies gets the one of disclosure.agency.*, with every user then present its
 * member.
 */
@SpringBootTest
class AgencySetupTest {

  @Autowired Agencies agencies;
  @Autowired AgencySetup setup;
  @Autowired AgencyProperties properties;
  @Autowired IdentityService identity;

  @Test
  void theDefaultAgencyHasEveryUserAsMember() {
    Agency a = agencies.get("AGENCY");
    assertThat(a.name()).isEqualTo(properties.name());
    assertThat(a.address()).isEqualTo(properties.address());
    assertThat(a.phone()).isEqualTo(properties.phone());
    assertThat(a.reconsiderationBody()).isEqualTo(properties.reconsiderationBody());
    assertThat(a.court()).isEqualTo(properties.court());
    assertThat(a.active()).isTrue();
    // the users present at start-up (on a database of its own: all of them; a shared MySQL one may
    // have more since)
    List<String> users = identity.createUserQuery().list().stream().map(User::getId).toList();
    assertThat(users)
        .contains("admin", "clerk", "reviewer", "head", "manager", "monitor", "supervisor");
    assertThat(agencies.members("AGENCY"))
        .contains("admin", "clerk", "reviewer", "head", "manager", "monitor", "supervisor");

    // again (another node, a restart): nothing changes, nothing is doubled
    int before = agencies.members("AGENCY").size();
    setup.setUp();
    assertThat(agencies.members("AGENCY")).hasSize(before);
    assertThat(agencies.all().stream().filter(x -> x.code().equals("AGENCY"))).hasSize(1);
  }

  @Test
  void everyAgencyIsACamundaTenantAlsoOnADatabaseFromBefore() {
    assertThat(identity.createTenantQuery().tenantId("AGENCY").singleResult().getName())
        .isEqualTo(properties.name());
    // a database from before the tenants: the next start creates them
    identity.deleteTenant("AGENCY");
    setup.setUp();
    assertThat(identity.createTenantQuery().tenantId("AGENCY").singleResult().getName())
        .isEqualTo(properties.name());
    assertThat(identity.createTenantQuery().tenantId("AGENCY").count()).isEqualTo(1);
  }

  @Test
  void theSupervisingOfficeIsAGroupWithAChineseName() {
    assertThat(identity.createGroupQuery().groupId("supervisor").singleResult().getName())
        .isEqualTo("政府信息公开工作主管部门");
    assertThat(identity.createUserQuery().userId("supervisor").memberOfGroup("supervisor").count())
        .isEqualTo(1);
  }
}
