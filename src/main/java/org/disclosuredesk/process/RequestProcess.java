package org.disclosuredesk.process;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.kernel.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * The API's way into the process: an action completes the matching Tasklist task or correlates the
 * matching message, so the BPMN stays the one source of truth. Values travel as transient
 * variables: the step's listener stores them in our tables, and Camunda keeps no personal data.
 */
@Component
public class RequestProcess {

  public static final String KEY = ProcessKeys.REQUEST;
  public static final String ACTOR = "actor";

  /** The agency the instance belongs to, given at its start (transient): its Camunda tenant. */
  public static final String AGENCY = "agencyCode";

  private final TaskService tasks;
  private final RuntimeService runtime;

  public RequestProcess(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** The open task of one of these steps, or 409 naming what the request is waiting for instead. */
  public Task task(String requestId, String whatFor, String... taskKeys) {
    List<Task> open = openTasks(requestId, taskKeys);
    if (open.isEmpty()) {
      throw new ConflictException("该申请当前不在可" + whatFor + "的环节");
    }
    return open.get(0);
  }

  public List<Task> openTasks(String requestId, String... taskKeys) {
    var q = tasks.createTaskQuery().processInstanceBusinessKey(requestId).processDefinitionKey(KEY);
    if (taskKeys.length > 0) {
      q = q.taskDefinitionKeyIn(taskKeys);
    }
    List<Task> found = q.orderByTaskCreateTime().asc().list();
    return taskKeys.length == 0
        ? found
        : found.stream()
            .sorted(
                (a, b) ->
                    Arrays.asList(taskKeys).indexOf(a.getTaskDefinitionKey())
                        - Arrays.asList(taskKeys).indexOf(b.getTaskDefinitionKey()))
            .toList();
  }

  /** Completes the task as the given person with the step's values. */
  public void complete(Task task, Map<String, Object> values, String actor) {
    VariableMap vars = Variables.createVariables();
    values.forEach((k, v) -> vars.putValueTyped(k, Variables.untypedValue(v, true)));
    vars.putValueTyped(ACTOR, Variables.stringValue(actor, true));
    run(
        () -> {
          tasks.setAssignee(task.getId(), actor);
          tasks.complete(task.getId(), vars);
        });
  }

  /** Correlates a message to the request's process, or 409 if no step is waiting for it. */
  public void correlate(
      String message, String requestId, Map<String, Object> values, String actor, String whatFor) {
    VariableMap vars = Variables.createVariables();
    values.forEach((k, v) -> vars.putValueTyped(k, Variables.untypedValue(v, true)));
    vars.putValueTyped(ACTOR, Variables.stringValue(actor, true));
    run(
        () -> {
          try {
            runtime
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(requestId)
                .setVariablesToTriggeredScope(vars)
                .correlateWithResult();
          } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("该申请当前不能" + whatFor);
          }
        });
  }

  /** Listener exceptions reach us wrapped by the engine: hand the API the domain's own error. */
  public static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BadInputException
            || t instanceof ConflictException
            || t instanceof NotFoundException) {
          throw (RuntimeException) t;
        }
      }
      throw e;
    }
  }
}
