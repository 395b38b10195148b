package org.disclosuredesk.appeal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.StepValues;

/**
 * An appeal step's task, completed (Tasklist or API): the appeal is locked, the step's rule in
 * {@link Appeals} takes what was submitted, and the submitted fields are removed from the process
 * (dd_appeal keeps them).
 */
abstract class AppealStepListener implements TaskListener {

  private final AppealRepository rows;
  private final IdentityService identity;
  private final List<String> fields;

  AppealStepListener(AppealRepository rows, IdentityService identity, List<String> fields) {
    this.rows = rows;
    this.identity = identity;
    this.fields = fields;
  }

  /** The step's rule: validates and records {@code in} on the locked appeal. */
  abstract void record(AppealRow appeal, StepInput in, String actor);

  @Override
  public void notify(DelegateTask task) {
    AppealRow appeal = rows.lock(task.getExecution().getProcessBusinessKey());
    record(appeal, StepValues.read(task), Actors.of(task, identity));
    StepValues.consume(task.getExecution(), fields);
  }
}
