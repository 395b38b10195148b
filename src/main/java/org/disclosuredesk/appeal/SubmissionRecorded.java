package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.process.StepInput;
import org.springframework.stereotype.Component;

/** BPMN "登记提交日期": the day our reply/defence and evidence reached the body. */
@Component("submissionRecorded")
public class SubmissionRecorded extends AppealStepListener {

  private final Appeals appeals;

  public SubmissionRecorded(Appeals appeals, AppealRepository rows, IdentityService identity) {
    super(rows, identity, Appeals.SUBMISSION_FIELDS);
    this.appeals = appeals;
  }

  @Override
  void record(AppealRow appeal, StepInput in, String actor) {
    appeals.submitted(appeal, in, actor);
  }
}
