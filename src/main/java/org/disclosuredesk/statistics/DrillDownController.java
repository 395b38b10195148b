package org.disclosuredesk.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.security.PersonalData;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Which requests are these?": the list behind each number of the statistics; managers, the
 * supervising office (read only) and admins (SecurityConfig). Each list is one agency's ({@code
 * agency=}, a manager's own by default) or, behind a consolidated cell, every agency's it counted
 * ({@code agencies=}); another agency's answers 404 (ReportScopes).
 */
@Tag(name = ApiDocumentation.STATISTICS)
@RestController
@RequestMapping("/api/statistics/{year}")
public class DrillDownController {

  private static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String MASKING = "管理人员看到的申请人姓名或名称打码（如 `张**`），系统管理员看到全名。";

  private static final String AGENCY = "机关代码（平台上有多个机关时）：只列该机关的；管理人员缺省为本机关，其他机关的答复 404";
  private static final String AGENCIES =
      "以英文逗号分隔的机关代码：列出汇总表单元格计入的各机关的（不写代码则为全部机关）；" + "不能与 `agency` 同时使用";

  private final DrillDown drillDown;
  private final ReportScopes scopes;

  public DrillDownController(DrillDown drillDown, ReportScopes scopes) {
    this.drillDown = drillDown;
    this.scopes = scopes;
  }

  @Operation(
      summary = "表三单元格中的申请",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      列出年度统计表三中某一单元格计入的每一件申请，件数与该单元格相同（按同一计数规则）：\
      `{year, row, column, rowLabel, columnLabel, count, items:[{id, trackingNumber, applicantName, applicantType, \
      applicantTypeLabel, receivedOn, dueOn, concludedOn, outcome, outcomeLabel}]}`，按收到日期排列。\
      `row` 为表三的行代码（`NEW_THIS_YEAR`、`CARRIED_OVER_FROM_LAST_YEAR`、21 个办理结果代码、`CONCLUDED_TOTAL`、\
      `CARRIED_FORWARD_TO_NEXT_YEAR`），`column` 为申请人类型或 `TOTAL`。\
      说明段落中按渠道、按信息类别的件数：`row=NEW_THIS_YEAR&column=TOTAL` 加 `channel` 或 `topic`。\
      """
              + MASKING
              + " `format=xlsx`：同一列表的 Excel 表（表头 编号、申请人、申请人类型、收到日期、答复期限、办结日期、处理结果）。")
  @Parameter(
      name = "row",
      in = ParameterIn.QUERY,
      required = true,
      description = "表三的行代码，如 `DISCLOSED`")
  @Parameter(
      name = "column",
      in = ParameterIn.QUERY,
      required = true,
      description = "申请人类型（如 `NATURAL_PERSON`）或 `TOTAL`（总计）")
  @Parameter(
      name = "channel",
      in = ParameterIn.QUERY,
      description =
          "只列此渠道收到的申请（`IN_PERSON`、`POST_REGISTERED`、`POST_ORDINARY`、`ONLINE`、`FAX`、`OTHER`）；"
              + "仅用于 `row=NEW_THIS_YEAR`")
  @Parameter(
      name = "topic",
      in = ParameterIn.QUERY,
      description = "只列此信息类别的申请（`其他` 含未填类别的）；仅用于 `row=NEW_THIS_YEAR`")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）或 `xlsx`",
      schema = @Schema(allowableValues = {"json", "xlsx"}))
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @Parameter(name = "agencies", in = ParameterIn.QUERY, description = AGENCIES)
  @ApiResponse(
      responseCode = "200",
      description = "按 `format`：JSON 或 Excel",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = DrillDown.RequestList.class)),
        @Content(mediaType = XLSX_TYPE)
      })
  @GetMapping("/requests")
  ResponseEntity<?> requests(
      @PathVariable String year,
      @RequestParam(required = false) String row,
      @RequestParam(required = false) String column,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication who) {
    FieldErrors errors = new FieldErrors();
    ReportScope scope = scope(who, agency, agencies, errors);
    boolean xlsx = xlsx(format, errors);
    int y = drillDown.checkRequests(year, row, column, channel, topic, errors);
    errors.throwIfAny();
    DrillDown.RequestList list =
        drillDown.requests(scope, y, row, column, channel, topic, PersonalData.masked(who));
    if (!xlsx) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(list);
    }
    String title =
        prefix(scope)
            + list.year()
            + "年 "
            + list.rowLabel()
            + " · "
            + list.columnLabel()
            + (list.channel() == null ? "" : " · " + list.channel())
            + (list.topic() == null ? "" : " · " + list.topic());
    return StatisticsController.file(
        DrillDownExport.requests(title, list.items()),
        StatisticsController.XLSX,
        cellFile("requests", list.year(), list.row(), list.column(), scope));
  }

  @Operation(
      summary = "表四单元格中的复议、诉讼案件",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      列出年度统计表四中某一单元格计入的每一件行政复议或行政诉讼案件及引起它的申请，件数与该单元格相同：\
      `{year, row, column, rowLabel, columnLabel, count, items:[{申请的各字段（同表三）, appealId, kind, kindLabel, \
      caseNumber, appealReceivedOn, decidedOn, result, resultLabel}]}`。\
      `row`：`RECONSIDERATION`、`LITIGATION_DIRECT`、`LITIGATION_AFTER_RECONSIDERATION`；\
      `column`：`UPHELD`、`CORRECTED`、`OTHER`（当年审结）、`PENDING`（年底尚未审结）、`TOTAL`。\
      """
              + MASKING
              + " `format=xlsx`：同一列表的 Excel 表。")
  @Parameter(name = "row", in = ParameterIn.QUERY, required = true, description = "案件类型（表四的行）")
  @Parameter(
      name = "column",
      in = ParameterIn.QUERY,
      required = true,
      description = "审理结果（表四的列）或 `TOTAL`")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）或 `xlsx`",
      schema = @Schema(allowableValues = {"json", "xlsx"}))
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @Parameter(name = "agencies", in = ParameterIn.QUERY, description = AGENCIES)
  @ApiResponse(
      responseCode = "200",
      description = "按 `format`：JSON 或 Excel",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = DrillDown.AppealList.class)),
        @Content(mediaType = XLSX_TYPE)
      })
  @GetMapping("/appeals")
  ResponseEntity<?> appeals(
      @PathVariable String year,
      @RequestParam(required = false) String row,
      @RequestParam(required = false) String column,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication who) {
    FieldErrors errors = new FieldErrors();
    ReportScope scope = scope(who, agency, agencies, errors);
    boolean xlsx = xlsx(format, errors);
    int y = drillDown.checkAppeals(year, row, column, errors);
    errors.throwIfAny();
    DrillDown.AppealList list = drillDown.appeals(scope, y, row, column, PersonalData.masked(who));
    if (!xlsx) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(list);
    }
    return StatisticsController.file(
        DrillDownExport.appeals(
            prefix(scope) + list.year() + "年 " + list.rowLabel() + " · " + list.columnLabel(),
            list.items()),
        StatisticsController.XLSX,
        cellFile("appeals", list.year(), list.row(), list.column(), scope));
  }

  @Operation(
      summary = "旧版统计表一行中的申请",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      列出 2019 年前旧版统计表中某一行计入的每一件申请（`RECONSIDERATION_*`、`LITIGATION_*` 各行为复议、诉讼案件），\
      件数与该行相同：`{year, row, rowLabel, listOf: "REQUESTS" 或 "APPEALS", count, items}`，items 的字段同表三、表四的列表。\
      `row` 为旧版统计表的行代码；`FEES_COLLECTED_10K_YUAN`（收取费用）是金额，没有列表。\
      """
              + MASKING
              + " `format=xlsx`：同一列表的 Excel 表。")
  @Parameter(
      name = "row",
      in = ParameterIn.QUERY,
      required = true,
      description = "旧版统计表的行代码，如 `RECEIVED_ONLINE`、`ANSWERED_DISCLOSED`")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）或 `xlsx`",
      schema = @Schema(allowableValues = {"json", "xlsx"}))
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @Parameter(name = "agencies", in = ParameterIn.QUERY, description = AGENCIES)
  @ApiResponse(
      responseCode = "200",
      description = "按 `format`：JSON 或 Excel",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = DrillDown.LegacyList.class)),
        @Content(mediaType = XLSX_TYPE)
      })
  @GetMapping("/legacy/requests")
  ResponseEntity<?> legacy(
      @PathVariable String year,
      @RequestParam(required = false) String row,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication who) {
    FieldErrors errors = new FieldErrors();
    ReportScope scope = scope(who, agency, agencies, errors);
    boolean xlsx = xlsx(format, errors);
    int y = drillDown.checkLegacy(year, row, errors);
    errors.throwIfAny();
    DrillDown.LegacyList list = drillDown.legacy(scope, y, row, PersonalData.masked(who));
    if (!xlsx) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(list);
    }
    return StatisticsController.file(
        DrillDownExport.legacy(prefix(scope) + list.year() + "年 旧版统计表 " + list.rowLabel(), list),
        StatisticsController.XLSX,
        "requests-" + list.year() + "-legacy-" + list.row() + suffix(scope) + ".xlsx");
  }

  @Operation(
      summary = "说明段落中各件数的来源",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      年度统计的说明段落（与 `GET /api/statistics/{year}` 的 `paragraph` 相同）及其中每个件数：\
      `{year, format, paragraph, figures:[{phrase, start, end, count, row, column, channel, topic, page, api}]}`。\
      `phrase` 是段落中的原文（如 `共收到政府信息公开申请10件`），`start`、`end` 是它在段落中的位置；\
      `api` 列出这些申请（JSON），`page` 是列出它们的网页。按时答复率和收费金额不是件数，不在其中。""")
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @Parameter(name = "agencies", in = ParameterIn.QUERY, description = AGENCIES)
  @GetMapping("/paragraph")
  DrillDown.ParagraphFigures paragraph(
      @PathVariable String year,
      @RequestParam(required = false) String decimals,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication who) {
    return drillDown.paragraph(scopes.lists(who, agency, agencies), year, decimals);
  }

  @Operation(
      summary = "旧版说明段落中各件数的来源",
      description =
          """
      **角色**：管理人员（manager）；主管部门（supervisor）只读。

      2019 年前旧版统计表的说明段落（与 `GET /api/statistics/{year}/legacy` 的 `paragraph` 相同）及其中每个件数，\
      格式同 `GET /api/statistics/{year}/paragraph`；按信息类别的件数指向表三的 `NEW_THIS_YEAR` 加 `topic`。""")
  @Parameter(name = "decimals", in = ParameterIn.QUERY, description = "说明段落中百分比的小数位数，0 至 3，缺省 1")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = AGENCY)
  @Parameter(name = "agencies", in = ParameterIn.QUERY, description = AGENCIES)
  @GetMapping("/legacy/paragraph")
  DrillDown.ParagraphFigures legacyParagraph(
      @PathVariable String year,
      @RequestParam(required = false) String decimals,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String agencies,
      Authentication who) {
    return drillDown.legacyParagraph(scopes.lists(who, agency, agencies), year, decimals);
  }

  /**
   * The scope asked for; its bad input joins the other fields' (400 naming all at once), 403/404 go
   * straight out.
   */
  private ReportScope scope(
      Authentication who, String agency, String agencies, FieldErrors errors) {
    try {
      return scopes.lists(who, agency, agencies);
    } catch (BadInputException e) {
      e.fields().forEach(errors::add);
      return null;
    }
  }

  /** "示例市人社局 " in front of a spreadsheet's title once the platform has several agencies. */
  static String prefix(ReportScope scope) {
    return scope.whole() ? "" : scope.title() + " ";
  }

  /** "-RSJ" or "-consolidated" in a file name once the platform has several agencies. */
  static String suffix(ReportScope scope) {
    return scope.consolidated()
        ? "-consolidated"
        : scope.whole() ? "" : "-" + scope.agency().code();
  }

  private static boolean xlsx(String format, FieldErrors errors) {
    if (format == null || "json".equals(format)) {
      return false;
    }
    if (!"xlsx".equals(format)) {
      errors.add("format", "只能为 json 或 xlsx");
    }
    return true;
  }

  /** The spreadsheet of one cell's list: {@code requests-2024-3-1-RSJ.xlsx}. */
  private static String cellFile(
      String kind, int year, String row, String column, ReportScope scope) {
    return kind + "-" + year + "-" + row + "-" + column + suffix(scope) + ".xlsx";
  }
}
