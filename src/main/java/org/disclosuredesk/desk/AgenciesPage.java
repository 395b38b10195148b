package org.disclosuredesk.desk;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyKind;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's 机关 page ({@code /agencies}): the registry with each agency's staff, a form to add or
 * change an agency, and adding or removing a member. The page's script calls the agency API for
 * each change.
 */
@Controller
class AgenciesPage {

  record Row(
      Agency agency,
      String kindLabel,
      String parentName,
      boolean hasEmail,
      List<String> members,
      boolean noMembers) {}

  record KindOption(String value, String label) {}

  record Model(
      DeskLayout.Page page, List<Row> rows, List<KindOption> kinds, List<Agency> parents) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final Agencies agencies;

  AgenciesPage(DeskTemplates templates, DeskLayout layout, Agencies agencies) {
    this.templates = templates;
    this.layout = layout;
    this.agencies = agencies;
  }

  @GetMapping("/agencies")
  ResponseEntity<String> page(Authentication auth, HttpServletRequest request) {
    List<Agency> all = agencies.all();
    Map<String, String> names = all.stream().collect(Collectors.toMap(Agency::code, Agency::name));
    Map<String, List<String>> members = agencies.membersByAgency();
    List<Row> rows =
        all.stream()
            .map(
                a -> {
                  List<String> m = members.getOrDefault(a.code(), List.of());
                  return new Row(
                      a,
                      a.kind().label(),
                      a.parentCode() == null ? "" : names.getOrDefault(a.parentCode(), ""),
                      a.email() != null,
                      m,
                      m.isEmpty());
                })
            .toList();
    List<KindOption> kinds =
        java.util.Arrays.stream(AgencyKind.values())
            .map(k -> new KindOption(k.name(), k.label()))
            .toList();
    return templates.page(
        "agencies", new Model(layout.page("机关", "/agencies", auth, request), rows, kinds, all));
  }
}
