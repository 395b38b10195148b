package org.disclosuredesk.ledger;

import org.disclosuredesk.agency.AgencyScope;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.handling.Outcome;
import org.disclosuredesk.intake.RequestStatus;
import org.disclosuredesk.security.PersonalData;
import org.disclosuredesk.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger page {@code /ledger}: any staff member searches the requests (names masked for managers) and exports
 * what they found; clerks also import an old ledger (template, dry run, import: the API does the work).
 */
@Controller
public class LedgerPage {

  static final int SHOWN = 100;

  record Filter(String q, String year, String status, boolean overdue) {}

  record Option(String value, String label, boolean selected) {}

  record Item(String trackingNumber, String applicant, String receivedOn, String dueOn, String status,
      String concludedOn, String outcome) {}

  record Model(DeskLayout.Page page, Filter filter, List<Option> statuses, List<Item> items, boolean hasItems,
      long total, boolean more, int shown, String error, String exportXlsx, String exportCsv, boolean mayImport) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final LedgerSearch search;
  private final BusinessClock clock;
  private final AgencyScope agencies;

  LedgerPage(DeskTemplates templates, DeskLayout layout, LedgerSearch search, BusinessClock clock,
      AgencyScope agencies) {
    this.agencies = agencies;
    this.templates = templates;
    this.layout = layout;
    this.search = search;
    this.clock = clock;
  }

  @GetMapping("/ledger")
  ResponseEntity<String> page(Authentication auth, HttpServletRequest request,
      @RequestParam(required = false) String q, @RequestParam(required = false) String year,
      @RequestParam(required = false) String status, @RequestParam(required = false) String overdue) {
    Filter filter = new Filter(q == null ? "" : q.strip(), year == null ? "" : year.strip(),
        status == null ? "" : status, "true".equals(overdue));
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
    } else if (LedgerSearch.terms(filter.q()).size() > LedgerSearch.MAX_TERMS) {
      error = "最多 " + LedgerSearch.MAX_TERMS + " 个检索词（以空格分隔）";
    }
    String s = java.util.Arrays.stream(RequestStatus.values()).map(Enum::name)
        .filter(filter.status()::equals).findFirst().orElse(null);
    List<Item> items = List.of();
    long total = 0;
    if (error == null) {
      List<String> terms = LedgerSearch.terms(filter.q());
      var found = search.page(agencies.visible(auth).filter(), y, s, filter.overdue() ? Boolean.TRUE : null, terms, clock.today(), 0, SHOWN);
      boolean masked = PersonalData.masked(auth);
      items = found.items().stream().map(i -> new Item(i.trackingNumber(),
          masked ? PersonalData.maskName(i.applicantName()) : i.applicantName(), text(i.receivedOn()),
          text(i.dueOn()), RequestStatus.labelOf(i.status()), text(i.concludedOn()),
          i.outcome() == null ? "" : Outcome.valueOf(i.outcome()).label())).toList();
      total = found.total();
    }
    List<Option> statuses = new ArrayList<>();
    statuses.add(new Option("", "全部", s == null));
    for (RequestStatus st : RequestStatus.values()) {
      statuses.add(new Option(st.name(), st.label(), st.name().equals(s)));
    }
    String query = "q=" + enc(filter.q()) + "&year=" + enc(filter.year()) + "&status=" + enc(s == null ? "" : s)
        + (filter.overdue() ? "&overdue=true" : "");
    boolean mayImport = DeskLayout.roles(auth).stream().anyMatch(r -> r.equals(Roles.CLERK) || r.equals(Roles.ADMIN));
    return templates.page("ledger", new Model(layout.page("台账", "/ledger", auth, request), filter, statuses, items,
        !items.isEmpty(), total, total > items.size(), items.size(), error,
        "/api/requests?" + query + "&format=xlsx", "/api/requests?" + query + "&format=csv", mayImport));
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
