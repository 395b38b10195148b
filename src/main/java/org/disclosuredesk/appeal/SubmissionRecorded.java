package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.springframework.stereotype.Component;

/** BPMN "登记提交日期": the day our reply/defence and evidence reached the body. */
@Component("submissionRecorded")
public class SubmissionRecorded implements TaskListener {

  private final Appeals appeals;
  private final AppealRepository rows;
  private final IdentityService identity;

  public SubmissionRecorded(Appeals appeals, AppealRepository rows, IdentityService identity) {
    this.appeals = appeals;
    this.rows = rows;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    AppealRow appeal = rows.lock(task.getExecution().getProcessBusinessKey());
    appeals.submitted(appeal, StepValues.read(task), Actors.of(task, identity));
    StepValues.consume(task.getExecution(), Appeals.SUBMISSION_FIELDS);
  }
}
