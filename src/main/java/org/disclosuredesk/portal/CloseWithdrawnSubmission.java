package org.disclosuredesk.portal;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.springframework.stereotype.Component;

/** BPMN "撤回关闭": withdrawn before confirmation, the submission is closed and never registered. */
@Component("closeWithdrawnSubmission")
public class CloseWithdrawnSubmission implements JavaDelegate {

  private final SubmissionRepository submissions;
  private final BusinessClock clock;

  public CloseWithdrawnSubmission(SubmissionRepository submissions, BusinessClock clock) {
    this.submissions = submissions;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubmissionRow row = submissions.lock(execution.getProcessBusinessKey());
    Columns cols = new Columns();
    cols.set("status", SubmissionStatus.WITHDRAWN.name());
    cols.set("withdrawn_at", LocalDateTime.ofInstant(clock.now(), clock.zone()));
    cols.set("withdrawal_reason", execution.getVariable(SubmissionProcess.WITHDRAWAL_NOTE));
    submissions.update(row.id(), cols);
  }
}
