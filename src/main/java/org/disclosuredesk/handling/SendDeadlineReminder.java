package org.disclosuredesk.handling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "提醒承办人" (5 and 1 working days before the due date). */
@Component("sendDeadlineReminder")
public class SendDeadlineReminder implements JavaDelegate {

  private final Reminders reminders;

  public SendDeadlineReminder(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int days = "RemindOneDayBefore".equals(execution.getCurrentActivityId()) ? 1 : 5;
    reminders.remind(execution.getProcessBusinessKey(), days);
  }
}
