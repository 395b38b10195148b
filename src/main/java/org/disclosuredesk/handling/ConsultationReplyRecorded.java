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

/**
 * BPMN "登记征求意见答复": the third party's or agency's answer; the clock resumes when no stop is open.
 */
@Component("consultationReplyRecorded")
public class ConsultationReplyRecorded implements TaskListener {

  private final RequestRepository requests;
  private final Consultations consultations;
  private final IdentityService identity;

  public ConsultationReplyRecorded(
      RequestRepository requests, Consultations consultations, IdentityService identity) {
    this.requests = requests;
    this.consultations = consultations;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    var row = requests.lock(task.getExecution().getProcessBusinessKey());
    String consultationId = (String) task.getVariableLocal(TaskDates.SOURCE_ID);
    consultations.replied(row, consultationId, StepValues.read(task), Actors.of(task, identity));
    StepValues.consume(task.getExecution(), List.of("repliedOn", "opinion", "consultationId"));
  }
}
