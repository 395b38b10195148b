package org.disclosuredesk.appeal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.calendar.CalendarChangedEvent;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.deadline.CalendarImpact;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the holiday calendar changes, the reply or defence due date of every appeal still being
 * prepared is counted again (as requests' due dates are, {@code
 * handling.CalendarChangeRecalculation}): the row, the open tasks' due dates, the reminder and
 * escalation timers, and an event on the request. Idempotent: every node reacts, only the first
 * finds anything to move. A re-handling date set by the reviewing body's decision is that body's,
 * not ours. What a calendar not yet saved would move is {@link #change} on its calculator too (the
 * admin's preview).
 */
@Component
public class AppealCalendarRecalculation implements CalendarImpact {

  private static final Logger log = LoggerFactory.getLogger(AppealCalendarRecalculation.class);

  /** An appeal in preparation whose reply or defence due date a calendar moves. */
  public record AppealDueDateChange(
      String appealId,
      String requestId,
      String trackingNumber,
      String kind,
      String caseNumber,
      LocalDate dueOnBefore,
      LocalDate dueOnAfter) {}

  private final AppealRepository appeals;
  private final RequestRepository requests;
  private final CalendarService calendars;
  private final AppealTimers timers;
  private final TaskDates dates;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final RequestEvents events;
  private final TransactionTemplate tx;

  public AppealCalendarRecalculation(
      AppealRepository appeals,
      RequestRepository requests,
      CalendarService calendars,
      AppealTimers timers,
      TaskDates dates,
      TaskService tasks,
      ManagementService management,
      RuntimeService runtime,
      RequestEvents events,
      TransactionTemplate tx) {
    this.appeals = appeals;
    this.requests = requests;
    this.calendars = calendars;
    this.timers = timers;
    this.dates = dates;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.events = events;
    this.tx = tx;
  }

  @EventListener
  public void calendarChanged(CalendarChangedEvent change) {
    int moved = 0;
    var ids = appeals.respondingIds();
    for (String id : ids) {
      Boolean changed = tx.execute(s -> recompute(id, change.revision()));
      moved += Boolean.TRUE.equals(changed) ? 1 : 0;
    }
    if (!ids.isEmpty()) {
      log.info(
          "calendar revision {}: {} of {} appeals in preparation got a new due date",
          change.revision(),
          moved,
          ids.size());
    }
  }

  @Override
  public Kind kind() {
    return Kind.APPEALS;
  }

  /**
   * The appeals in preparation {@code proposed} would move, in the order the recalculation takes
   * them.
   */
  @Override
  public List<AppealDueDateChange> wouldMove(DeadlineCalculator proposed) {
    List<AppealDueDateChange> out = new ArrayList<>();
    for (String id : appeals.respondingIds()) {
      appeals.find(id).map(a -> change(a, proposed)).ifPresent(out::add);
    }
    return out;
  }

  /** The reply (复议) or defence (诉讼) due date of an appeal received on {@code receivedOn}. */
  static LocalDate responseDue(
      DeadlineCalculator calc, AppealKind kind, LocalDate receivedOn, boolean simpleProcedure) {
    return kind == AppealKind.RECONSIDERATION
        ? calc.reconsiderationReplyDue(receivedOn, simpleProcedure)
        : calc.litigationDefenceDue(receivedOn);
  }

  /**
   * What the calendar of {@code calc} moves on this appeal, or null if nothing (or it is no longer
   * in preparation): the one calculation behind both the recalculation and the preview. Reads,
   * never writes.
   */
  AppealDueDateChange change(AppealRow a, DeadlineCalculator calc) {
    if (!AppealStatus.RESPONDING.name().equals(a.status())) {
      return null;
    }
    LocalDate due = responseDue(calc, a.kindCode(), a.receivedOn(), a.simpleProcedure());
    if (due.equals(a.responseDueOn())) {
      return null;
    }
    String trackingNumber =
        requests.find(a.requestId()).map(RequestRow::trackingNumber).orElse(null);
    return new AppealDueDateChange(
        a.id(), a.requestId(), trackingNumber, a.kind(), a.caseNumber(), a.responseDueOn(), due);
  }

  boolean recompute(String appealId, int revision) {
    AppealRow a = appeals.lock(appealId);
    AppealDueDateChange change = change(a, calendars.calculator());
    if (change == null) {
      return false;
    }
    LocalDate due = change.dueOnAfter();
    Columns cols = new Columns();
    cols.set("response_due_on", due);
    appeals.update(a.id(), cols);
    if (a.processInstanceId() != null) {
      for (Task t : tasks.createTaskQuery().processInstanceId(a.processInstanceId()).list()) {
        if (t.getTaskDefinitionKey().equals("PrepareResponse")
            || t.getTaskDefinitionKey().equals("RecordSubmission")) {
          t.setDueDate(dates.due(due));
          tasks.saveTask(t);
        }
      }
      var reminder = timers.reminder(due);
      var overdue = timers.overdue(due);
      runtime.setVariable(a.processInstanceId(), AppealTimers.RESPONSE_REMINDER, reminder);
      runtime.setVariable(a.processInstanceId(), AppealTimers.RESPONSE_OVERDUE, overdue);
      for (Job job :
          management.createJobQuery().processInstanceId(a.processInstanceId()).timers().list()) {
        String activity = activityOf(job);
        if ("ResponseDueSoon".equals(activity)) {
          management.setJobDuedate(job.getId(), reminder);
        } else if ("DayAfterResponseDue".equals(activity)) {
          management.setJobDuedate(job.getId(), overdue);
        }
      }
    }
    events.record(
        a.requestId(),
        "APPEAL_DUE_DATE_RECOMPUTED",
        "system",
        new DueRecomputed(a.id(), revision, String.valueOf(a.responseDueOn()), due.toString()));
    return true;
  }

  /** The timer's BPMN element: its job definition's activity. */
  private String activityOf(Job job) {
    var definition =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  /** APPEAL_DUE_DATE_RECOMPUTED's details. */
  record DueRecomputed(
      String appealId, int calendarRevision, String previousResponseDueOn, String responseDueOn) {}
}
