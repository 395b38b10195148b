package org.disclosuredesk.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.apidocs.ApiDocumentation;
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
@Tag(name = ApiDocumentation.STATISTICS)
@RestController
@RequestMapping("/api/statistics/{year}")
public class StatisticsController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final StatisticsService statistics;
  private final Reconciliation reconciliation;
  private final org.disclosuredesk.desk.DeskTemplates templates;

  public StatisticsController(StatisticsService statistics, Reconciliation reconciliation,
      org.disclosuredesk.desk.DeskTemplates templates) {
    this.templates = templates;
    this.statistics = statistics;
    this.reconciliation = reconciliation;
  }

  @Operation(summary = "年度统计（表三、表四）", description = """
      **角色**：管理人员（manager）。

      政府信息公开工作年度报告（2021 年格式）的表三（收到和处理政府信息公开申请情况）和表四（行政复议、行政诉讼情况）：\
      `{year, format: "GB-2021", columns, rows:[{code, label, values}], consistent, appeals, fees, onTimeRate, \
      paragraph, frozen, differences}`。冻结后 `frozen` 为 `{at, by}`，`differences` 列出与快照不同的单元格。""")
  @Parameter(name = "format", in = ParameterIn.QUERY, description = "`json`（缺省）、`csv`、`xlsx` 或 `html`（打印版）",
      schema = @Schema(allowableValues = {"json", "csv", "xlsx", "html"}))
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @ApiResponse(responseCode = "200", description = "按 `format`：JSON、CSV（UTF-8）、Excel 或可打印的网页", content = {
      @Content(mediaType = "application/json"), @Content(mediaType = "text/csv"),
      @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      @Content(mediaType = "text/html")})
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
          .body(ReportPages.printable(templates, t, statistics.annual(y, d)).getBytes(StandardCharsets.UTF_8));
    };
  }

  @Operation(summary = "年度统计（2019 年前的旧模板）", description = """
      **角色**：管理人员（manager）。

      旧版年度报告统计表：`{year, format: "PRE-2019", rows:[{code, label, value}], paragraph}`，格式同上。""")
  @Parameter(name = "format", in = ParameterIn.QUERY, description = "`json`（缺省）、`csv`、`xlsx` 或 `html`（打印版）",
      schema = @Schema(allowableValues = {"json", "csv", "xlsx", "html"}))
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @ApiResponse(responseCode = "200", description = "按 `format`：JSON、CSV（UTF-8）、Excel 或可打印的网页", content = {
      @Content(mediaType = "application/json"), @Content(mediaType = "text/csv"),
      @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      @Content(mediaType = "text/html")})
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
          .body(ReportPages.legacy(templates, t, Paragraph.legacy(t, d)).getBytes(StandardCharsets.UTF_8));
    };
  }

  @Operation(summary = "冻结年度统计", description = """
      **角色**：管理人员（manager）。

      保存已发布数字的快照；之后的变化在年度统计的 `differences` 中列出。""",
      responses = @ApiResponse(responseCode = "201", description = "已冻结"))
  @PostMapping("/freeze")
  ResponseEntity<Map<String, Object>> freeze(@PathVariable String year, Authentication who) {
    return ResponseEntity.status(HttpStatus.CREATED).body(statistics.freeze(statistics.year(year), who.getName()));
  }

  @Operation(summary = "核对年度统计", description = """
      **角色**：管理人员（manager）。

      按 Camunda 历史和申请表重新计数该年，与统计数据逐项核对，列出不一致之处。""")
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
