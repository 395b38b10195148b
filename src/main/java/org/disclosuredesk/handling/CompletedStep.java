package org.disclosuredesk.handling;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;

/**
 * What a reviewer's choosing step (screening, handling) starts from when its task completes: the
 * request locked, the step's values with the choice checked, who completed it and the process
 * instance its route is set on.
 */
record CompletedStep<C extends Enum<C>>(
    RequestRow row, StepInput in, C choice, String actor, DelegateExecution process) {

  static <C extends Enum<C>> CompletedStep<C> of(
      DelegateTask task,
      String choiceField,
      Class<C> choices,
      RequestRepository requests,
      IdentityService identity) {
    RequestRow row = requests.lock(task.getExecution().getProcessBusinessKey());
    StepInput in = StepValues.read(task);
    C choice = in.code(choiceField, choices, true);
    in.errors().throwIfAny();
    return new CompletedStep<>(
        row, in, choice, Actors.of(task, identity), task.getExecution().getProcessInstance());
  }
}
