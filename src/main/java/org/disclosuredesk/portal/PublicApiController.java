package org.disclosuredesk.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.common.RateLimits;
import org.disclosuredesk.common.RateLimits.Limit;
import org.disclosuredesk.letters.Letters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public channel's JSON API (API.md "Public channel"), for applicants, without login. The query
 * code travels in the header {@code X-Query-Code}, never in a URL; every write carries a
 * proof-of-work.
 */
@Tag(name = ApiDocumentation.PUBLIC)
@RestController
@RequestMapping("/public/api")
@ConditionalOnProperty(
    name = "disclosure.portal.enabled",
    havingValue = "true",
    matchIfMissing = true)
class PublicApiController {

  static final String CODE = "X-Query-Code";
  private static final String CODE_TEXT = "查询码（提交时返回），只放在请求头中，不放在网址里；编号未知与查询码错误同样返回 404";

  /** {@code 201} of an upload: {@code {id, name, size}}. */
  record Uploaded(String id, String name, int size) {}

  record SupplementBody(
      @Size(max = 10000, message = "不能超过 10000 个字符") String text,
      @Size(max = 2000, message = "格式不正确") String altcha) {}

  record WithdrawalBody(
      @Size(max = 2000, message = "不能超过 2000 个字符") String reason,
      @Size(max = 2000, message = "格式不正确") String altcha) {}

  private final Submissions submissions;
  private final PublicStatus status;
  private final ProofOfWork proofOfWork;
  private final Letters letters;
  private final RateLimits limits;
  private final Limit challengeLimit = new Limit("challenge", 60, Duration.ofMinutes(1));

  PublicApiController(
      Submissions submissions,
      PublicStatus status,
      ProofOfWork proofOfWork,
      Letters letters,
      RateLimits limits) {
    this.submissions = submissions;
    this.status = status;
    this.proofOfWork = proofOfWork;
    this.letters = letters;
    this.limits = limits;
  }

  @Operation(
      summary = "获取工作量证明题目",
      description =
          """
      **无需登录。**

      ALTCHA 工作量证明题目（协议 v1，SHA-256）：`{algorithm, challenge, salt, signature, maxnumber}`。\
      浏览器解出后随提交、补正、撤回一起发送（`altcha`）；每个解只能用一次，10 分钟内有效。""")
  @GetMapping("/challenge")
  ProofOfWork.Challenge challenge(HttpServletRequest http) {
    limits.take(challengeLimit, client(http), "请求验证过于频繁");
    return proofOfWork.challenge();
  }

  @Operation(
      summary = "提交网上申请",
      description =
          """
      **无需登录。**

      公众在网上提交政府信息公开申请，等待登记人员确认（`AWAITING_CONFIRMATION`）。同一地址每小时提交次数有限（429）。

      **请求体**：`applicant` 申请人（必填）`{type, name, idType?, idNumber?, creditCode?, email?, phone, address?}`，\
      联系电话必填；`idType` 为 `RESIDENT_ID`（18 位号码的缺省值）、`PASSPORT`、`HK_MACAO_PERMIT`、`TAIWAN_PERMIT`、\
      `FOREIGN_PERMANENT_RESIDENT_ID` 或 `OTHER`，居民身份证号码和统一社会信用代码的校验位不对 → 400；\
      `agent` 代理人 `{name, idType?, idNumber?, phone?}`；`description` 申请内容（必填）；`requestedForms` 获取方式；\
      `deliveryChannel` 送达方式；`altcha` 工作量证明的解（必填，ALTCHA 组件发送的 base64，\
      缺失、错误、过期或重复使用 → 400，指明 `altcha`）。

      **返回**：201 `{submissionNumber, queryCode, submittedOn, status: "AWAITING_CONFIRMATION"}`，\
      请申请人妥善保存编号和查询码。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"applicant": {"type": "NATURAL_PERSON", "name": "李四", "idType": "RESIDENT_ID",
                             "idNumber": "11010519491231002X", "phone": "13800000000", "email": "lisi@example.cn"},
               "description": "请公开2024年本市城乡居民养老保险基金收支情况",
               "requestedForms": ["ELECTRONIC"], "deliveryChannel": "EMAIL",
               "altcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIn0="}"""))),
      responses = @ApiResponse(responseCode = "201", description = "已提交，等待确认"))
  @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Submissions.Submitted> apply(
      @Valid @RequestBody PublicApplication application, HttpServletRequest http) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(submissions.submit(application, client(http)));
  }

  @Operation(
      summary = "查询办理进度",
      description =
          """
      **无需登录**，凭查询码。

      `{submissionNumber, status, submittedOn, trackingNumber?, receivedOn?, dueOn?, remainingWorkingDays?, outcome?, \
      concludedOn?, supplementRequest?:{items, dueOn}, timeline:[{on, text}], letters:[{id, title, createdOn}]}`。\
      `status` 为 `AWAITING_CONFIRMATION`、`REJECTED`、`WITHDRAWN`，确认后为申请自己的办理状态；\
      `timeline` 用申请人能懂的中文说明办理经过，不含工作人员姓名、内部意见或他人信息。""")
  @Parameter(name = CODE, in = ParameterIn.HEADER, required = true, description = CODE_TEXT)
  @GetMapping("/applications/{number}")
  PublicStatus.View status(
      @PathVariable String number,
      @RequestHeader(name = CODE, required = false) String code,
      HttpServletRequest http) {
    return status.of(submissions.authorised(number, code, client(http), "READ"));
  }

  /** Only letters addressed to the applicant, only with the query code. */
  @Operation(
      summary = "下载给申请人的文书",
      description =
          """
      **无需登录**，凭查询码。

      只能下载写给申请人的文书（`.docx`），其他文书同样返回 404。""",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "Word 文件",
              content =
                  @Content(
                      mediaType =
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))
  @Parameter(name = CODE, in = ParameterIn.HEADER, required = true, description = CODE_TEXT)
  @GetMapping("/applications/{number}/letters/{letterId}")
  ResponseEntity<byte[]> letter(
      @PathVariable String number,
      @PathVariable String letterId,
      @RequestHeader(name = CODE, required = false) String code,
      HttpServletRequest http) {
    SubmissionRow row = submissions.authorised(number, code, client(http), "LETTER");
    if (row.requestId() == null) {
      throw new NotFoundException(Submissions.NOT_FOUND);
    }
    Letters.Letter letter;
    try {
      letter = letters.get(row.requestId(), letterId);
    } catch (NotFoundException e) {
      throw new NotFoundException(Submissions.NOT_FOUND);
    }
    if (!PublicStatus.addressedToApplicant(letter.kind())) {
      throw new NotFoundException(Submissions.NOT_FOUND);
    }
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(letter.title() + ".docx", java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(letters.content(letter.id()));
  }

  @Operation(
      summary = "上传附件",
      description =
          """
      **无需登录**，凭查询码。

      `multipart/form-data`，一个名为 `file` 的部分。只在等待确认或要求补正期间可以上传；按文件内容（而非文件名）\
      判断，只接受 PDF、JPEG 或 PNG；每个不超过 5 MB（超过 → 413），每件申请最多 5 个。返回 201 `{id, name, size}`。""",
      responses = @ApiResponse(responseCode = "201", description = "已上传"))
  @Parameter(name = CODE, in = ParameterIn.HEADER, required = true, description = CODE_TEXT)
  @PostMapping(
      path = "/applications/{number}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Uploaded> attach(
      @PathVariable String number,
      @RequestHeader(name = CODE, required = false) String code,
      @RequestPart(name = "file", required = false) MultipartFile file,
      HttpServletRequest http)
      throws IOException {
    if (file == null) {
      throw new BadInputException("file", "必填：请选择文件");
    }
    var saved =
        submissions.attach(number, code, file.getOriginalFilename(), file.getBytes(), client(http));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Uploaded(saved.id(), saved.name(), saved.size()));
  }

  // Supplement and withdrawal change the request, so they need the query code like every other call
  // on a submission (API.md: the code travels in X-Query-Code; an unknown number and a wrong code
  // answer the same 404). API.md's table does not repeat it for these two rows; without it, whoever
  // guessed a number (the day and six random digits) could withdraw a stranger's request. Missing
  // code = wrong code: 404.
  @Operation(
      summary = "提交补正",
      description =
          """
      **无需登录**，凭查询码。

      只在要求补正期间可以提交；即为当日收到补正（DOMAIN.md §3：答复期限重新计算）。返回最新的办理进度。

      **请求体**：`text` 补正内容（必填，≤ 10000 字）；`altcha` 工作量证明的解（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"text": "所需文件为《示例市2024年社会保险基金预算》", "altcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0="}"""))))
  @Parameter(name = CODE, in = ParameterIn.HEADER, required = true, description = CODE_TEXT)
  @PostMapping(
      path = "/applications/{number}/supplement",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  PublicStatus.View supplement(
      @PathVariable String number,
      @RequestHeader(name = CODE, required = false) String code,
      @Valid @RequestBody SupplementBody body,
      HttpServletRequest http) {
    return status.of(
        submissions.supplement(number, code, body.text(), body.altcha(), client(http)));
  }

  @Operation(
      summary = "撤回申请",
      description =
          """
      **无需登录**，凭查询码。

      确认前撤回：该提交关闭（`WITHDRAWN`），不登记为申请；确认后撤回：申请当日以 `OTHER`（撤回）结案。\
      返回最新的办理进度。

      **请求体**：`reason` 理由（可选）；`altcha` 工作量证明的解（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"reason": "已通过其他途径获得", "altcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0="}"""))))
  @Parameter(name = CODE, in = ParameterIn.HEADER, required = true, description = CODE_TEXT)
  @PostMapping(
      path = "/applications/{number}/withdrawal",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  PublicStatus.View withdraw(
      @PathVariable String number,
      @RequestHeader(name = CODE, required = false) String code,
      @Valid @RequestBody WithdrawalBody body,
      HttpServletRequest http) {
    return status.of(
        submissions.withdraw(number, code, body.reason(), body.altcha(), client(http)));
  }

  /**
   * The client's address: the TCP peer. Behind a proxy named by {@code
   * server.forward-headers-strategy} the container has already replaced it with the forwarded
   * address; an X-Forwarded-For header is never read here.
   */
  static String client(HttpServletRequest http) {
    return http.getRemoteAddr();
  }
}
