package org.disclosuredesk.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.common.ConflictException;
import org.springframework.stereotype.Service;

/**
 * Moves a waiting process instance to another agency, e.g. an online submission forwarded (转送,
 * DOMAIN.md §8) before confirmation, so that only the receiving agency's clerks see its task.
 * Camunda cannot change an instance's tenant, so the instance is ended (no listeners, no I/O
 * mappings; its history stays with the agency that had it) and the same definition is started
 * afresh before the same waiting tasks, with the same business key and process variables, in the
 * new agency ({@link AgencyTenants}). The tasks' create listeners run again (name, due date); their
 * assignee and local variables do not carry over.
 */
@Service
public class Rehoming {

  private final RuntimeService runtime;

  public Rehoming(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * The instance, moved to {@code agencyCode}: the id of the instance that now stands for it (the
   * same id if it already belongs there). Runs in the caller's transaction; the caller records the
   * new id where it keeps the old one, and has checked that the agency exists and takes new
   * requests. 409 if the instance has ended; only an instance waiting in user tasks alone can move
   * (anything else would run its steps again).
   */
  public String rehome(String processInstanceId, String agencyCode) {
    ProcessInstance old =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (old == null) {
      throw new ConflictException("该流程已结束，不能转送");
    }
    if (agencyCode.equals(old.getTenantId())) {
      return old.getId();
    }
    List<String> waiting = new ArrayList<>();
    collectWaiting(runtime.getActivityInstance(old.getId()), waiting);
    if (waiting.isEmpty()) {
      throw new IllegalStateException("process instance " + old.getId() + " waits in no user task");
    }
    VariableMap variables = runtime.getVariablesTyped(old.getId(), true);
    runtime.deleteProcessInstance(old.getId(), "转送至 " + agencyCode, true, true, true, false);
    // the variables before the first instruction: after it they would be that activity's, not the
    // instance's
    ProcessInstantiationBuilder start =
        runtime
            .createProcessInstanceById(old.getProcessDefinitionId())
            .businessKey(old.getBusinessKey())
            .setVariables(variables)
            .setVariable(RequestProcess.AGENCY, Variables.stringValue(agencyCode, true));
    waiting.forEach(start::startBeforeActivity);
    return start.execute(false, true).getId();
  }

  /**
   * The activities the instance waits in; anything but a user task (a timer, a job, a sub-process)
   * refuses.
   */
  private static void collectWaiting(ActivityInstance instance, List<String> out) {
    ActivityInstance[] children = instance.getChildActivityInstances();
    if (children.length == 0 && instance.getChildTransitionInstances().length == 0) {
      if (!"userTask".equals(instance.getActivityType())) {
        throw new IllegalStateException(
            "cannot move an instance waiting in "
                + instance.getActivityType()
                + " "
                + instance.getActivityId());
      }
      out.add(instance.getActivityId());
      return;
    }
    if (instance.getChildTransitionInstances().length > 0) {
      throw new IllegalStateException("cannot move an instance with a pending asynchronous step");
    }
    for (ActivityInstance child : children) {
      collectWaiting(child, out);
    }
  }
}
