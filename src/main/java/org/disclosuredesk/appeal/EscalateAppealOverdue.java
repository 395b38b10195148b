package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "报告负责人": the day after the reply/defence or the re-handling was due and is still open. */
@Component("escalateAppealOverdue")
public class EscalateAppealOverdue implements JavaDelegate {

  private final AppealReminders reminders;

  public EscalateAppealOverdue(AppealReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.escalate(
        execution.getProcessBusinessKey(),
        "EscalateRehandlingOverdue".equals(execution.getCurrentActivityId())
            ? AppealReminders.Deadline.REDO
            : AppealReminders.Deadline.RESPONSE);
  }
}
