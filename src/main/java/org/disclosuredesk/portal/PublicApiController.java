package org.disclosuredesk.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.portal.RateLimits.Limit;
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
 * The public channel's JSON API (API.md "Public channel"), for applicants, without login. The query code travels in
 * the header {@code X-Query-Code}, never in a URL; every write carries a proof-of-work.
 */
@RestController
@RequestMapping("/public/api")
@ConditionalOnProperty(name = "disclosure.portal.enabled", havingValue = "true", matchIfMissing = true)
class PublicApiController {

  static final String CODE = "X-Query-Code";

  record SupplementBody(@Size(max = 10000, message = "不能超过 10000 个字符") String text,
      @Size(max = 2000, message = "格式不正确") String altcha) {}

  record WithdrawalBody(@Size(max = 2000, message = "不能超过 2000 个字符") String reason,
      @Size(max = 2000, message = "格式不正确") String altcha) {}

  private final Submissions submissions;
  private final PublicStatus status;
  private final ProofOfWork proofOfWork;
  private final Letters letters;
  private final RateLimits limits;
  private final Limit challengeLimit = new Limit("challenge", 60, Duration.ofMinutes(1));

  PublicApiController(Submissions submissions, PublicStatus status, ProofOfWork proofOfWork, Letters letters,
      RateLimits limits) {
    this.submissions = submissions;
    this.status = status;
    this.proofOfWork = proofOfWork;
    this.letters = letters;
    this.limits = limits;
  }

  @GetMapping("/challenge")
  Map<String, Object> challenge(HttpServletRequest http) {
    limits.take(challengeLimit, client(http), "请求验证过于频繁");
    return proofOfWork.challenge();
  }

  @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Submissions.Submitted> apply(@Valid @RequestBody PublicApplication application,
      HttpServletRequest http) {
    return ResponseEntity.status(HttpStatus.CREATED).body(submissions.submit(application, client(http)));
  }

  @GetMapping("/applications/{number}")
  Map<String, Object> status(@PathVariable String number, @RequestHeader(name = CODE, required = false) String code,
      HttpServletRequest http) {
    return status.of(submissions.authorised(number, code, client(http), "READ"));
  }

  /** Only letters addressed to the applicant, only with the query code. */
  @GetMapping("/applications/{number}/letters/{letterId}")
  ResponseEntity<byte[]> letter(@PathVariable String number, @PathVariable String letterId,
      @RequestHeader(name = CODE, required = false) String code, HttpServletRequest http) {
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
        .contentType(MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header("Content-Disposition", ContentDisposition.attachment()
            .filename(letter.title() + ".docx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(letters.content(letter.id()));
  }

  @PostMapping(path = "/applications/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> attach(@PathVariable String number,
      @RequestHeader(name = CODE, required = false) String code,
      @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest http) throws IOException {
    if (file == null) {
      throw new BadInputException("file", "必填：请选择文件");
    }
    var saved = submissions.attach(number, code, file.getOriginalFilename(), file.getBytes(), client(http));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", saved.id());
    out.put("name", saved.name());
    out.put("size", saved.size());
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  // Supplement and withdrawal change the request, so they need the query code like every other call on a
  // submission (API.md: the code travels in X-Query-Code; an unknown number and a wrong code answer the same 404).
  // API.md's table does not repeat it for these two rows; without it, whoever guessed a number (the day and six
  // random digits) could withdraw a stranger's request. Missing code = wrong code: 404.
  @PostMapping(path = "/applications/{number}/supplement", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> supplement(@PathVariable String number, @RequestHeader(name = CODE, required = false) String code,
      @Valid @RequestBody SupplementBody body, HttpServletRequest http) {
    return status.of(submissions.supplement(number, code, body.text(), body.altcha(), client(http)));
  }

  @PostMapping(path = "/applications/{number}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> withdraw(@PathVariable String number, @RequestHeader(name = CODE, required = false) String code,
      @Valid @RequestBody WithdrawalBody body, HttpServletRequest http) {
    return status.of(submissions.withdraw(number, code, body.reason(), body.altcha(), client(http)));
  }

  /**
   * The client's address: the TCP peer. Behind a proxy named by {@code server.forward-headers-strategy} the
   * container has already replaced it with the forwarded address; an X-Forwarded-For header is never read here.
   */
  static String client(HttpServletRequest http) {
    return http.getRemoteAddr();
  }
}
