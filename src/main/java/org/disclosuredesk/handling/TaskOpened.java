package org.disclosuredesk.handling;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.RequestStatusService;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * Every user task of a request, when it opens: carries the request's statutory due date (and, for
 * the clerk's waiting tasks, the end of the period as follow-up date) and moves the request to the
 * matching status.
 */
@Component("taskOpened")
public class TaskOpened implements TaskListener {

  private final RequestRepository requests;
  private final RequestStatusService status;
  private final TaskDates dates;
  private final TaskBriefing briefing;
  private final Stops stops;

  public TaskOpened(
      RequestRepository requests,
      RequestStatusService status,
      TaskDates dates,
      TaskBriefing briefing,
      Stops stops) {
    this.requests = requests;
    this.status = status;
    this.dates = dates;
    this.briefing = briefing;
    this.stops = stops;
  }

  @Override
  public void notify(DelegateTask task) {
    String requestId = task.getExecution().getProcessBusinessKey();
    RequestRow row = requests.get(requestId);
    task.setDueDate(dates.due(row.dueOn()));
    String key = task.getTaskDefinitionKey();
    switch (key) {
      case "RecordSupplement" -> task.setFollowUpDate(dates.due(row.supplementDueOn()));
      case "RecordConsultationReply", "RecordFeePayment" -> {
        Object periodEnd = task.getExecution().getVariable(TaskDates.PERIOD_END);
        if (periodEnd instanceof java.util.Date d) {
          task.setFollowUpDate(d);
        }
        Object source = task.getExecution().getVariable(TaskDates.SOURCE_ID);
        if (source != null) {
          task.setVariableLocal(TaskDates.SOURCE_ID, source);
        }
      }
      default -> {}
    }
    // "初审 2026-0001": fifty tasks in a list are told apart by their number, and Tasklist's own name
    // search finds it
    task.setName(task.getName() + " " + row.trackingNumber());
    status.taskOpened(row, key, () -> stops.anyOpen(requestId));
    briefing.brief(task, requests.get(requestId));
  }
}
