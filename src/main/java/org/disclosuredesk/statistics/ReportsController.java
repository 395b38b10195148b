package org.disclosuredesk.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.security.PersonalData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manager's pages: {@code /reports} (last year's report; in January that is the one being written),
 * {@code /reports/{year}}, and behind every number the list of what it counts ({@code /reports/{year}/requests},
 * {@code /appeals}, {@code /legacy/requests}). Downloads live under the same path.
 */
@RestController
public class ReportsController {

  /** One line of a drill-down list; appeal columns empty for requests. */
  record ListLine(String trackingNumber, String applicant, String applicantType, String receivedOn, String dueOn,
      String concludedOn, String outcome, String caseNumber, String appealKind, String appealReceivedOn,
      String appealDecidedOn, String appealResult) {}

  record ListPage(DeskLayout.Page page, int year, String title, String subtitle, int count, boolean appeals,
      List<ListLine> lines, boolean hasLines, String xlsx, String back) {}

  private final StatisticsService statistics;
  private final ProactiveRepository proactive;
  private final DrillDown drillDown;
  private final BusinessClock clock;
  private final DeskTemplates templates;
  private final DeskLayout layout;

  public ReportsController(StatisticsService statistics, ProactiveRepository proactive, DrillDown drillDown,
      BusinessClock clock, DeskTemplates templates, DeskLayout layout) {
    this.statistics = statistics;
    this.proactive = proactive;
    this.drillDown = drillDown;
    this.clock = clock;
    this.templates = templates;
    this.layout = layout;
  }

  @GetMapping("/reports")
  ResponseEntity<Void> index() {
    return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/reports/" + (clock.today().getYear() - 1))
        .build();
  }

  @GetMapping("/reports/{year}")
  ResponseEntity<String> page(@PathVariable String year, @RequestParam(required = false) String decimals,
      Authentication auth, HttpServletRequest request) {
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    AnnualTable t = statistics.table(y);
    DrillDown.ParagraphFigures paragraph = drillDown.paragraph(Integer.toString(y), Integer.toString(d));
    return templates.page("reports", ReportPage.of(layout.page(y + "年统计", "/reports", auth, request), t,
        statistics.annual(t, d), d, clock.today().getYear(), proactive.find(y).orElse(null), paragraph));
  }

  @GetMapping("/reports/{year}/requests")
  ResponseEntity<String> requests(@PathVariable String year, @RequestParam(required = false) String row,
      @RequestParam(required = false) String column, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String topic, Authentication auth, HttpServletRequest request) {
    DrillDown.RequestList list = drillDown.requests(year, row, column, channel, topic, PersonalData.masked(auth));
    String subtitle = list.columnLabel() + (list.channel() == null ? "" : "，渠道 " + list.channel())
        + (list.topic() == null ? "" : "，信息类别 " + list.topic());
    String xlsx = (list.channel() != null || list.topic() != null
        ? DrillDownLinks.apiNewRequests(list.year(), list.channel(), list.topic())
        : DrillDownLinks.apiRequests(list.year(), list.row(), list.column())) + "&format=xlsx";
    return listPage(auth, request, list.year(), "表三 " + list.rowLabel(), subtitle, false,
        list.items().stream().map(ReportsController::line).toList(), xlsx);
  }

  @GetMapping("/reports/{year}/appeals")
  ResponseEntity<String> appeals(@PathVariable String year, @RequestParam(required = false) String row,
      @RequestParam(required = false) String column, Authentication auth, HttpServletRequest request) {
    DrillDown.AppealList list = drillDown.appeals(year, row, column, PersonalData.masked(auth));
    return listPage(auth, request, list.year(), "表四 " + list.rowLabel(), list.columnLabel(), true,
        list.items().stream().map(ReportsController::line).toList(),
        DrillDownLinks.apiAppeals(list.year(), list.row(), list.column()) + "&format=xlsx");
  }

  @GetMapping("/reports/{year}/legacy/requests")
  ResponseEntity<String> legacy(@PathVariable String year, @RequestParam(required = false) String row,
      Authentication auth, HttpServletRequest request) {
    DrillDown.LegacyList list = drillDown.legacy(year, row, PersonalData.masked(auth));
    List<ListLine> lines = new ArrayList<>();
    for (Object item : list.items()) {
      lines.add(item instanceof DrillDown.AppealItem a ? line(a) : line((DrillDown.RequestItem) item));
    }
    return listPage(auth, request, list.year(), "旧版统计表 " + list.rowLabel(), null,
        DrillDown.LISTS_APPEALS.equals(list.listOf()), lines,
        DrillDownLinks.apiLegacy(list.year(), list.row()) + "&format=xlsx");
  }

  private ResponseEntity<String> listPage(Authentication auth, HttpServletRequest request, int year, String title,
      String subtitle, boolean appeals, List<ListLine> lines, String xlsx) {
    return templates.page("drilldown", new ListPage(layout.page(title, "/reports", auth, request), year, title,
        subtitle, lines.size(), appeals, lines, !lines.isEmpty(), xlsx, "/reports/" + year));
  }

  private static ListLine line(DrillDown.RequestItem r) {
    return new ListLine(r.trackingNumber(), r.applicantName(), r.applicantTypeLabel(), text(r.receivedOn()),
        text(r.dueOn()), text(r.concludedOn()), r.outcomeLabel(), null, null, null, null, null);
  }

  private static ListLine line(DrillDown.AppealItem a) {
    DrillDown.RequestItem r = a.request();
    return new ListLine(r.trackingNumber(), r.applicantName(), r.applicantTypeLabel(), text(r.receivedOn()),
        text(r.dueOn()), text(r.concludedOn()), r.outcomeLabel(), a.caseNumber(), a.kindLabel(),
        text(a.appealReceivedOn()), text(a.decidedOn()), a.resultLabel() == null ? "尚未审结" : a.resultLabel());
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  @GetMapping("/reports/{year}/statistics-{file}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String year) {
    int y = statistics.year(year);
    return StatisticsController.file(Exports.csv(statistics.table(y)), StatisticsController.CSV,
        "statistics-" + y + ".csv");
  }

  @GetMapping("/reports/{year}/statistics-{file}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String year) {
    int y = statistics.year(year);
    return StatisticsController.file(StatisticsController.xlsx(statistics.table(y)), StatisticsController.XLSX,
        "statistics-" + y + ".xlsx");
  }
}
