package org.disclosuredesk.portal;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.BusinessClock;
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
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("status", SubmissionStatus.WITHDRAWN.name());
    cols.put("withdrawn_at", LocalDateTime.ofInstant(clock.now(), clock.zone()));
    cols.put("withdrawal_reason", execution.getVariable(SubmissionProcess.WITHDRAWAL_NOTE));
    submissions.update(row.id(), cols);
  }
}
