package org.disclosuredesk.handling;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/** BPMN "登记补正材料": the supplement arrived; back to screening with the clock restarted (Art. 30). */
@Component("supplementRecorded")
public class SupplementRecorded implements TaskListener {

  private final RequestRepository requests;
  private final Supplements supplements;
  private final IdentityService identity;

  public SupplementRecorded(
      RequestRepository requests, Supplements supplements, IdentityService identity) {
    this.requests = requests;
    this.supplements = supplements;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    var row = requests.lock(task.getExecution().getProcessBusinessKey());
    supplements.received(row, StepValues.read(task), Actors.of(task, identity));
    StepValues.consume(task.getExecution(), List.of("receivedOn"));
  }
}
