package org.disclosuredesk.portal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.kernel.ProcessKeys;
import org.disclosuredesk.process.Rehoming;
import org.disclosuredesk.process.RequestProcess;
import org.springframework.stereotype.Component;

/**
 * {@code bpmn/online-submission.bpmn}: the clerk's task "确认网上申请" and the applicant's withdrawal
 * before it. The API completes the same task the Tasklist form does, values passed as transient
 * variables.
 */
@Component
public class SubmissionProcess {

  public static final String KEY = ProcessKeys.SUBMISSION;

  /** Routing variable of the gateway "确认？": CONFIRM or REJECT. */
  static final String DECISION = "submissionDecision";

  /** The day of confirmation, handed from the task to "登记为申请". */
  static final String CONFIRMED_ON = "receiptConfirmedOn";

  static final String WITHDRAWAL_NOTE = "withdrawalNote";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RequestProcess requestProcess;
  private final SubmissionRepository submissions;
  private final CalendarService calendars;
  private final Rehoming rehoming;

  public SubmissionProcess(
      TaskService tasks,
      RuntimeService runtime,
      RequestProcess requestProcess,
      SubmissionRepository submissions,
      CalendarService calendars,
      Rehoming rehoming) {
    this.rehoming = rehoming;
    this.tasks = tasks;
    this.runtime = runtime;
    this.requestProcess = requestProcess;
    this.submissions = submissions;
    this.calendars = calendars;
  }

  /** Completes "确认网上申请" with the clerk's decision, or 409 if it is no longer waiting. */
  void decide(SubmissionRow row, String decision, Map<String, Object> body, String actor) {
    Map<String, Object> values = new HashMap<>(body);
    values.put("decision", decision);
    RequestProcess.run(
        () -> {
          submissions.lock(row.id());
          requestProcess.complete(openTask(row), values, actor);
        });
  }

  /** The applicant withdraws before confirmation: the boundary event closes the submission. */
  void withdraw(SubmissionRow row, String note) {
    VariableMap vars =
        Variables.createVariables()
            .putValueTyped(WITHDRAWAL_NOTE, Variables.stringValue(note, true))
            .putValueTyped(
                RequestProcess.ACTOR, Variables.stringValue(Submissions.APPLICANT, true));
    RequestProcess.run(
        () ->
            runtime
                .createMessageCorrelation("SubmissionWithdrawn")
                .processInstanceBusinessKey(row.id())
                .setVariablesToTriggeredScope(vars)
                .correlateWithResult());
  }

  /**
   * The submission now belongs to another agency: its waiting task moves with it, to that agency's
   * clerks (a new instance in that agency's Camunda tenant, process.Rehoming), and the row follows
   * the new instance.
   */
  void forwarded(SubmissionRow row) {
    String moved = rehoming.rehome(row.processInstanceId(), row.agencyCode());
    if (!moved.equals(row.processInstanceId())) {
      submissions.update(row.id(), Columns.of("process_instance_id", moved));
    }
  }

  private Task openTask(SubmissionRow row) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(row.id())
            .processDefinitionKey(KEY)
            .taskDefinitionKey("ConfirmSubmission")
            .list();
    if (open.isEmpty()) {
      throw new ConflictException(
          switch (row.statusCode()) {
            case CONFIRMED -> "该网上申请已经确认，受理编号已给出";
            case REJECTED -> "该网上申请已不予受理";
            case WITHDRAWN -> "申请人已撤回该网上申请";
            default -> "该网上申请当前不能处理";
          });
    }
    return open.get(0);
  }

  /**
   * Confirm by this day at the latest: the first working day after the day of submission (DOMAIN.md
   * §2a).
   */
  public LocalDate confirmBy(LocalDate submittedOn) {
    return calendars.calendar().addWorkingDays(submittedOn, 1);
  }

  /**
   * The same rule seen from {@code today}: an unconfirmed submission is late (today after {@link
   * #confirmBy}) exactly when it was submitted before the last working day before today, since a
   * working day then lies between them.
   */
  public LocalDate lateWhenSubmittedBefore(LocalDate today) {
    LocalDate day = today.minusDays(1);
    while (!calendars.calendar().isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }
}
