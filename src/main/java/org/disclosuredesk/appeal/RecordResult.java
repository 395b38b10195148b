package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepValues;
import org.springframework.stereotype.Component;

/**
 * BPMN "记录结果": after "登记复议决定或裁判结果" (Tasklist or API). The terminate end that follows closes the
 * reply/defence steps still open; a correction leads to "重新办理" with its own due date and timers.
 */
@Component("recordResult")
public class RecordResult implements JavaDelegate {

  public static final String RESULT = "appealResult";

  private final Appeals appeals;
  private final AppealRepository rows;
  private final AppealTimers timers;
  private final IdentityService identity;

  public RecordResult(
      Appeals appeals, AppealRepository rows, AppealTimers timers, IdentityService identity) {
    this.appeals = appeals;
    this.rows = rows;
    this.timers = timers;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AppealRow appeal = rows.lock(execution.getProcessBusinessKey());
    AppealRow decided =
        appeals.decided(appeal, StepValues.read(execution), Actors.of(execution, identity));
    StepValues.consume(execution, Appeals.RESULT_FIELDS);
    execution.setVariable(RESULT, decided.result());
    if (decided.redoDueOn() != null) {
      timers.redo(execution, decided.redoDueOn());
    }
  }
}
