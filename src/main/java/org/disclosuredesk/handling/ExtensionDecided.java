package org.disclosuredesk.handling;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/**
 * BPMN "审批延期": the office head approves (new due date, applicant told) or refuses; back to
 * handling.
 */
@Component("extensionDecided")
public class ExtensionDecided implements TaskListener {

  private final RequestRepository requests;
  private final Extensions extensions;
  private final IdentityService identity;

  public ExtensionDecided(
      RequestRepository requests, Extensions extensions, IdentityService identity) {
    this.requests = requests;
    this.extensions = extensions;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    var row = requests.lock(task.getExecution().getProcessBusinessKey());
    extensions.decide(row, StepValues.read(task), Actors.of(task, identity));
    StepValues.consume(task.getExecution(), List.of("approved", "decidedOn"));
  }
}
