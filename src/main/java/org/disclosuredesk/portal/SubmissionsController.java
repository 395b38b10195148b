package org.disclosuredesk.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.handling.RequestView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff side of the online channel (API.md): the clerk's list, the uploads, confirmation and
 * rejection.
 */
@Tag(name = ApiDocumentation.SUBMISSIONS)
@RestController
@RequestMapping("/api/submissions")
class SubmissionsController {

  /** {@code {items, total}}. */
  record Page(List<Item> items, long total) {}

  /** A submission as the clerk's list shows it. */
  record Item(
      String submissionNumber,
      AgencyRef agency,
      String status,
      String submittedOn,
      String confirmBy,
      boolean late,
      String applicantName,
      String description,
      String requestId,
      String rejectionReason,
      List<Attachment> attachments) {}

  record AgencyRef(String code, String name) {}

  record Attachment(String id, String name, int size, String purpose) {}

  record ForwardingBody(String agencyCode, String reason) {}

  private final SubmissionRepository repository;
  private final Submissions submissions;
  private final RequestView view;
  private final AgencyScope scope;
  private final Agencies agencies;

  SubmissionsController(
      SubmissionRepository repository,
      Submissions submissions,
      RequestView view,
      AgencyScope scope,
      Agencies agencies) {
    this.scope = scope;
    this.agencies = agencies;
    this.repository = repository;
    this.submissions = submissions;
    this.view = view;
  }

  @Operation(
      summary = "网上申请列表",
      description =
          """
      **角色**：登记人员（clerk）。

      `{items:[{submissionNumber, status, submittedOn, confirmBy, late, applicantName, description, requestId, \
      rejectionReason, attachments:[{id, name, size, purpose}]}], total}`；`confirmBy` 为最迟应确认的日期\
      （提交后的第一个工作日），`late` 表示已超过。""")
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      description =
          "`AWAITING_CONFIRMATION`（待确认）、`CONFIRMED`"
              + "（已确认登记）、`REJECTED`（已退回）或 `WITHDRAWN`（申请人已撤回）；缺省为全部",
      schema =
          @Schema(
              allowableValues = {"AWAITING_CONFIRMATION", "CONFIRMED", "REJECTED", "WITHDRAWN"}))
  @Parameter(name = "page", in = ParameterIn.QUERY, description = "页码，从 1 开始，缺省 1")
  @Parameter(name = "size", in = ParameterIn.QUERY, description = "每页条数，1 至 500，缺省 50")
  @GetMapping
  Page list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    if (status != null
        && java.util.Arrays.stream(SubmissionStatus.values())
            .noneMatch(s -> s.name().equals(status))) {
      throw new BadInputException(
          "status", "应为 AWAITING_CONFIRMATION、CONFIRMED、REJECTED 或 WITHDRAWN");
    }
    if (page < 1 || size < 1 || size > 500) {
      throw new BadInputException(page < 1 ? "page" : "size", page < 1 ? "应为正整数" : "应在 1 到 500 之间");
    }
    // each agency's clerks see the submissions made to it (DOMAIN.md §8)
    var mine = scope.visible(who).filter();
    List<Item> items =
        repository.list(mine, status, (page - 1) * size, size).stream().map(this::item).toList();
    return new Page(items, repository.count(mine, status));
  }

  @Operation(
      summary = "下载网上申请的附件",
      description =
          """
      **角色**：登记人员（clerk）、承办人员（reviewer）、负责人（office-head）。

      申请人上传的文件原样返回，总是作为下载（不在浏览器中打开）。""",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "PDF、JPEG 或 PNG 文件",
              content = {
                @Content(mediaType = "application/pdf"),
                @Content(mediaType = "image/jpeg"),
                @Content(mediaType = "image/png")
              }))
  @GetMapping("/{number}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(
      @PathVariable String number, @PathVariable String attachmentId) {
    SubmissionRow row =
        repository.byNumber(number).orElseThrow(() -> new NotFoundException("没有这个网上申请：" + number));
    SubmissionRepository.AttachmentFile a =
        repository
            .attachment(row.id(), attachmentId)
            .orElseThrow(() -> new NotFoundException("没有这个附件：" + attachmentId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.contentType()))
        // always a download, never shown inline in the staff member's browser
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .body(a.content());
  }

  @Operation(
      summary = "确认网上申请（登记）",
      description =
          """
      **角色**：登记人员（clerk）。

      确认收到网上申请，即登记为渠道 `ONLINE` 的申请：`arrivedOn` 为提交之日，`confirmedOn`（确认之日）即收到申请之日\
      （第三十一条第三项）。重复确认 → 409。

      **请求体**：`confirmedOn` 确认日期（必填）。

      **返回**：201，同“登记申请”：`{id, trackingNumber, receivedOn, dueOn, status}`。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"confirmedOn": "2025-10-09"}"""))),
      responses = @ApiResponse(responseCode = "201", description = "已登记为申请"))
  @PostMapping("/{number}/confirmation")
  ResponseEntity<RequestView.Summary> confirm(
      @PathVariable String number, @RequestBody Map<String, Object> body, Principal who) {
    var request = submissions.confirm(number, body, who.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view.summary(request));
  }

  @Operation(
      summary = "退回网上申请",
      description =
          """
      **角色**：登记人员（clerk）。

      只用于根本不是申请的提交（空白、测试、滥用、同一申请提交两次）；本机关不予处理的申请应先确认，\
      再作出答复决定（如 `NOT_PROCESSED_PETITION`），不在这里退回。理由会显示在申请人的进度中。

      **请求体**：`reason` 退回理由（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"reason": "内容为测试文字，不是政府信息公开申请"}"""))))
  @PostMapping("/{number}/rejection")
  Item reject(@PathVariable String number, @RequestBody Map<String, Object> body, Principal who) {
    submissions.reject(number, body, who.getName());
    return item(repository.byNumber(number).orElseThrow());
  }

  @Operation(
      summary = "转送网上申请",
      description =
          """
      **角色**：登记人员（clerk）。

      确认之前，发现网上申请应由平台上的另一机关办理的，转送该机关（DOMAIN.md §8）：申请转到该机关的登记人员，\
      申请人在进度中看到转至哪个机关及理由；转送不计入任何机关的统计，收到申请之日为接收机关确认之日（条例第三十一条第三项）。

      **请求体**：`agencyCode` 接收机关代码（必填，须为在用机关）；`reason` 转送理由（必填，申请人可见，≤ 500 字）。\
      返回 200 及该网上申请；已确认、退回或撤回的 → 409。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"agencyCode": "RSJ", "reason": "养老保险基金信息由市人社局掌握"}"""))))
  @PostMapping("/{number}/forwarding")
  Item forward(@PathVariable String number, @RequestBody ForwardingBody body, Principal who) {
    return item(submissions.forward(number, body.agencyCode(), body.reason(), who.getName()));
  }

  private Item item(SubmissionRow s) {
    return new Item(
        s.submissionNumber(),
        agencyRef(s.agencyCode()),
        s.status(),
        s.submittedOn().toString(),
        submissions.confirmBy(s).toString(),
        submissions.late(s),
        s.applicantName(),
        s.description(),
        s.requestId(),
        s.rejectionReason(),
        repository.attachments(s.id()).stream()
            .map(a -> new Attachment(a.id(), a.name(), a.size(), a.purpose()))
            .toList());
  }

  private AgencyRef agencyRef(String code) {
    return new AgencyRef(
        code,
        agencies.all().stream()
            .filter(x -> x.code().equals(code))
            .map(x -> x.name())
            .findFirst()
            .orElse(code));
  }
}
