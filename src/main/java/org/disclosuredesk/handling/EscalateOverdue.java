package org.disclosuredesk.handling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "报告负责人": the day after the due date, the office heads are told the request is overdue. */
@Component("escalateOverdue")
public class EscalateOverdue implements JavaDelegate {

  private final Reminders reminders;

  public EscalateOverdue(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.escalate(execution.getProcessBusinessKey());
  }
}
