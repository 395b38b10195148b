package org.disclosuredesk.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.security.PersonalData;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger page {@code /ledger}: any staff member searches the requests (names masked for
 * managers) and exports what they found; clerks also import an old ledger (template, dry run,
 * import: the API does the work).
 */
@Controller
public class LedgerPage {

  static final int SHOWN = 100;

  record Filter(String q, String year, String status, boolean overdue, String agency) {}

  record Option(String value, String label, boolean selected) {}

  record Item(
      String trackingNumber,
      String agency,
      String applicant,
      String receivedOn,
      String dueOn,
      String status,
      String concludedOn,
      String outcome) {}

  /**
   * {@code agencies}: the agencies to narrow the list to, offered when the caller sees more than
   * one (the supervising office, a member of several); {@code importAgencies}: the clerk's agencies
   * to import for, when there are several.
   */
  record Model(
      DeskLayout.Page page,
      Filter filter,
      List<Option> statuses,
      List<Item> items,
      boolean hasItems,
      long total,
      boolean more,
      int shown,
      String error,
      String exportXlsx,
      String exportCsv,
      boolean mayImport,
      List<Option> agencies,
      boolean severalAgencies,
      List<Option> importAgencies,
      boolean chooseImportAgency) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final LedgerSearchRepository search;
  private final BusinessClock clock;
  private final AgencyScope agencies;
  private final org.disclosuredesk.agency.Agencies registry;

  LedgerPage(
      DeskTemplates templates,
      DeskLayout layout,
      LedgerSearchRepository search,
      BusinessClock clock,
      AgencyScope agencies,
      org.disclosuredesk.agency.Agencies registry) {
    this.registry = registry;
    this.agencies = agencies;
    this.templates = templates;
    this.layout = layout;
    this.search = search;
    this.clock = clock;
  }

  @GetMapping("/ledger")
  ResponseEntity<String> page(
      Authentication auth,
      HttpServletRequest request,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String agency) {
    AgencyScope.Visible visible = agencies.visible(auth);
    Map<String, String> names = new java.util.LinkedHashMap<>();
    registry.all().stream()
        .filter(a -> visible.includes(a.code()))
        .forEach(a -> names.put(a.code(), a.name()));
    String chosen = agency != null && names.containsKey(agency.strip()) ? agency.strip() : "";
    Filter filter =
        new Filter(
            q == null ? "" : q.strip(),
            year == null ? "" : year.strip(),
            status == null ? "" : status,
            "true".equals(overdue),
            chosen);
    String error = null;
    Integer y = null;
    if (!filter.year().isEmpty()) {
      try {
        y = Integer.parseInt(filter.year());
      } catch (NumberFormatException e) {
        error = "受理年份应为四位数字，如 2025";
      }
    }
    if (filter.q().length() > 200) {
      error = "检索词不能超过 200 个字符";
    } else if (LedgerSearchRepository.terms(filter.q()).size() > LedgerSearchRepository.MAX_TERMS) {
      error = "最多 " + LedgerSearchRepository.MAX_TERMS + " 个检索词（以空格分隔）";
    }
    String s =
        java.util.Arrays.stream(RequestStatus.values())
            .map(Enum::name)
            .filter(filter.status()::equals)
            .findFirst()
            .orElse(null);
    List<Item> items = List.of();
    long total = 0;
    if (error == null) {
      List<String> terms = LedgerSearchRepository.terms(filter.q());
      var found =
          search.page(
              chosen.isEmpty() ? visible.filter() : List.of(chosen),
              y,
              s,
              filter.overdue() ? Boolean.TRUE : null,
              terms,
              clock.today(),
              0,
              SHOWN);
      boolean masked = PersonalData.masked(auth);
      items =
          found.items().stream()
              .map(
                  i ->
                      new Item(
                          i.trackingNumber(),
                          names.getOrDefault(i.agencyCode(), ""),
                          masked ? PersonalData.maskName(i.applicantName()) : i.applicantName(),
                          text(i.receivedOn()),
                          text(i.dueOn()),
                          RequestStatus.labelOf(i.status()),
                          text(i.concludedOn()),
                          i.outcome() == null ? "" : Outcome.valueOf(i.outcome()).label()))
              .toList();
      total = found.total();
    }
    List<Option> statuses = new ArrayList<>();
    statuses.add(new Option("", "全部", s == null));
    for (RequestStatus st : RequestStatus.values()) {
      statuses.add(new Option(st.name(), st.label(), st.name().equals(s)));
    }
    String query =
        "q="
            + enc(filter.q())
            + "&year="
            + enc(filter.year())
            + "&status="
            + enc(s == null ? "" : s)
            + (filter.overdue() ? "&overdue=true" : "")
            + (chosen.isEmpty() ? "" : "&agency=" + enc(chosen));
    boolean mayImport =
        DeskLayout.roles(auth).stream()
            .anyMatch(r -> r.equals(Roles.CLERK) || r.equals(Roles.ADMIN));
    return templates.page(
        "ledger",
        new Model(
            layout.page("台账", "/ledger", auth, request),
            filter,
            statuses,
            items,
            !items.isEmpty(),
            total,
            total > items.size(),
            items.size(),
            error,
            "/api/requests?" + query + "&format=xlsx",
            "/api/requests?" + query + "&format=csv",
            mayImport,
            agencyOptions(names, chosen),
            names.size() > 1,
            importOptions(auth),
            importOptions(auth).size() > 1));
  }

  private static List<Option> agencyOptions(Map<String, String> names, String chosen) {
    List<Option> out = new ArrayList<>();
    out.add(new Option("", "全部机关", chosen.isEmpty()));
    names.forEach((code, name) -> out.add(new Option(code, name, code.equals(chosen))));
    return out;
  }

  /** The agencies a clerk imports for (the import needs one named when they belong to several). */
  private List<Option> importOptions(Authentication auth) {
    var mine = agencies.memberships(auth.getName());
    return registry.active().stream()
        .filter(a -> mine.contains(a.code()))
        .map(a -> new Option(a.code(), a.name(), false))
        .toList();
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
