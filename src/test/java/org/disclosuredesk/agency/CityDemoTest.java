package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.foundation.CityContext;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.kernel.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Profile city: the city's five agencies below its government, four demo users each, the
 * supervising office.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {CityContext.PROFILE, CityContext.PORTAL})
@ContextConfiguration(initializers = CityContext.OwnSchema.class)
class CityDemoTest {

  @Autowired Agencies agencies;
  @Autowired CityDemo city;
  @Autowired IdentityService identity;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void theCityStartsWithItsAgenciesAndTheirUsers() {
    assertThat(environment.getActiveProfiles()).contains("city");
    Map<String, Agency> all =
        agencies.all().stream().collect(Collectors.toMap(Agency::code, a -> a));
    assertThat(all.keySet()).containsExactlyInAnyOrder("GOV", "RSJ", "ZRJ", "JYJ", "CGJD");
    assertThat(all.get("GOV").kind()).isEqualTo(AgencyKind.GOVERNMENT);
    assertThat(all.get("GOV").reconsiderationBody()).isEqualTo("示例省人民政府");
    // the default agency of disclosure.agency.* is the city's 人社局, now below the government
    assertThat(all.get("RSJ").name()).isEqualTo("示例市人力资源和社会保障局");
    assertThat(all.get("RSJ").parentCode()).isEqualTo("GOV");
    assertThat(all.get("RSJ").reconsiderationBody()).isEqualTo("示例市人民政府");
    assertThat(all.get("ZRJ").reconsiderationBody()).isEqualTo("示例市人民政府");
    assertThat(all.get("CGJD").kind()).isEqualTo(AgencyKind.OTHER);
    assertThat(all.values()).allMatch(Agency::active);

    for (String code : List.of("gov", "rsj", "zrj", "jyj", "cgjd")) {
      assertThat(agencies.members(code.toUpperCase()))
          .contains(code + "-clerk", code + "-reviewer", code + "-head", code + "-manager");
      assertThat(
              identity
                  .createUserQuery()
                  .userId(code + "-head")
                  .memberOfGroup(Roles.OFFICE_HEAD)
                  .count())
          .isEqualTo(1);
      assertThat(identity.checkPassword(code + "-clerk", code + "-clerk")).isTrue();
    }
    assertThat(agencies.members("ZRJ")).doesNotContain("rsj-clerk", "clerk");
    // the plain demo users stay the 人社局's; the supervising office is the government's
    assertThat(agencies.members("RSJ"))
        .contains("clerk", "reviewer", "head", "manager")
        .doesNotContain("supervisor");
    assertThat(agencies.members("GOV")).contains("supervisor");
    // they sign in with password = name (the demo accounts' exemption from the password policy)
    assertThat(new Http(port).get("/api/agencies", "zrj-reviewer").statusCode()).isEqualTo(200);

    // again (a restart, another node): nothing doubled, nothing moved back
    var members = agencies.membersByAgency();
    city.setUp();
    assertThat(agencies.all()).hasSize(5);
    assertThat(agencies.membersByAgency()).isEqualTo(members);
    assertThat(agencies.members("RSJ")).doesNotContain("supervisor");
  }
}
