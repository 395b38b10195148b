package org.disclosuredesk.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/requests/{id}/supervision-notice} (API.md "Agencies"). */
@Tag(name = ApiDocumentation.AGENCIES)
@RestController
class SupervisionController {

  record NoticeBody(String text) {}

  /** {@code {id, at}}. */
  record Created(String id, String at) {}

  private final SupervisionNotices notices;
  private final RequestRepository requests;

  SupervisionController(SupervisionNotices notices, RequestRepository requests) {
    this.notices = notices;
    this.requests = requests;
  }

  @Operation(
      summary = "督办",
      description =
          """
      **角色**：主管部门（supervisor）。

      对一件未办结的申请发出督办（条例第四十七条）：记入该申请的办理记录（`SUPERVISION_NOTICE`，申请人看不到），\
      以邮件发给该机关的负责人，并在该申请及其待办任务上显示，直至办结。

      **请求体**：`text` 督办意见（必填，≤ 1000 字）。返回 201 `{id, at}`；已办结 → 409。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"text": "该申请临近答复期限，请于三个工作日内办结并报告"}"""))))
  @PostMapping("/api/requests/{id}/supervision-notice")
  ResponseEntity<Created> send(
      @PathVariable String id, @RequestBody(required = false) NoticeBody body, Authentication who) {
    requests.get(id);
    SupervisionNotices.Sent sent =
        notices.send(id, body == null ? null : body.text(), who.getName());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Created(sent.id(), sent.at().toString()));
  }
}
