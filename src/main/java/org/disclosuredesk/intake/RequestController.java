package org.disclosuredesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.handling.RequestView;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.security.PersonalData;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration, the request file, and the ledger (API.md). */
@Tag(name = ApiDocumentation.INTAKE)
@RestController
@RequestMapping("/api/requests")
public class RequestController {

  private final IntakeService intake;
  private final RequestView view;
  private final RequestRepository requests;
  private final BusinessClock clock;
  private final AgencyScope agencies;

  public RequestController(
      IntakeService intake,
      RequestView view,
      RequestRepository requests,
      BusinessClock clock,
      AgencyScope agencies) {
    this.agencies = agencies;
    this.intake = intake;
    this.view = view;
    this.requests = requests;
    this.clock = clock;
  }

  @Operation(
      summary = "登记申请",
      description =
          """
      **角色**：登记人员（clerk）。

      登记一件政府信息公开申请（纸质申请补录、网上申请平台对接），启动办理流程。收到申请之日（DOMAIN.md §2）：\
      `IN_PERSON`、`POST_REGISTERED`、`OTHER` 为 `arrivedOn`；`POST_ORDINARY`、`ONLINE`、`FAX` 为 `confirmedOn`，\
      缺省同 `arrivedOn`（登记即确认）。

      **请求体**：`channel` 申请渠道（必填：`IN_PERSON` 当面、`POST_REGISTERED` 邮寄需签收、`POST_ORDINARY` 平常信函、\
      `ONLINE` 互联网、`FAX` 传真、`OTHER` 其他）；`arrivedOn` 到达日期（必填）；`confirmedOn` 确认日期；\
      `applicant` 申请人（必填）`{type, name, idNumber?, creditCode?, email?, phone?, address?}`，`type` 为\
      `NATURAL_PERSON`、`COMMERCIAL_ENTERPRISE`、`RESEARCH_INSTITUTION`、`PUBLIC_INTEREST_ORGANIZATION`、\
      `LEGAL_SERVICE_PROVIDER` 或 `OTHER_ORGANIZATION`；`agent` 代理人 `{name, idNumber?, phone?}`；\
      `description` 申请内容（必填，≤ 10000 字）；`topic` 信息类别；`requestedForms` 获取方式\
      （`PAPER`、`ELECTRONIC`、`INSPECTION`）；`deliveryChannel` 送达方式（`POST`、`EMAIL`、`PICKUP`、`ONLINE`）；\
      `externalReference` 外部编号（如网上申请平台的编号，用于去重）；`agencyCode` 受理机关代码（平台上有多个机关时：\
      登记人员只属于一个机关可省略，属于多个须写明；不是该机关工作人员 → 403，机关已撤销 → 409）。

      **返回**：201 `{id, trackingNumber, receivedOn, dueOn, status}`；同一 `externalReference` 再次提交返回 200 和\
      第一次登记的申请，不再启动流程。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例",
                              value =
                                  """
              {"channel": "POST_REGISTERED", "arrivedOn": "2025-09-26",
               "applicant": {"type": "NATURAL_PERSON", "name": "李四", "idNumber": "370102199001011234",
                             "phone": "13800000000", "address": "示例市示例路2号"},
               "description": "请公开2024年本市城乡居民养老保险基金收支情况", "topic": "社保信息",
               "requestedForms": ["ELECTRONIC"], "deliveryChannel": "EMAIL",
               "externalReference": "WS-2025-000123"}"""))),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "已登记：`{id, trackingNumber, receivedOn, dueOn, status}`"),
        @ApiResponse(responseCode = "200", description = "该 `externalReference` 已登记过：返回第一次登记的申请")
      })
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RequestView.Summary> register(
      @Valid @RequestBody RegistrationForm form, Authentication who) {
    IntakeService.Registered r;
    try {
      r =
          intake.register(
              form.forAgency(agencies.forRegistration(who, form.agencyCode())), who.getName());
    } catch (DataIntegrityViolationException raced) {
      // the same externalReference registered at the same moment elsewhere: answer with that
      // request
      var first = intake.findByExternalReference(form.externalReference());
      if (first.isEmpty()) {
        throw raced;
      }
      r = new IntakeService.Registered(first.get(), false);
    }
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(view.summary(r.request()));
  }

  @Operation(
      summary = "查看申请档案",
      description =
          """
      **角色**：任何工作人员。

      一件申请的全部情况：`{id, trackingNumber, channel, receivedOn, dueOn, remainingWorkingDays, status, outcome?, \
      concludedOn?, extended, applicant, suspensions:[{kind, from, to}], deadlineExplanation:[...], \
      possibleDuplicates:[...], letters:[{id, kind, title, version, createdAt}], appeals:[...], warnings:[...], \
      events:[{at, type, by, ...}]}`。`dueOn` 为现行答复期限，等待补正或期限中止时为 null，\
      此时 `remainingWorkingDays` 为剩余工作日数。证件号码和电话对管理人员打码显示。""")
  @GetMapping("/{id}")
  RequestView.RequestFile get(@PathVariable String id, Authentication who) {
    requests.get(id);
    return view.full(id, PersonalData.masked(who));
  }
}
