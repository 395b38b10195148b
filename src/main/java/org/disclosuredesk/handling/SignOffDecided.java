package org.disclosuredesk.handling;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/** BPMN "负责人签发": refusals and partial disclosure leave only once the office head signs them off. */
@Component("signOffDecided")
public class SignOffDecided implements TaskListener {

  private final RequestRepository requests;
  private final Decisions decisions;
  private final IdentityService identity;

  public SignOffDecided(RequestRepository requests, Decisions decisions, IdentityService identity) {
    this.requests = requests;
    this.decisions = decisions;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    var row = requests.lock(task.getExecution().getProcessBusinessKey());
    boolean approved = decisions.signOff(row, StepValues.read(task), Actors.of(task, identity));
    task.getExecution().getProcessInstance().setVariable(DecisionRoute.SIGN_OFF_APPROVED, approved);
    StepValues.consume(task.getExecution(), List.of("approved", "decidedOn", "comment"));
  }
}
