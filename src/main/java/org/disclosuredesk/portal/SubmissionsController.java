package org.disclosuredesk.portal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.intake.RequestView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff side of the online channel (API.md): the clerk's list, the uploads, confirmation and rejection. */
@RestController
@RequestMapping("/api/submissions")
class SubmissionsController {

  private final SubmissionRepository repository;
  private final Submissions submissions;
  private final RequestView view;

  SubmissionsController(SubmissionRepository repository, Submissions submissions, RequestView view) {
    this.repository = repository;
    this.submissions = submissions;
    this.view = view;
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
    if (status != null && java.util.Arrays.stream(SubmissionStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw new BadInputException("status", "应为 AWAITING_CONFIRMATION、CONFIRMED、REJECTED 或 WITHDRAWN");
    }
    if (page < 1 || size < 1 || size > 500) {
      throw new BadInputException(page < 1 ? "page" : "size", page < 1 ? "应为正整数" : "应在 1 到 500 之间");
    }
    List<Map<String, Object>> items = repository.list(status, (page - 1) * size, size).stream().map(this::item).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("total", repository.count(status));
    return out;
  }

  @GetMapping("/{number}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable String attachmentId) {
    SubmissionRow row = repository.byNumber(number).orElseThrow(() -> new NotFoundException("没有这个网上申请：" + number));
    Map<String, Object> a = repository.attachment(row.id(), attachmentId)
        .orElseThrow(() -> new NotFoundException("没有这个附件：" + attachmentId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType((String) a.get("contentType")))
        // always a download, never shown inline in the staff member's browser
        .header("Content-Disposition", ContentDisposition.attachment()
            .filename((String) a.get("name"), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .body((byte[]) a.get("content"));
  }

  @PostMapping("/{number}/confirmation")
  ResponseEntity<Map<String, Object>> confirm(@PathVariable String number, @RequestBody Map<String, Object> body,
      Principal who) {
    var request = submissions.confirm(number, body, who.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view.summary(request));
  }

  @PostMapping("/{number}/rejection")
  Map<String, Object> reject(@PathVariable String number, @RequestBody Map<String, Object> body, Principal who) {
    submissions.reject(number, body, who.getName());
    return item(repository.byNumber(number).orElseThrow());
  }

  private Map<String, Object> item(SubmissionRow s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("submissionNumber", s.submissionNumber());
    m.put("status", s.status());
    m.put("submittedOn", s.submittedOn().toString());
    m.put("confirmBy", submissions.confirmBy(s).toString());
    m.put("late", submissions.late(s));
    m.put("applicantName", s.applicantName());
    m.put("description", s.description());
    m.put("requestId", s.requestId());
    m.put("rejectionReason", s.rejectionReason());
    m.put("attachments", repository.attachments(s.id()).stream().map(a -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", a.id());
      x.put("name", a.name());
      x.put("size", a.size());
      x.put("purpose", a.purpose());
      return x;
    }).toList());
    return m;
  }
}
