package org.disclosuredesk.letters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.request.RequestRepository;
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
@Tag(name = ApiDocumentation.LETTERS)
@RestController
@RequestMapping("/api/requests/{id}/letters")
public class LetterController {

  private final Letters letters;
  private final RequestRepository requests;

  public LetterController(Letters letters, RequestRepository requests) {
    this.letters = letters;
    this.requests = requests;
  }

  @Operation(
      summary = "列出申请的文书",
      description =
          """
      **角色**：任何工作人员。

      `[{id, kind, title, version, createdAt}]`：告知书、答复书等，同一文书重新生成后各版本都保留。""")
  @GetMapping
  List<Letters.Summary> list(@PathVariable String id) {
    requests.get(id);
    return letters.list(id).stream().map(Letters.Letter::summary).toList();
  }

  /**
   * The .docx, named in Chinese (RFC 5987 {@code filename*}, with an ASCII fallback for old
   * clients).
   */
  @Operation(
      summary = "下载文书",
      description =
          """
      **角色**：任何工作人员。

      文书的 `.docx` 文件，文件名为中文（`Content-Disposition` 的 `filename*`）。""",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "Word 文件",
              content =
                  @Content(
                      mediaType =
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))
  @GetMapping("/{letterId}")
  ResponseEntity<byte[]> download(
      @PathVariable String id, @PathVariable String letterId, HttpServletResponse response) {
    var request = requests.get(id);
    // the forced UTF-8 of text responses (server.servlet.encoding.force) has no place on a binary
    // file
    response.setCharacterEncoding((String) null);
    Letters.Letter letter = letters.get(id, letterId);
    ContentDisposition disposition =
        ContentDisposition.attachment()
            .filename(letter.fileName(request.trackingNumber()), StandardCharsets.UTF_8)
            .build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(LetterAttachments.DOCX))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .body(letters.content(letter.id()));
  }

  @Operation(
      summary = "重新生成文书",
      description =
          """
      **角色**：承办人员（reviewer）。

      更正数据后按当前数据重新生成该文书，得到新的版本（旧版本保留）。返回 201 和新版本 \
      `{id, kind, title, version, createdAt}`。""",
      responses = @ApiResponse(responseCode = "201", description = "已生成新版本"))
  @PostMapping("/{letterId}/regenerate")
  ResponseEntity<Letters.Summary> regenerate(
      @PathVariable String id, @PathVariable String letterId, Authentication who) {
    requests.get(id);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(letters.regenerate(id, letterId, who.getName()).summary());
  }
}
