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
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Grid;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.disclosuredesk.statistics.counting.Paragraph;
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

/**
 * Annual statistics over HTTP (API.md, "Agencies"): managers, the supervising office (reading only)
 * and admins get here (SecurityConfig). Each table is one agency's ({@code agency=}; a manager's
 * own by default, another agency's answers 404); the supervising office adds agencies up ({@code
 * /consolidated}) and sees every agency's year at once ({@code /agencies}).
 */
@Tag(name = ApiDocumentation.STATISTICS)
@RestController
@RequestMapping("/api/statistics/{year}")
public class StatisticsController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
  static final String AGENCY = "机关代码（平台上有多个机关时）：管理人员缺省为本机关（属于多个机关的须写明），" + "其他机关的答复 404；主管部门须写明";

  private final StatisticsService statistics;
  private final Reconciliation reconciliation;
  private final org.disclosuredesk.desk.DeskTemplates templates;
  private final ReportScopes scopes;

  public StatisticsController(
      StatisticsService statistics,
      Reconciliation reconciliation,
      org.disclosuredesk.desk.DeskTemplates templates,
      ReportScopes scopes) {
    this.templates = templates;
    this.statistics = statistics;
    this.reconciliation = reconciliation;
    this.scopes = scopes;
  }

  @Operation(
      summary = "年度统计（表三、表四）",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      政府信息公开工作年度报告（2021 年格式）的表三（收到和处理政府信息公开申请情况）和表四（行政复议、行政诉讼情况）：\
      `{year, format: "GB-2021", columns, rows:[{code, label, values}], consistent, appeals, fees, onTimeRate, \
      paragraph, frozen, differences}`。冻结后 `frozen` 为 `{at, by}`，`differences` 列出与快照不同的单元格。\
      平台上有多个机关时为一个机关的统计（`agency`），另有 `agency: {code, name}`。""")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）、`csv`、`xlsx` 或 `html`（打印版）",
      schema = @Schema(allowableValues = {"json", "csv", "xlsx", "html"}))
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @ApiResponse(
      responseCode = "200",
      description = "按 `format`：JSON、CSV（UTF-8）、Excel 或可打印的网页",
      content = {
        @Content(mediaType = "application/json"),
        @Content(mediaType = "text/csv"),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        @Content(mediaType = "text/html")
      })
  @GetMapping
  ResponseEntity<?> annual(
      @PathVariable String year,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String decimals,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    return table(scope, year, format, decimals);
  }

  @Operation(
      summary = "汇总统计（多个机关的表三、表四之和）",
      description =
          """
      **角色**：主管部门（supervisor）、系统管理员。

      与年度统计相同的 JSON 和格式，每个单元格为所列机关该单元格之和，另有 `agencies`（机关代码）和 \
      `consistentByAgency: [{code, name, consistent}]`：勾稽关系（一 + 二 = 三（七） + 四）在每个机关和汇总中都应成立，\
      `consistent` 为两者皆成立。汇总表没有自己的冻结（各机关冻结本机关的数字）。""")
  @Parameter(
      name = "agencies",
      in = ParameterIn.QUERY,
      description = "以英文逗号分隔的机关代码，如 `RSJ,ZRJ`；不写为全部机关。没有的代码答复 400，指明 `agencies`")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）、`csv`、`xlsx` 或 `html`（打印版）",
      schema = @Schema(allowableValues = {"json", "csv", "xlsx", "html"}))
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @ApiResponse(
      responseCode = "200",
      description = "按 `format`：JSON、CSV（UTF-8）、Excel 或可打印的网页",
      content = {
        @Content(mediaType = "application/json"),
        @Content(mediaType = "text/csv"),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        @Content(mediaType = "text/html")
      })
  @GetMapping("/consolidated")
  ResponseEntity<?> consolidated(
      @PathVariable String year,
      @RequestParam(required = false) String agencies,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String decimals,
      Authentication who) {
    ReportScope scope = scopes.consolidated(who, agencies);
    return table(scope, year, format, decimals);
  }

  @Operation(
      summary = "各机关年度概况",
      description =
          """
      **角色**：主管部门（supervisor）、系统管理员。

      每个机关该年度的概况：`{year, items:[{agency:{code, name}, newThisYear, carriedOver, concluded, onTimeRate, \
      overdueNow, carriedForward, identityHolds, frozenAt, active}]}`；`onTimeRate` 在没有办结时为 null，\
      `overdueNow` 为现在已逾期未办结的件数，`frozenAt` 为最近一次冻结的时间（未冻结为 null）。""")
  @GetMapping("/agencies")
  AgencyOverview overview(@PathVariable String year, Authentication who) {
    scopes.requireSupervisor(who, "各机关概况只供政府信息公开工作主管部门查看");
    return statistics.overview(statistics.year(year));
  }

  /** One table (an agency's or a consolidated one) in the format asked for. */
  private ResponseEntity<?> table(ReportScope scope, String year, String format, String decimals) {
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    String f = format(format);
    if ("json".equals(f)) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(statistics.annual(y, scope, d));
    }
    AnnualTable t = statistics.table(y, scope);
    String name = "statistics-" + y + DrillDownController.suffix(scope);
    return switch (f) {
      case "csv" -> file(Exports.csv(t), CSV, name + ".csv");
      case "xlsx" -> file(xlsx(t), XLSX, name + ".xlsx");
      default ->
          ResponseEntity.ok()
              .contentType(HTML)
              .body(
                  ReportPages.printable(templates, statistics.annual(t, scope, d), scope)
                      .getBytes(StandardCharsets.UTF_8));
    };
  }

  @Operation(
      summary = "年度统计（2019 年前的旧模板）",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      旧版年度报告统计表：`{year, format: "PRE-2019", rows:[{code, label, value}], paragraph}`，格式同上。""")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）、`csv`、`xlsx` 或 `html`（打印版）",
      schema = @Schema(allowableValues = {"json", "csv", "xlsx", "html"}))
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @ApiResponse(
      responseCode = "200",
      description = "按 `format`：JSON、CSV（UTF-8）、Excel 或可打印的网页",
      content = {
        @Content(mediaType = "application/json"),
        @Content(mediaType = "text/csv"),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        @Content(mediaType = "text/html")
      })
  @GetMapping("/legacy")
  ResponseEntity<?> legacy(
      @PathVariable String year,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String decimals,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    String f = format(format);
    if ("json".equals(f)) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(statistics.legacy(y, scope, d));
    }
    LegacyTable t = statistics.legacyTable(y, scope);
    String name = "statistics-" + y + "-legacy" + DrillDownController.suffix(scope);
    return switch (f) {
      case "csv" -> file(Exports.csv(t), CSV, name + ".csv");
      case "xlsx" ->
          file(Exports.xlsx(List.of(Grid.legacy(t)), List.of("统计表")), XLSX, name + ".xlsx");
      default ->
          ResponseEntity.ok()
              .contentType(HTML)
              .body(
                  ReportPages.legacy(templates, t, Paragraph.legacy(t, d), scope)
                      .getBytes(StandardCharsets.UTF_8));
    };
  }

  @Operation(
      summary = "冻结年度统计",
      description =
          """
      **角色**：管理人员（manager）。

      保存已发布数字的快照；之后的变化在年度统计的 `differences` 中列出。平台上有多个机关时冻结一个机关的统计（`agency`，\
      缺省为本机关）；主管部门不能冻结。""",
      responses = @ApiResponse(responseCode = "201", description = "已冻结"))
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @PostMapping("/freeze")
  ResponseEntity<FreezeReceipt> freeze(
      @PathVariable String year,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    scopes.requireOwn(who, scope, "只有本机关的管理人员可以冻结本机关的统计");
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(statistics.freeze(statistics.year(year), scope, who.getName()));
  }

  @Operation(
      summary = "核对年度统计",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      按 Camunda 历史和申请表重新计数该年，与统计数据逐项核对，列出不一致之处。""")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @GetMapping("/reconciliation")
  Reconciliation.Report reconciliation(
      @PathVariable String year,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    return reconciliation.check(statistics.year(year), scope);
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
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(body);
  }
}
