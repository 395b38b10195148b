package org.disclosuredesk.appeal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconsideration and litigation over HTTP (API.md); roles are decided in the security
 * configuration.
 */
@Tag(name = ApiDocumentation.APPEALS)
@RestController
public class AppealController {

  /** {@code {"ok": true}}: the step is recorded. */
  record Done(boolean ok) {}

  private static final Done OK = new Done(true);

  private final AppealActions actions;

  public AppealController(AppealActions actions) {
    this.actions = actions;
  }

  @Operation(
      summary = "登记行政复议或诉讼",
      description =
          """
      **角色**：承办人员（reviewer）。

      就一件申请登记行政复议或行政诉讼案件（已办结的申请，或已过答复期限仍未办结的申请），\
      计算答复、答辩期限并提醒。

      **请求体**：`kind` 必填，`RECONSIDERATION`（行政复议）、`LITIGATION_DIRECT`（直接起诉）或 \
      `LITIGATION_AFTER_RECONSIDERATION`（复议后起诉）；`receivedOn` 收到日期（必填）；`caseNumber` 案号（必填）；\
      `body` 复议机关或法院（必填）；`simpleProcedure` 是否简易程序（可选）。

      **返回**：201 `{appealId, responseDueOn, warnings}`。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"kind": "RECONSIDERATION", "receivedOn": "2025-11-10", "caseNumber": "示府复〔2025〕12号",
               "body": "示例市人民政府", "simpleProcedure": false}"""))))
  @PostMapping(path = "/api/requests/{id}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  AppealActions.Opened open(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    return actions.open(id, body, who.getName());
  }

  @Operation(
      summary = "查看复议或诉讼案件",
      description =
          """
      **角色**：任何工作人员。

      案件的种类、收到日期、答复期限、提交日期、结果、重新办理期限等。""")
  @GetMapping("/api/appeals/{appealId}")
  AppealSection.AppealView get(@PathVariable String appealId) {
    return actions.get(appealId);
  }

  @Operation(
      summary = "登记答复或答辩已提交",
      description =
          """
      **角色**：承办人员（reviewer）。

      答复书、答辩状及证据已向复议机关或法院提交。

      **请求体**：`submittedOn` 提交日期（必填）；`note` 说明（可选）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"submittedOn": "2025-11-18", "note": "已当面提交答复书及证据材料"}"""))))
  @PostMapping(
      path = "/api/appeals/{appealId}/submission",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Done submission(
      @PathVariable String appealId, @RequestBody Map<String, Object> body, Authentication who) {
    actions.submission(appealId, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "登记复议或诉讼结果",
      description =
          """
      **角色**：承办人员（reviewer）。

      登记结果，案件结束。`CORRECTED`（被纠错）时申请上生成重新办理任务（原办结情况仍计入表三）。

      **请求体**：`result` 必填，`UPHELD`（维持）、`CORRECTED`（纠正）或 `OTHER`（其他）；`decidedOn` 结果日期（必填）；\
      `submittedOn` 答复提交日期（尚未登记时）；`redoWithinWorkingDays` 或 `redoDueOn` 重新办理的期限（纠正时）；\
      `note` 说明。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"result": "UPHELD", "decidedOn": "2026-01-15"}"""))))
  @PostMapping(path = "/api/appeals/{appealId}/result", consumes = MediaType.APPLICATION_JSON_VALUE)
  Done result(
      @PathVariable String appealId, @RequestBody Map<String, Object> body, Authentication who) {
    actions.result(appealId, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "登记重新办理结果",
      description =
          """
      **角色**：承办人员（reviewer）。

      结果为纠正后，登记重新答复申请人的情况。

      **请求体**：`repliedOn` 重新答复日期（必填）；`outcome` 重新答复的处理结果代码（必填）；`note` 说明（可选）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"repliedOn": "2026-02-10", "outcome": "PARTIALLY_DISCLOSED"}"""))))
  @PostMapping(
      path = "/api/appeals/{appealId}/rehandling",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Done rehandling(
      @PathVariable String appealId, @RequestBody Map<String, Object> body, Authentication who) {
    actions.rehandling(appealId, body, who.getName());
    return OK;
  }
}
