package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.process.StepInput;
import org.springframework.stereotype.Component;

/** BPMN "准备书面答复或答辩状": what was prepared (a note; the papers themselves go with the case file). */
@Component("responsePrepared")
public class ResponsePrepared extends AppealStepListener {

  private final Appeals appeals;

  public ResponsePrepared(Appeals appeals, AppealRepository rows, IdentityService identity) {
    super(rows, identity, Appeals.SUBMISSION_FIELDS);
    this.appeals = appeals;
  }

  @Override
  void record(AppealRow appeal, StepInput in, String actor) {
    appeals.prepared(appeal, in);
  }
}
