package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.springframework.stereotype.Component;

/** BPMN "重新办理并答复": the new reply after a CORRECTED result, recorded in the request's history. */
@Component("rehandlingCompleted")
public class RehandlingCompleted implements TaskListener {

  private final Appeals appeals;
  private final AppealRepository rows;
  private final IdentityService identity;

  public RehandlingCompleted(Appeals appeals, AppealRepository rows, IdentityService identity) {
    this.appeals = appeals;
    this.rows = rows;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    AppealRow appeal = rows.lock(task.getExecution().getProcessBusinessKey());
    appeals.rehandled(appeal, StepValues.read(task), Actors.of(task, identity));
    StepValues.consume(task.getExecution(), Appeals.REHANDLE_FIELDS);
  }
}
