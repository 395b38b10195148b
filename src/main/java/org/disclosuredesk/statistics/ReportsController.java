package org.disclosuredesk.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.security.PersonalData;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manager's pages: {@code /reports} (last year's report; in January that is the one being
 * written), {@code /reports/{year}}, and behind every number the list of what it counts ({@code
 * /reports/{year}/requests}, {@code /appeals}, {@code /legacy/requests}). Downloads live under the
 * same path. With several agencies each page is one agency's ({@code agency=}) or a consolidated
 * one ({@code agencies=}, the supervising office's first page: every agency's year and their sum),
 * as {@link ReportScopes} allows; names stay masked for managers and the supervising office.
 */
@RestController
public class ReportsController {

  /**
   * One line of a drill-down list; appeal columns empty for requests; the agency once there are
   * several.
   */
  record ListLine(
      String trackingNumber,
      String applicant,
      String applicantType,
      String receivedOn,
      String dueOn,
      String concludedOn,
      String outcome,
      String caseNumber,
      String appealKind,
      String appealReceivedOn,
      String appealDecidedOn,
      String appealResult,
      String agency) {}

  record ListPage(
      DeskLayout.Page page,
      int year,
      String title,
      String subtitle,
      int count,
      boolean appeals,
      List<ListLine> lines,
      boolean hasLines,
      String xlsx,
      String back,
      String scope,
      boolean showAgency) {}

  private final StatisticsService statistics;
  private final ProactiveRepository proactive;
  private final DrillDown drillDown;
  private final BusinessClock clock;
  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final ReportScopes scopes;
  private final org.disclosuredesk.agency.Agencies registry;

  public ReportsController(
      StatisticsService statistics,
      ProactiveRepository proactive,
      DrillDown drillDown,
      BusinessClock clock,
      DeskTemplates templates,
      DeskLayout layout,
      ReportScopes scopes,
      org.disclosuredesk.agency.Agencies registry) {
    this.registry = registry;
    this.statistics = statistics;
    this.proactive = proactive;
    this.drillDown = drillDown;
    this.clock = clock;
    this.templates = templates;
    this.layout = layout;
    this.scopes = scopes;
  }

  @GetMapping("/reports")
  ResponseEntity<Void> index() {
    return ResponseEntity.status(302)
        .header(HttpHeaders.LOCATION, "/reports/" + (clock.today().getYear() - 1))
        .build();
  }

  @GetMapping("/reports/{year}")
  ResponseEntity<String> page(
      @PathVariable String year,
      @RequestParam(required = false) String decimals,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication auth,
      HttpServletRequest request) {
    ReportScope scope = scopes.page(auth, agency, agencies);
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    AnnualTable t = statistics.table(y, scope);
    DrillDown.ParagraphFigures paragraph = drillDown.paragraph(scope, t, d);
    ProactiveRepository.Saved saved =
        scope.consolidated() ? null : proactive.find(scope.agency().code(), y).orElse(null);
    String title = ReportPages.whose(scope) + y + "年统计";
    return templates.page(
        "reports",
        ReportPage.of(
            layout.page(title, "/reports", auth, request),
            statistics.annual(t, scope, d),
            d,
            clock.today().getYear(),
            saved,
            paragraph,
            scope,
            scoping(auth, y, scope)));
  }

  /**
   * The chooser, the supervising office's overview and consolidation form, and whether table 二 is
   * editable.
   */
  private ReportPage.Scope scoping(Authentication auth, int year, ReportScope scope) {
    List<Agency> choices = scopes.choices(auth);
    boolean supervisor = ReportScopes.supervisor(auth);
    List<ReportPage.Choice> links = new ArrayList<>();
    if (choices.size() > 1) {
      if (supervisor) {
        links.add(
            new ReportPage.Choice(
                "全部机关汇总",
                "/reports/" + year,
                scope.consolidated() && scope.agencies().size() == choices.size()));
      }
      for (Agency a : choices) {
        links.add(
            new ReportPage.Choice(
                a.shortName(),
                "/reports/" + year + "?agency=" + a.code(),
                !scope.consolidated() && scope.agency().code().equals(a.code())));
      }
    }
    List<ReportPage.OverviewLine> overview = new ArrayList<>();
    List<ReportPage.Box> boxes = new ArrayList<>();
    if (supervisor && scope.consolidated() && choices.size() > 1) {
      Map<String, Agency> byCode = new LinkedHashMap<>();
      choices.forEach(a -> byCode.put(a.code(), a));
      for (AgencyOverview.Item i : statistics.overview(year).items()) {
        String code = i.agency().code();
        overview.add(
            new ReportPage.OverviewLine(
                code,
                byCode.get(code).name(),
                "/reports/" + year + "?agency=" + code,
                i.newThisYear(),
                i.carriedOver(),
                i.concluded(),
                Paragraph.rate(i.onTimeRate(), 1),
                i.overdueNow(),
                i.carriedForward(),
                i.identityHolds(),
                i.frozenAt() == null ? null : i.frozenAt().replace('T', ' ')));
      }
      choices.forEach(
          a -> boxes.add(new ReportPage.Box(a.code(), a.name(), scope.codes().contains(a.code()))));
    }
    boolean editable =
        !scope.consolidated()
            && (AgencyScope.has(auth, Roles.ADMIN)
                || AgencyScope.has(auth, Roles.MANAGER)
                    && scopes.member(auth, scope.agency().code()));
    String title = scope.whole() && !scope.consolidated() ? null : scope.title();
    return new ReportPage.Scope(title, scope.consolidated(), links, overview, boxes, editable);
  }

  @GetMapping("/reports/{year}/requests")
  ResponseEntity<String> requests(
      @PathVariable String year,
      @RequestParam(required = false) String row,
      @RequestParam(required = false) String column,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication auth,
      HttpServletRequest request) {
    ReportScope scope = scopes.lists(auth, agency, agencies);
    DrillDown.RequestList list =
        drillDown.requests(scope, year, row, column, channel, topic, PersonalData.masked(auth));
    String subtitle =
        list.columnLabel()
            + (list.channel() == null ? "" : "，渠道 " + list.channel())
            + (list.topic() == null ? "" : "，信息类别 " + list.topic());
    String xlsx =
        (list.channel() != null || list.topic() != null
                ? DrillDownLinks.apiNewRequests(list.year(), list.channel(), list.topic(), scope)
                : DrillDownLinks.apiRequests(list.year(), list.row(), list.column(), scope))
            + "&format=xlsx";
    return listPage(
        auth,
        request,
        scope,
        list.year(),
        "表三 " + list.rowLabel(),
        subtitle,
        false,
        list.items().stream().map(ReportsController::line).toList(),
        xlsx);
  }

  @GetMapping("/reports/{year}/appeals")
  ResponseEntity<String> appeals(
      @PathVariable String year,
      @RequestParam(required = false) String row,
      @RequestParam(required = false) String column,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication auth,
      HttpServletRequest request) {
    ReportScope scope = scopes.lists(auth, agency, agencies);
    DrillDown.AppealList list =
        drillDown.appeals(scope, year, row, column, PersonalData.masked(auth));
    return listPage(
        auth,
        request,
        scope,
        list.year(),
        "表四 " + list.rowLabel(),
        list.columnLabel(),
        true,
        list.items().stream().map(ReportsController::line).toList(),
        DrillDownLinks.apiAppeals(list.year(), list.row(), list.column(), scope) + "&format=xlsx");
  }

  @GetMapping("/reports/{year}/legacy/requests")
  ResponseEntity<String> legacy(
      @PathVariable String year,
      @RequestParam(required = false) String row,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication auth,
      HttpServletRequest request) {
    ReportScope scope = scopes.lists(auth, agency, agencies);
    DrillDown.LegacyList list = drillDown.legacy(scope, year, row, PersonalData.masked(auth));
    List<ListLine> lines = new ArrayList<>();
    for (DrillDown.ListItem item : list.items()) {
      if (item instanceof DrillDown.AppealItem a) {
        lines.add(line(a));
      } else if (item instanceof DrillDown.RequestItem r) {
        lines.add(line(r));
      }
    }
    return listPage(
        auth,
        request,
        scope,
        list.year(),
        "旧版统计表 " + list.rowLabel(),
        null,
        DrillDown.LISTS_APPEALS.equals(list.listOf()),
        lines,
        DrillDownLinks.apiLegacy(list.year(), list.row(), scope) + "&format=xlsx");
  }

  private ResponseEntity<String> listPage(
      Authentication auth,
      HttpServletRequest request,
      ReportScope scope,
      int year,
      String title,
      String subtitle,
      boolean appeals,
      List<ListLine> lines,
      String xlsx) {
    String whose = scope.whole() && !scope.consolidated() ? null : scope.title();
    // a person reads the agency's short name (市人社局), not its code
    Map<String, String> names = new java.util.HashMap<>();
    registry.all().forEach(a -> names.put(a.code(), a.shortName()));
    List<ListLine> named =
        lines.stream()
            .map(
                l ->
                    l.agency() == null
                        ? l
                        : new ListLine(
                            l.trackingNumber(),
                            l.applicant(),
                            l.applicantType(),
                            l.receivedOn(),
                            l.dueOn(),
                            l.concludedOn(),
                            l.outcome(),
                            l.caseNumber(),
                            l.appealKind(),
                            l.appealReceivedOn(),
                            l.appealDecidedOn(),
                            l.appealResult(),
                            names.getOrDefault(l.agency(), l.agency())))
            .toList();
    return templates.page(
        "drilldown",
        new ListPage(
            layout.page(title, "/reports", auth, request),
            year,
            title,
            subtitle,
            named.size(),
            appeals,
            named,
            !named.isEmpty(),
            xlsx,
            scope.link("/reports/" + year),
            whose,
            !scope.whole()));
  }

  private static ListLine line(DrillDown.RequestItem r) {
    return new ListLine(
        r.trackingNumber(),
        r.applicantName(),
        r.applicantTypeLabel(),
        text(r.receivedOn()),
        text(r.dueOn()),
        text(r.concludedOn()),
        r.outcomeLabel(),
        null,
        null,
        null,
        null,
        null,
        r.agency());
  }

  private static ListLine line(DrillDown.AppealItem a) {
    DrillDown.RequestItem r = a.request();
    return new ListLine(
        r.trackingNumber(),
        r.applicantName(),
        r.applicantTypeLabel(),
        text(r.receivedOn()),
        text(r.dueOn()),
        text(r.concludedOn()),
        r.outcomeLabel(),
        a.caseNumber(),
        a.kindLabel(),
        text(a.appealReceivedOn()),
        text(a.decidedOn()),
        a.resultLabel() == null ? "尚未审结" : a.resultLabel(),
        r.agency());
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  @GetMapping("/reports/{year}/statistics-{file}.csv")
  ResponseEntity<byte[]> csv(
      @PathVariable String year,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication auth) {
    ReportScope scope = scopes.page(auth, agency, agencies);
    int y = statistics.year(year);
    return StatisticsController.file(
        Exports.csv(statistics.table(y, scope)),
        StatisticsController.CSV,
        "statistics-" + y + DrillDownController.suffix(scope) + ".csv");
  }

  @GetMapping("/reports/{year}/statistics-{file}.xlsx")
  ResponseEntity<byte[]> xlsx(
      @PathVariable String year,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication auth) {
    ReportScope scope = scopes.page(auth, agency, agencies);
    int y = statistics.year(year);
    return StatisticsController.file(
        StatisticsController.xlsx(statistics.table(y, scope)),
        StatisticsController.XLSX,
        "statistics-" + y + DrillDownController.suffix(scope) + ".xlsx");
  }
}
