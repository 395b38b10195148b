package org.disclosuredesk.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.security.PersonalData;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests}: the ledger (台账), filtered and searched, a page at a time, newest
 * first.
 */
@Tag(name = ApiDocumentation.LEDGER)
@RestController
public class LedgerController {

  private final LedgerSearchRepository ledger;
  private final LedgerExport export;
  private final BusinessClock clock;
  private final AgencyScope agencies;

  public LedgerController(
      LedgerSearchRepository ledger,
      LedgerExport export,
      BusinessClock clock,
      AgencyScope agencies) {
    this.agencies = agencies;
    this.ledger = ledger;
    this.export = export;
    this.clock = clock;
  }

  @Operation(
      summary = "台账：检索申请",
      description =
          """
      **角色**：任何工作人员。

      按条件检索全部申请，分页，最新的在前。返回 `{items:[{id, trackingNumber, status, receivedOn, dueOn, outcome?}], \
      total}`。`format=xlsx` 或 `csv` 时返回符合条件的全部申请（不分页），列与台账导入模板相同，可再次导入；管理人员看到的证件号码和\
      电话号码是遮盖的。""")
  @Parameter(name = "year", in = ParameterIn.QUERY, description = "收到申请的年份，如 2025")
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      description =
          "办理状态：`SCREENING`、`AWAITING_SUPPLEMENT`、"
              + "`HANDLING`、`SUSPENDED`、`AWAITING_EXTENSION_APPROVAL`、`AWAITING_SIGN_OFF`、`CONCLUDED`")
  @Parameter(
      name = "overdue",
      in = ParameterIn.QUERY,
      description = "`true`：只列未办结且已过答复期限的；`false`：其余的（含已办结的）")
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      description =
          "检索词，以空格分隔，最多 5 个，每个都须匹配：跟踪编号或" + "申请人姓名名称（开头）、证件号码或统一社会信用代码（完整），或申请内容中的一段文字（至少 2 个字）")
  @Parameter(
      name = "agency",
      in = ParameterIn.QUERY,
      description = "机关代码：只列该机关的申请（主管部门查看各机关；" + "其他人员只能是本人所属的机关）；缺省为可查看的全部机关")
  @Parameter(name = "page", in = ParameterIn.QUERY, description = "页码，从 0 开始，缺省 0")
  @Parameter(name = "size", in = ParameterIn.QUERY, description = "每页条数，1 至 1000，缺省 20")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "`json`（缺省）；`xlsx` 或 `csv`：导出台账文件")
  @GetMapping("/api/requests")
  ResponseEntity<?> ledger(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String agency,
      Authentication who) {
    FieldErrors errors = new FieldErrors();
    if (format != null && !Set.of("json", "xlsx", "csv").contains(format)) {
      errors.add("format", "只能为 json、xlsx 或 csv");
    }
    Integer y = intParam(errors, "year", year, 1900, 2999);
    int p = orDefault(intParam(errors, "page", page, 0, 1_000_000), 0);
    int s = orDefault(intParam(errors, "size", size, 1, 1000), 20);
    if (status != null && !status.isBlank()) {
      try {
        RequestStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        errors.add("status", "不是允许的取值");
      }
    }
    if (overdue != null && !overdue.isBlank() && !Set.of("true", "false").contains(overdue)) {
      errors.add("overdue", "应为 true 或 false");
    }
    if (q != null && q.length() > 200) {
      errors.add("q", "不能超过 200 个字符");
    } else if (LedgerSearchRepository.terms(q).size() > LedgerSearchRepository.MAX_TERMS) {
      errors.add("q", "最多 " + LedgerSearchRepository.MAX_TERMS + " 个检索词（以空格分隔）");
    }
    AgencyScope.Visible visible = agencies.visible(who);
    java.util.Collection<String> scope = visible.filter();
    if (agency != null && !agency.isBlank()) {
      if (!visible.includes(agency.strip())) {
        errors.add("agency", "不是您可以查看的机关：" + agency.strip());
      }
      scope = List.of(agency.strip());
    }
    errors.throwIfAny();
    String st = status == null || status.isBlank() ? null : status;
    Boolean od = overdue == null || overdue.isBlank() ? null : Boolean.valueOf(overdue);
    if (format == null || format.equals("json")) {
      return ResponseEntity.ok(
          ledger.page(scope, y, st, od, LedgerSearchRepository.terms(q), clock.today(), p, s));
    }
    List<String> ids =
        ledger.ids(
            scope,
            y,
            st,
            od,
            LedgerSearchRepository.terms(q),
            clock.today(),
            LedgerExport.MAX_ROWS + 1);
    if (ids.size() > LedgerExport.MAX_ROWS) {
      throw new BadInputException("year", "超过 " + LedgerExport.MAX_ROWS + " 件：请按年份分别导出");
    }
    var rows = export.rows(ids, PersonalData.masked(who));
    String name = "台账" + (y == null ? "" : "-" + y);
    return format.equals("xlsx")
        ? LedgerFileController.file(
            LedgerFile.xlsx(rows), LedgerFileController.XLSX, name + ".xlsx")
        : LedgerFileController.file(LedgerFile.csv(rows), LedgerFileController.CSV, name + ".csv");
  }

  private static Integer intParam(FieldErrors errors, String name, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        errors.add(name, "应在 " + min + " 到 " + max + " 之间");
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(name, "应为整数");
      return null;
    }
  }

  private static int orDefault(Integer v, int d) {
    return v == null ? d : v;
  }
}
