package org.disclosuredesk.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.ApiError;
import org.disclosuredesk.common.BadInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ledger in (API.md): the import template and the import, with a dry run, for clerks. */
@Tag(name = ApiDocumentation.LEDGER)
@RestController
public class LedgerFileController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final LedgerImport ledgerImport;

  private final org.disclosuredesk.agency.AgencyScope agencies;

  public LedgerFileController(
      LedgerImport ledgerImport, org.disclosuredesk.agency.AgencyScope agencies) {
    this.agencies = agencies;
    this.ledgerImport = ledgerImport;
  }

  @Operation(
      summary = "台账：下载导入模板",
      description =
          """
      **角色**：登记人员。

      返回导入模板（.xlsx）：第一页为表头（原编号、申请渠道、到达日期……说明，共 25 列），第二页“填写说明”列出每一列的要求和允许的取值。""")
  @GetMapping("/api/ledger/template")
  ResponseEntity<byte[]> template() {
    return file(LedgerFile.template(), XLSX, "台账导入模板.xlsx");
  }

  @Operation(
      summary = "台账：导入（可试导入）",
      description =
          """
      **角色**：登记人员。

      multipart 表单，一个名为 `file` 的部分：导入模板格式的 .xlsx，或表头相同的 UTF-8 编码 .csv。每一行按本系统的办理环节、以台账所记日期逐步登记\
      （登记、补正、延期、决定、签发）；填写了处理结果和答复日期的为已办结申请，未填的按所填日期进入相应环节并计算答复期限。\
      有任何错误时全部不导入；`dryRun=true` 只检查不写入。原编号已导入过（或为本系统的受理编号）的行不作改动。导入不向申请人发送邮件。

      返回 `{rows, imported, unchanged, errors:[{row, column, message}], dryRun}`：`row` 为表格中的行号（表头为第 1 行）。""")
  @Parameter(
      name = "agencyCode",
      in = ParameterIn.QUERY,
      description = "导入到哪个机关（平台上有多个机关且本人属于多个时必填）")
  @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = "`true`：试导入，只检查不写入；缺省 `false`")
  @PostMapping(path = "/api/ledger/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> importLedger(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String dryRun,
      @RequestParam(required = false) String agencyCode,
      @RequestHeader(required = false) String origin,
      HttpServletRequest request,
      Authentication who)
      throws IOException {
    if (!sameOrigin(origin, request)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(new ApiError("FORBIDDEN", "只能从本系统的页面导入台账", Map.of()));
    }
    Map<String, String> bad = new LinkedHashMap<>();
    if (file == null || file.isEmpty()) {
      bad.put("file", "必填：请选择 .xlsx 或 .csv 文件");
    }
    if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
      bad.put("dryRun", "应为 true 或 false");
    }
    if (!bad.isEmpty()) {
      throw new BadInputException(bad);
    }
    String agency = agencies.forRegistration(who, agencyCode);
    // {rows, imported, unchanged, errors, dryRun}, as API.md has it
    LedgerImport.Result r =
        ledgerImport.run(
            file.getOriginalFilename(),
            file.getBytes(),
            "true".equals(dryRun),
            who.getName(),
            agency);
    return ResponseEntity.ok(r);
  }

  /**
   * A multipart form is a "simple" request a foreign page may send with the clerk's remembered
   * Basic credentials: the browser names the page's origin, and only this host's own pages may
   * import.
   */
  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    if (origin == null) {
      return true;
    }
    try {
      // the server's own name and port as the client addressed it (behind a proxy: as the forwarded
      // headers say)
      URI o = URI.create(origin.strip());
      int port =
          o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
      return request.getServerName().equalsIgnoreCase(o.getHost())
          && request.getServerPort() == port;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.status(HttpStatus.OK)
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }
}
