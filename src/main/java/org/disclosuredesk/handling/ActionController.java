package org.disclosuredesk.handling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steps of handling over HTTP (API.md); who may call which is decided in the security
 * configuration. A body is the step's values as its Tasklist form submits them, handed to the
 * process untyped: StepInput reads every field with the same strict types for both and names every
 * bad field at once (API.md), where a record would have Jackson refuse the body at the first.
 */
@Tag(name = ApiDocumentation.HANDLING)
@RestController
@RequestMapping(path = "/api/requests/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
public class ActionController {

  /** {@code {ok: true}}: the step was taken. */
  record Done(boolean ok) {}

  /** {@code {consultationId}}: to record the answer with. */
  record ConsultationSent(String consultationId) {}

  private static final Done OK = new Done(true);

  private final RequestActions actions;

  public ActionController(RequestActions actions) {
    this.actions = actions;
  }

  @Operation(
      summary = "初审：转入办理",
      description =
          """
      **角色**：承办人员（reviewer）。

      初审通过，申请转入办理（`HANDLING`）。要在初审阶段直接结案（如不予处理、不掌握），请改用“作出答复决定”。

      **请求体**：`result` 必填，只能为 `PROCEED`。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"result": "PROCEED"}"""))))
  @PostMapping("/screening")
  Done screening(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.screening(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "要求补正",
      description =
          """
      **角色**：承办人员（reviewer）。

      申请内容不明确时一次性告知申请人补正（第三十条），申请进入等待补正（`AWAITING_SUPPLEMENT`），答复期限暂不计算。\
      收到申请 7 个工作日后才发出的补正告知仍被接受，并在 `warnings` 中标出。

      **请求体**：`noticeOn` 补正告知日期（必填）；`supplementDueOn` 补正期限（必填，可为将来的日期）；\
      `items` 需要补正的事项（必填，文本）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"noticeOn": "2025-10-09", "supplementDueOn": "2025-10-24",
               "items": "请说明所需文件的名称、文号或年份"}"""))))
  @PostMapping("/supplement-request")
  Done supplementRequest(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.supplementRequest(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "登记收到补正",
      description =
          """
      **角色**：登记人员（clerk）。

      申请人补正的材料已收到：申请回到初审（`SCREENING`），答复期限自 `receivedOn` 起重新计算（DOMAIN.md §3）。

      **请求体**：`receivedOn` 收到补正的日期（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"receivedOn": "2025-10-20"}"""))))
  @PostMapping("/supplement")
  Done supplement(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.supplement(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "征求意见",
      description =
          """
      **角色**：承办人员（reviewer）。

      向第三方或其他机关征求意见（第三十二条、第三十三条），征求意见期间答复期限停止计算（`SUSPENDED`）。

      **请求体**：`kind` 必填，`THIRD_PARTY`（第三方）或 `AGENCY`（其他机关）；`party` 被征求意见方（必填）；\
      `sentOn` 发出日期（必填）；`deliveredOn` 送达日期（可选）。

      **返回**：`{consultationId}`，登记答复时用。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"kind": "THIRD_PARTY", "party": "某某有限公司", "sentOn": "2025-10-10",
               "deliveredOn": "2025-10-11"}"""))))
  @PostMapping("/consultation")
  ConsultationSent consultation(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    return new ConsultationSent(actions.consultation(id, body, who.getName()));
  }

  @Operation(
      summary = "登记征求意见的答复",
      description =
          """
      **角色**：登记人员（clerk）。

      登记被征求意见方的答复；没有未答复的征求意见时，答复期限恢复计算。

      **请求体**：`consultationId` 征求意见编号（只有一件未答复时可省略）；`repliedOn` 答复日期（必填）；\
      `opinion` 必填，`AGREE`（同意公开）、`OBJECT`（不同意）或 `NONE`（逾期未答复）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"repliedOn": "2025-10-20", "opinion": "AGREE"}"""))))
  @PostMapping("/consultation/reply")
  Done consultationReply(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.consultationReply(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "申请延期",
      description =
          """
      **角色**：承办人员（reviewer）。

      需要延长答复期限（第三十三条第二款）时提出，等待政府信息公开工作机构负责人批准（`AWAITING_EXTENSION_APPROVAL`）。\
      每件申请只能延期一次，第二次 → 409。

      **请求体**：`requestedOn` 提出日期（必填）；`workingDays` 延长的工作日数（必填，1 至 20）；\
      `reason` 理由（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"requestedOn": "2025-10-27", "workingDays": 20, "reason": "涉及文件较多，需要逐一审查"}"""))))
  @PostMapping("/extension")
  Done extension(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.extension(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "审批延期",
      description =
          """
      **角色**：政府信息公开工作机构负责人（office-head）。

      批准或不批准延期；批准日期晚于现行答复期限 → 409。

      **请求体**：`approved` 是否批准（必填，true/false）；`decidedOn` 审批日期（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"approved": true, "decidedOn": "2025-10-28"}"""))))
  @PostMapping("/extension/decision")
  Done extensionDecision(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.extensionDecision(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "确定较长的答复期限",
      description =
          """
      **角色**：政府信息公开工作机构负责人（office-head）。

      依第三十五条确定合理的较长答复期限（如无正当理由大量、频繁申请），并告知申请人。

      **请求体**：`decidedOn` 决定日期（必填）；`workingDays` 答复期限的工作日数（必填）；`reason` 理由（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"decidedOn": "2025-10-10", "workingDays": 40, "reason": "申请数量明显超过合理范围"}"""))))
  @PostMapping("/custom-period")
  Done customPeriod(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.customPeriod(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "发出收费通知",
      description =
          """
      **角色**：承办人员（reviewer）。

      按信息处理费标准发出收费通知，答复期限停止计算（减免的除外）；金额与计费档次不符 → 400。

      **请求体**：`noticeOn` 通知日期（必填）；`deliveredOn` 送达日期（可选）；`method` 必填，`PER_REQUEST`（按件）\
      或 `PER_VOLUME`（按量）；`pages` 页数（按量计费时）；`amountYuan` 金额（元，必填）；`waived` 是否减免（可选）；\
      `waiverReason` 减免理由（减免时）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"noticeOn": "2025-10-15", "method": "PER_VOLUME", "pages": 150, "amountYuan": 100,
               "waived": false}"""))))
  @PostMapping("/fee-notice")
  Done feeNotice(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.feeNotice(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "登记缴费",
      description =
          """
      **角色**：登记人员（clerk）。

      申请人已缴纳信息处理费，答复期限恢复计算。

      **请求体**：`paidOn` 缴费日期（必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"paidOn": "2025-10-20"}"""))))
  @PostMapping("/fee-payment")
  Done feePayment(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.feePayment(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "登记撤回申请",
      description =
          """
      **角色**：登记人员（clerk）。

      申请人撤回申请：以 `OTHER`（其他）结案，结案日为 `withdrawnOn`。

      **请求体**：`withdrawnOn` 撤回日期（必填）；`note` 说明（可选）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"withdrawnOn": "2025-10-12", "note": "申请人电话告知撤回"}"""))))
  @PostMapping("/withdrawal")
  Done withdrawal(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.withdrawal(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "作出答复决定",
      description =
          """
      **角色**：承办人员（reviewer）。

      在初审或办理阶段作出处理决定（21 种处理结果之一，见 DOMAIN.md §5）。公开类结果须先经保密审查\
      （`confidentialityReview`）；以 `decidedOn`（答复日期）结案并发出答复，或先等待负责人签发（部分公开、不予公开）。

      **请求体**：`outcome` 处理结果代码（必填，如 `DISCLOSED`、`PARTIALLY_DISCLOSED`、`WITHHELD_STATE_SECRET`、\
      `UNAVAILABLE_NOT_HELD`、`NOT_PROCESSED_PETITION`）；`decidedOn` 答复日期（必填）；`deliveryMethod` 送达方式\
      （`POST`、`EMAIL`、`PICKUP`、`ONLINE`、`IN_PERSON`，可选）；`reason` 理由；`alreadyPublic` 是否已主动公开；\
      `thirdPartyInterest` 保护的第三方权益（`TRADE_SECRET`、`PERSONAL_PRIVACY`、`OTHER`）；\
      `notHeldReason` 不掌握的原因（`DOES_NOT_EXIST`、`OTHER_AGENCY`）；\
      `responsibleAgency` 负责公开的机关（`OTHER_AGENCY` 时必填；填平台上机关的代码或全称时，答复书写明该机关的名称、\
      地址和电话（第三十六条第（五）项），申请详情的 `decision.responsiblePlatformAgency` 为其 `{code, name}`；\
      不能是本机关或已撤销的机关）；\
      `relatedRequestId`、`relatedReference` 相关的申请（如重复申请）；`confidentialityReview` 保密审查 \
      `{reviewedBy, reviewedOn}`（公开类结果必填）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"outcome": "DISCLOSED", "decidedOn": "2025-10-28", "deliveryMethod": "EMAIL",
               "confidentialityReview": {"reviewedBy": "王五", "reviewedOn": "2025-10-27"}}"""))))
  @PostMapping("/decision")
  Done decision(
      @PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.decision(id, body, who.getName());
    return OK;
  }

  @Operation(
      summary = "审核签发",
      description =
          """
      **角色**：政府信息公开工作机构负责人（office-head）。

      签发答复：批准则以两个日期中较晚者结案并发出答复；不批准则退回办理。

      **请求体**：`approved` 是否批准（必填）；`decidedOn` 签发日期（必填）；`comment` 意见（可选）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"approved": true, "decidedOn": "2025-10-29", "comment": "同意"}"""))))
  @PostMapping("/sign-off")
  Done signOff(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.signOff(id, body, who.getName());
    return OK;
  }
}
