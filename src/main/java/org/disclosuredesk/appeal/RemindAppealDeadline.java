package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "提醒承办人": one working day before the reply/defence or the re-handling is due. */
@Component("remindAppealDeadline")
public class RemindAppealDeadline implements JavaDelegate {

  private final AppealReminders reminders;

  public RemindAppealDeadline(AppealReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.remind(
        execution.getProcessBusinessKey(),
        "RemindRehandlingDue".equals(execution.getCurrentActivityId())
            ? AppealReminders.Deadline.REDO
            : AppealReminders.Deadline.RESPONSE);
  }
}
