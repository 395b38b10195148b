package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.StepValues;
import org.springframework.stereotype.Component;

/** BPMN "准备书面答复或答辩状": what was prepared (a note; the papers themselves go with the case file). */
@Component("responsePrepared")
public class ResponsePrepared implements TaskListener {

  private final Appeals appeals;
  private final AppealRepository rows;

  public ResponsePrepared(Appeals appeals, AppealRepository rows) {
    this.appeals = appeals;
    this.rows = rows;
  }

  @Override
  public void notify(DelegateTask task) {
    AppealRow appeal = rows.lock(task.getExecution().getProcessBusinessKey());
    appeals.prepared(appeal, StepValues.read(task));
    StepValues.consume(task.getExecution(), Appeals.SUBMISSION_FIELDS);
  }
}
