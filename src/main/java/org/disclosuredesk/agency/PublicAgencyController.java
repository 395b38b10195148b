package org.disclosuredesk.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agencies an applicant may apply to (the online channel's form and guide): public facts only.
 */
@Tag(name = ApiDocumentation.PUBLIC)
@RestController
@ConditionalOnProperty(
    name = "disclosure.portal.enabled",
    havingValue = "true",
    matchIfMissing = true)
class PublicAgencyController {

  record PublicAgency(String code, String name, String address, String phone) {}

  private final Agencies agencies;

  PublicAgencyController(Agencies agencies) {
    this.agencies = agencies;
  }

  @Operation(
      summary = "可申请的机关",
      description =
          """
      无需登录。受理申请的机关（不含已撤销的）：`[{code, name, address, phone}]`，供网上申请表选择。""")
  @GetMapping("/public/api/agencies")
  List<PublicAgency> list() {
    return agencies.active().stream()
        .map(a -> new PublicAgency(a.code(), a.name(), a.address(), a.phone()))
        .toList();
  }
}
