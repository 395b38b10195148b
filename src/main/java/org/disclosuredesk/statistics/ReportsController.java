package org.disclosuredesk.statistics;

import java.nio.charset.StandardCharsets;
import org.disclosuredesk.common.BusinessClock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manager's page: {@code /reports} (last year's report; in January that is the one being written) and
 * {@code /reports/{year}}. Downloads live under the same path so the browser's Basic credentials apply to them too.
 */
@RestController
public class ReportsController {

  private final StatisticsService statistics;
  private final ProactiveRepository proactive;
  private final BusinessClock clock;

  public ReportsController(StatisticsService statistics, ProactiveRepository proactive, BusinessClock clock) {
    this.statistics = statistics;
    this.proactive = proactive;
    this.clock = clock;
  }

  @GetMapping("/reports")
  ResponseEntity<Void> index() {
    return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/reports/" + (clock.today().getYear() - 1))
        .build();
  }

  @GetMapping("/reports/{year}")
  ResponseEntity<byte[]> page(@PathVariable String year, @RequestParam(required = false) String decimals) {
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    AnnualTable t = statistics.table(y);
    String html = ReportPages.manager(t, statistics.annual(t, d), d, clock.today().getYear(),
        proactive.find(y).orElse(null));
    return ResponseEntity.ok().contentType(StatisticsController.HTML).body(html.getBytes(StandardCharsets.UTF_8));
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
