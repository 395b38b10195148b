package org.disclosuredesk.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clerk's 网上申请 page ({@code /submissions}): the online channel's submissions by status, oldest
 * first, with the day each must be confirmed by (DOMAIN.md §2a) and, once confirmed, the request's
 * tracking number. Confirming and rejecting happen in Tasklist (任务 确认网上申请), which the page opens.
 * With several active agencies, a submission awaiting confirmation that belongs elsewhere is
 * forwarded (转送, DOMAIN.md §8) from here, with the reason the applicant reads.
 */
@Controller
class SubmissionsPage {

  static final int SHOWN = 200;

  record Tab(String label, String href, boolean current, long count) {}

  record Line(
      String number,
      String agency,
      String applicant,
      String submittedOn,
      String confirmBy,
      boolean late,
      String description,
      String outcome,
      List<Target> targets) {
    public boolean forwardable() {
      return !targets.isEmpty();
    }
  }

  /** An agency a submission may be forwarded to: any other active one. */
  record Target(String code, String name) {}

  record Model(
      DeskLayout.Page page,
      List<Tab> tabs,
      String status,
      List<Line> lines,
      boolean hasLines,
      long total,
      String tasklist,
      boolean agencyColumn,
      boolean forwarding,
      int columns) {}

  private static final Map<SubmissionStatus, String> LABELS =
      Map.of(
          SubmissionStatus.AWAITING_CONFIRMATION,
          "待确认",
          SubmissionStatus.CONFIRMED,
          "已确认",
          SubmissionStatus.REJECTED,
          "不作为申请",
          SubmissionStatus.WITHDRAWN,
          "申请人已撤回");

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final SubmissionRepository submissions;
  private final SubmissionProcess process;
  private final RequestRepository requests;
  private final BusinessClock clock;
  private final AgencyScope scope;
  private final Agencies agencies;

  SubmissionsPage(
      DeskTemplates templates,
      DeskLayout layout,
      SubmissionRepository submissions,
      SubmissionProcess process,
      RequestRepository requests,
      BusinessClock clock,
      AgencyScope scope,
      Agencies agencies) {
    this.scope = scope;
    this.agencies = agencies;
    this.templates = templates;
    this.layout = layout;
    this.submissions = submissions;
    this.process = process;
    this.requests = requests;
    this.clock = clock;
  }

  @GetMapping("/submissions")
  ResponseEntity<String> page(
      @RequestParam(required = false) String status,
      Authentication auth,
      HttpServletRequest request) {
    SubmissionStatus shown = SubmissionStatus.AWAITING_CONFIRMATION;
    for (SubmissionStatus s : SubmissionStatus.values()) {
      if (s.name().equals(status)) {
        shown = s;
      }
    }
    AgencyScope.Visible visible = scope.visible(auth);
    var mine = visible.filter();
    List<Agency> registry = agencies.all();
    Map<String, String> names =
        registry.stream().collect(Collectors.toMap(Agency::code, Agency::name));
    List<Agency> active = registry.stream().filter(Agency::active).toList();
    // a caller of one agency on a platform of several knows whose list this is; one who sees
    // several needs the column
    boolean agencyColumn = visible.all() ? registry.size() > 1 : visible.codes().size() > 1;
    boolean forwarding = shown == SubmissionStatus.AWAITING_CONFIRMATION && active.size() > 1;
    List<Tab> tabs = new ArrayList<>();
    for (SubmissionStatus s : SubmissionStatus.values()) {
      tabs.add(
          new Tab(
              LABELS.get(s),
              "/submissions?status=" + s.name(),
              s == shown,
              submissions.count(mine, s.name())));
    }
    LocalDate today = clock.today();
    List<SubmissionRow> rows = submissions.list(mine, shown.name(), 0, SHOWN);
    // the requests the confirmed ones became, in one query
    Map<String, String> numbers =
        requests
            .byIds(
                rows.stream()
                    .map(SubmissionRow::requestId)
                    .filter(java.util.Objects::nonNull)
                    .toList())
            .stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.id(), r -> r.trackingNumber()));
    List<Line> lines = new ArrayList<>();
    for (SubmissionRow s : rows) {
      LocalDate by = process.confirmBy(s.submittedOn());
      String outcome =
          switch (shown) {
            case CONFIRMED ->
                numbers.containsKey(s.requestId()) ? "受理编号 " + numbers.get(s.requestId()) : "";
            case REJECTED -> s.rejectionReason() == null ? "" : s.rejectionReason();
            case WITHDRAWN -> s.withdrawalReason() == null ? "" : s.withdrawalReason();
            default -> today.isAfter(by) ? "已超过确认期限" : "";
          };
      String description =
          s.description() == null
              ? ""
              : s.description().length() > 60
                  ? s.description().substring(0, 60) + "…"
                  : s.description();
      List<Target> targets =
          !forwarding
              ? List.of()
              : active.stream()
                  .filter(a -> !a.code().equals(s.agencyCode()))
                  .map(a -> new Target(a.code(), a.name()))
                  .toList();
      lines.add(
          new Line(
              s.submissionNumber(),
              names.getOrDefault(s.agencyCode(), s.agencyCode()),
              s.applicantName(),
              s.submittedOn().toString(),
              by.toString(),
              shown == SubmissionStatus.AWAITING_CONFIRMATION && today.isAfter(by),
              description,
              outcome,
              targets));
    }
    long total = tabs.stream().filter(Tab::current).mapToLong(Tab::count).sum();
    int columns = 6 + (agencyColumn ? 1 : 0) + (forwarding ? 1 : 0);
    return templates.page(
        "submissions",
        new Model(
            layout.page("网上申请", "/submissions", auth, request),
            tabs,
            LABELS.get(shown),
            lines,
            !lines.isEmpty(),
            total,
            DeskLayout.TASKLIST,
            agencyColumn,
            forwarding,
            columns));
  }
}
