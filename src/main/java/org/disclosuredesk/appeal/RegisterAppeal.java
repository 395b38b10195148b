package org.disclosuredesk.appeal;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * BPMN "登记复议、诉讼案件": the API names the request by id, the Tasklist start form by its tracking
 * number; both go through the same rules ({@link Appeals#open}). Sets the appeal id as business key
 * and the reply/defence timers.
 */
@Component("registerAppeal")
public class RegisterAppeal implements JavaDelegate {

  private final Appeals appeals;
  private final RequestRepository requests;
  private final AppealTimers timers;
  private final IdentityService identity;
  private final AgencyScope agencies;

  public RegisterAppeal(
      Appeals appeals,
      RequestRepository requests,
      AppealTimers timers,
      IdentityService identity,
      AgencyScope agencies) {
    this.agencies = agencies;
    this.appeals = appeals;
    this.requests = requests;
    this.timers = timers;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RequestRow request = requests.lock(requestId(execution));
    String tenant = execution.getTenantId();
    if (tenant != null && !tenant.equals(request.agencyCode())) {
      // Tasklist's start form naming another agency's request (AppealStartAgency left it to the
      // starter's): unknown
      throw new BadInputException("trackingNumber", "没有这个受理编号");
    }
    if (tenant == null && agencies.several()) {
      throw new BadInputException("trackingNumber", "无法确定您所在的机关：您不属于任何机关，或所填受理编号不是您所在机关的");
    }
    String appealId =
        execution.getVariable(AppealProcess.GIVEN_APPEAL_ID) instanceof String s
            ? s
            : UUID.randomUUID().toString();
    AppealRow appeal =
        appeals.open(
            appealId,
            request,
            StepValues.read(execution),
            Actors.of(execution, identity),
            execution.getProcessInstanceId());
    StepValues.consume(execution, Appeals.OPEN_FIELDS);
    execution.setProcessBusinessKey(appealId);
    execution.setVariable(AppealProcess.APPEAL_ID, appealId);
    execution.setVariable(AppealProcess.REQUEST_ID, request.id());
    // shown in Tasklist; no personal data
    execution.setVariable("trackingNumber", request.trackingNumber());
    execution.setVariable("appealKind", appeal.kind());
    timers.response(execution, appeal.responseDueOn());
  }

  private String requestId(DelegateExecution execution) {
    if (execution.getVariable(AppealProcess.GIVEN_REQUEST_ID) instanceof String id) {
      return id;
    }
    Object number = execution.getVariable("trackingNumber");
    if (!(number instanceof String n) || n.isBlank()) {
      throw new BadInputException("trackingNumber", "必填");
    }
    return requests
        .findByTrackingNumber(n.trim())
        .map(RequestRow::id)
        .orElseThrow(() -> new BadInputException("trackingNumber", "没有这个受理编号"));
  }
}
