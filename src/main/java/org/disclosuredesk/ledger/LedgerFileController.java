package org.disclosuredesk.ledger;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
@RestController
public class LedgerFileController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final LedgerImport ledgerImport;

  public LedgerFileController(LedgerImport ledgerImport) {
    this.ledgerImport = ledgerImport;
  }

  @GetMapping("/api/ledger/template")
  ResponseEntity<byte[]> template() {
    return file(LedgerFile.template(), XLSX, "台账导入模板.xlsx");
  }

  @PostMapping(path = "/api/ledger/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> importLedger(@RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String dryRun, @RequestHeader(required = false) String origin,
      HttpServletRequest request, Authentication who) throws IOException {
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
    LedgerImport.Result r = ledgerImport.run(file.getOriginalFilename(), file.getBytes(), "true".equals(dryRun),
        who.getName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", r.rows());
    out.put("imported", r.imported());
    out.put("unchanged", r.unchanged());
    out.put("errors", r.errors());
    out.put("dryRun", r.dryRun());
    return ResponseEntity.ok(out);
  }

  /**
   * A multipart form is a "simple" request a foreign page may send with the clerk's remembered Basic credentials:
   * the browser names the page's origin, and only this host's own pages may import.
   */
  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    if (origin == null) {
      return true;
    }
    try {
      // the server's own name and port as the client addressed it (behind a proxy: as the forwarded headers say)
      URI o = URI.create(origin.strip());
      int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
      return request.getServerName().equalsIgnoreCase(o.getHost()) && request.getServerPort() == port;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.status(HttpStatus.OK).contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
