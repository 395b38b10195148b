package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.process.StepInput;
import org.springframework.stereotype.Component;

/** BPMN "重新办理并答复": the new reply after a CORRECTED result, recorded in the request's history. */
@Component("rehandlingCompleted")
public class RehandlingCompleted extends AppealStepListener {

  private final Appeals appeals;

  public RehandlingCompleted(Appeals appeals, AppealRepository rows, IdentityService identity) {
    super(rows, identity, Appeals.REHANDLE_FIELDS);
    this.appeals = appeals;
  }

  @Override
  void record(AppealRow appeal, StepInput in, String actor) {
    appeals.rehandled(appeal, in, actor);
  }
}
