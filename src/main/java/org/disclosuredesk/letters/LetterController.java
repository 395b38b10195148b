package org.disclosuredesk.letters;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.intake.RequestRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Download and regeneration of a request's letters (API.md). */
@RestController
@RequestMapping("/api/requests/{id}/letters")
public class LetterController {

  private final Letters letters;
  private final RequestRepository requests;

  public LetterController(Letters letters, RequestRepository requests) {
    this.letters = letters;
    this.requests = requests;
  }

  @GetMapping
  List<Map<String, Object>> list(@PathVariable String id) {
    requests.get(id);
    return letters.list(id).stream().map(Letters.Letter::summary).toList();
  }

  /** The .docx, named in Chinese (RFC 5987 {@code filename*}, with an ASCII fallback for old clients). */
  @GetMapping("/{letterId}")
  ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String letterId,
      HttpServletResponse response) {
    var request = requests.get(id);
    // the forced UTF-8 of text responses (server.servlet.encoding.force) has no place on a binary file
    response.setCharacterEncoding((String) null);
    Letters.Letter letter = letters.get(id, letterId);
    ContentDisposition disposition = ContentDisposition.attachment()
        .filename(letter.fileName(request.trackingNumber()), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(LetterAttachments.DOCX))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .body(letters.content(letter.id()));
  }

  @PostMapping("/{letterId}/regenerate")
  ResponseEntity<Map<String, Object>> regenerate(@PathVariable String id, @PathVariable String letterId,
      Authentication who) {
    requests.get(id);
    return ResponseEntity.status(HttpStatus.CREATED).body(letters.regenerate(id, letterId, who.getName()).summary());
  }
}
