package org.disclosuredesk.handling;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/** BPMN "登记缴费": the fee was paid; the clock resumes. */
@Component("feePaymentRecorded")
public class FeePaymentRecorded implements TaskListener {

  private final RequestRepository requests;
  private final Fees fees;
  private final IdentityService identity;

  public FeePaymentRecorded(RequestRepository requests, Fees fees, IdentityService identity) {
    this.requests = requests;
    this.fees = fees;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    var row = requests.lock(task.getExecution().getProcessBusinessKey());
    fees.paid(
        row,
        (String) task.getVariableLocal(TaskDates.SOURCE_ID),
        StepValues.read(task),
        Actors.of(task, identity));
    StepValues.consume(task.getExecution(), List.of("paidOn"));
  }
}
