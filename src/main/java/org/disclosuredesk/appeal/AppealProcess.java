package org.disclosuredesk.appeal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.kernel.ProcessKeys;
import org.disclosuredesk.process.RequestProcess;
import org.springframework.stereotype.Component;

/**
 * The API's way into the appeal process (business key = appeal id): start it, or complete the open
 * task of a step. Values travel as transient variables, like for requests: the step code stores
 * them in dd_appeal.
 */
@Component
public class AppealProcess {

  public static final String KEY = ProcessKeys.APPEAL;
  public static final String APPEAL_ID = "appealId";
  public static final String REQUEST_ID = "requestId";

  /**
   * Transient inputs of the API's start (the persistent appealId/requestId are set by the first
   * step).
   */
  static final String GIVEN_APPEAL_ID = "givenAppealId";

  static final String GIVEN_REQUEST_ID = "givenRequestId";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RequestProcess requestProcess;

  public AppealProcess(RuntimeService runtime, TaskService tasks, RequestProcess requestProcess) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.requestProcess = requestProcess;
  }

  /** Starts the appeal of a request; it belongs to the request's agency (its Camunda tenant). */
  public void start(
      String appealId,
      String requestId,
      String agencyCode,
      Map<String, Object> values,
      String actor) {
    VariableMap vars = Variables.createVariables();
    values.forEach((k, v) -> vars.putValueTyped(k, Variables.untypedValue(v, true)));
    vars.putValueTyped(GIVEN_APPEAL_ID, Variables.stringValue(appealId, true));
    vars.putValueTyped(GIVEN_REQUEST_ID, Variables.stringValue(requestId, true));
    vars.putValueTyped(RequestProcess.ACTOR, Variables.stringValue(actor, true));
    vars.putValueTyped(RequestProcess.AGENCY, Variables.stringValue(agencyCode, true));
    RequestProcess.run(
        () ->
            runtime
                .createProcessInstanceByKey(KEY)
                .businessKey(appealId)
                .setVariables(vars)
                .execute());
  }

  public List<Task> openTasks(String appealId, String... taskKeys) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(appealId)
        .processDefinitionKey(KEY)
        .taskDefinitionKeyIn(taskKeys)
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  /** Completes the step's task as the given person (the task listeners validate and store). */
  public void complete(Task task, Map<String, Object> values, String actor) {
    requestProcess.complete(task, values, actor);
  }
}
