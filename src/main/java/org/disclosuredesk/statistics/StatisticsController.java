package org.disclosuredesk.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.common.BadInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Annual statistics over HTTP (API.md); only managers and admins get here (SecurityConfig). */
@RestController
@RequestMapping("/api/statistics/{year}")
public class StatisticsController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final StatisticsService statistics;
  private final Reconciliation reconciliation;

  public StatisticsController(StatisticsService statistics, Reconciliation reconciliation) {
    this.statistics = statistics;
    this.reconciliation = reconciliation;
  }

  @GetMapping
  ResponseEntity<?> annual(@PathVariable String year, @RequestParam(required = false) String format,
      @RequestParam(required = false) String decimals) {
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    String f = format(format);
    if ("json".equals(f)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statistics.annual(y, d));
    }
    AnnualTable t = statistics.table(y);
    return switch (f) {
      case "csv" -> file(Exports.csv(t), CSV, "statistics-" + y + ".csv");
      case "xlsx" -> file(xlsx(t), XLSX, "statistics-" + y + ".xlsx");
      default -> ResponseEntity.ok().contentType(HTML)
          .body(ReportPages.printable(t, statistics.annual(y, d)).getBytes(StandardCharsets.UTF_8));
    };
  }

  @GetMapping("/legacy")
  ResponseEntity<?> legacy(@PathVariable String year, @RequestParam(required = false) String format,
      @RequestParam(required = false) String decimals) {
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    String f = format(format);
    if ("json".equals(f)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statistics.legacy(y, d));
    }
    LegacyTable t = statistics.legacyTable(y);
    return switch (f) {
      case "csv" -> file(Exports.csv(t), CSV, "statistics-" + y + "-legacy.csv");
      case "xlsx" -> file(Exports.xlsx(List.of(Grid.legacy(t)), List.of("统计表")), XLSX,
          "statistics-" + y + "-legacy.xlsx");
      default -> ResponseEntity.ok().contentType(HTML)
          .body(ReportPages.legacy(t, Paragraph.legacy(t, d)).getBytes(StandardCharsets.UTF_8));
    };
  }

  @PostMapping("/freeze")
  ResponseEntity<Map<String, Object>> freeze(@PathVariable String year, Authentication who) {
    return ResponseEntity.status(HttpStatus.CREATED).body(statistics.freeze(statistics.year(year), who.getName()));
  }

  @GetMapping("/reconciliation")
  Map<String, Object> reconciliation(@PathVariable String year) {
    return reconciliation.check(statistics.year(year));
  }

  static byte[] xlsx(AnnualTable t) {
    return Exports.xlsx(List.of(Grid.table3(t), Grid.table4(t)), List.of("三、申请情况", "四、复议诉讼情况"));
  }

  static String format(String format) {
    String f = format == null ? "json" : format;
    if (!List.of("json", "csv", "xlsx", "html").contains(f)) {
      throw new BadInputException("format", "只能为 json、csv、xlsx 或 html");
    }
    return f;
  }

  static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
  }
}
