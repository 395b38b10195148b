package org.disclosuredesk.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.statistics.counting.ProactiveFigures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual report document (API.md "Ledger (台账) in and out, and the annual report document") and
 * table 二, which the manager fills in: each agency's own, in its own name from the registry
 * (DOMAIN.md §8). Managers, the supervising office (reading only) and admins (SecurityConfig:
 * /api/statistics/**, /reports/**). The manager page uses the /reports/{year}/… paths, under which
 * the browser already sends its Basic credentials.
 */
@Tag(name = ApiDocumentation.STATISTICS)
@RestController
public class AnnualReportController {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final StatisticsService statistics;
  private final ProactiveRepository proactive;
  private final ReportScopes scopes;
  private final BusinessClock clock;

  public AnnualReportController(
      StatisticsService statistics,
      ProactiveRepository proactive,
      ReportScopes scopes,
      BusinessClock clock) {
    this.statistics = statistics;
    this.proactive = proactive;
    this.scopes = scopes;
    this.clock = clock;
  }

  @Operation(
      summary = "年度报告：下载 Word 草稿",
      description =
          """
      **角色**：管理人员；主管部门只读。

      返回该年度《政府信息公开工作年度报告》的 Word 草稿（.docx，2021 年格式）：一至六部分，表二（主动公开，取管理人员填写的数字）、\
      表三、表四按官方版式（合并表头）填好，附统计段落和信息处理费；已冻结的年度注明冻结时间和变动。`format` 只能为 `docx`（缺省）；\
      `decimals` 为段落中百分比的小数位数。平台上有多个机关时为一个机关的报告（`agency`，以该机关的名义）。""")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = StatisticsController.AGENCY)
  @GetMapping("/api/statistics/{year}/report")
  ResponseEntity<byte[]> report(
      @PathVariable String year,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String decimals,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    int y = statistics.year(year);
    int d = StatisticsService.decimals(decimals);
    if (format != null && !"docx".equals(format)) {
      throw new BadInputException("format", "只能为 docx");
    }
    return docx(scope, y, d);
  }

  @GetMapping("/reports/{year}/report-{file}.docx")
  ResponseEntity<byte[]> reportFromPage(
      @PathVariable String year,
      @RequestParam(required = false) String agency,
      Authentication who) {
    return docx(scopes.agency(who, agency), statistics.year(year), 1);
  }

  @Operation(
      summary = "年度报告：读取表二（主动公开）",
      description =
          """
      **角色**：管理人员；主管部门只读。返回该年度表二“主动公开政府信息情况”已填写的数字，未填写的为 null。""")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = StatisticsController.AGENCY)
  @GetMapping("/api/statistics/{year}/proactive")
  ProactiveView proactive(
      @PathVariable String year,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    return view(scope, statistics.year(year));
  }

  @Operation(
      summary = "年度报告：填写表二（主动公开）",
      description =
          """
      **角色**：管理人员。保存该年度表二“主动公开政府信息情况”的数字（非负整数；收费金额单位万元），未填写的留空；\
      返回保存后的表二。平台上有多个机关时为本机关的表二（`agency`）。""")
  @Parameter(name = "agency", in = ParameterIn.QUERY, description = StatisticsController.AGENCY)
  @PutMapping({"/api/statistics/{year}/proactive", "/reports/{year}/proactive"})
  ProactiveView saveProactive(
      @PathVariable String year,
      @RequestBody(required = false) JsonNode body,
      @RequestParam(required = false) String agency,
      Authentication who) {
    ReportScope scope = scopes.agency(who, agency);
    scopes.requireOwn(who, scope, "只有本机关的管理人员可以填写本机关的表二");
    int y = statistics.year(year);
    ProactiveFigures figures = ProactiveFigures.parse(body);
    proactive.save(
        scope.agency().code(),
        y,
        figures,
        LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0),
        who.getName());
    return view(scope, y);
  }

  private ProactiveView view(ReportScope scope, int year) {
    var saved = proactive.find(scope.agency().code(), year);
    return new ProactiveView(
        year,
        AgencyRef.of(scope),
        saved.map(ProactiveRepository.Saved::figures).orElse(ProactiveFigures.BLANK).plain(),
        saved.map(s -> s.updatedAt().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).orElse(null),
        saved.map(ProactiveRepository.Saved::updatedBy).orElse(null));
  }

  /** The agency's report in its own name, address and phone from the registry. */
  private ResponseEntity<byte[]> docx(ReportScope scope, int year, int decimals) {
    Agency a = scope.agency();
    byte[] body =
        AnnualReportDocument.build(
            statistics.annual(statistics.table(year, scope), scope, decimals),
            proactive.figures(a.code(), year),
            new AgencyProperties(
                a.name(), a.address(), a.phone(), a.reconsiderationBody(), a.court()));
    String title = (scope.whole() ? "" : a.name()) + AnnualReportDocument.title(year);
    return ResponseEntity.ok()
        .contentType(DOCX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            attachment(
                title + ".docx",
                "annual-report-" + year + DrillDownController.suffix(scope) + ".docx"))
        .body(body);
  }

  /** RFC 6266 / 5987: the Chinese name for every current browser, an ASCII one for the rest. */
  static String attachment(String name, String asciiName) {
    return "attachment; filename=\""
        + asciiName
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
