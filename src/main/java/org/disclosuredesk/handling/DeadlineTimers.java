package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * Reminders 5 and 1 working days before the due date and the overdue escalation on the day after
 * (timers of the BPMN's event subprocesses), and the due dates shown on the request's tasks. A
 * reminder whose moment has already passed when it is scheduled, or that has no due date (clock
 * stopped), is parked far in the future.
 */
@Component
public class DeadlineTimers {

  /** BPMN timer start event → the process variable its date expression reads. */
  static final Map<String, String> TIMERS =
      Map.of(
          "FiveWorkingDaysBeforeDue", "reminder5At",
          "OneWorkingDayBeforeDue", "reminder1At",
          "DayAfterDue", "overdueAt");

  static final Date NOT_SCHEDULED =
      Date.from(ZonedDateTime.parse("2999-12-31T00:00:00Z").toInstant());

  private final TaskDates dates;
  private final BusinessClock clock;
  private final CalendarService calendars;
  private final ManagementService management;
  private final TaskService tasks;

  public DeadlineTimers(
      TaskDates dates,
      BusinessClock clock,
      CalendarService calendars,
      ManagementService management,
      TaskService tasks) {
    this.dates = dates;
    this.clock = clock;
    this.calendars = calendars;
    this.management = management;
    this.tasks = tasks;
  }

  /** At registration, before the timers exist: the variables their date expressions read. */
  public void initialise(DelegateExecution execution, RequestRow row) {
    TIMERS.forEach(
        (event, variable) -> execution.setVariable(variable, moment(event, row.dueOn())));
  }

  /**
   * After the due date changed: move the open tasks' due dates and the reminder timers still to
   * come.
   */
  public void sync(RequestRow row) {
    if (row.processInstanceId() == null) {
      return;
    }
    Date due = dates.due(row.dueOn());
    for (Task t : tasks.createTaskQuery().processInstanceId(row.processInstanceId()).list()) {
      if (!java.util.Objects.equals(t.getDueDate(), due)) {
        t.setDueDate(due);
        tasks.saveTask(t);
      }
    }
    for (Job job :
        management.createJobQuery().processInstanceId(row.processInstanceId()).timers().list()) {
      String event = activityOf(job);
      if (event != null && TIMERS.containsKey(event)) {
        Date target = moment(event, row.dueOn());
        if (!target.equals(job.getDuedate())) {
          management.setJobDuedate(job.getId(), target);
        }
      }
    }
  }

  /**
   * The moment a reminder or escalation should fire for this due date, or {@link #NOT_SCHEDULED}.
   */
  Date moment(String event, LocalDate dueOn) {
    if (dueOn == null) {
      return NOT_SCHEDULED;
    }
    WorkingDayCalendar cal = calendars.calendar();
    LocalDate day =
        switch (event) {
          case "FiveWorkingDaysBeforeDue" -> workingDaysBefore(cal, dueOn, 5);
          case "OneWorkingDayBeforeDue" -> workingDaysBefore(cal, dueOn, 1);
          default -> dueOn.plusDays(1);
        };
    Date at = dates.morningOf(day);
    return at.toInstant().isBefore(clock.now()) ? NOT_SCHEDULED : at;
  }

  static LocalDate workingDaysBefore(WorkingDayCalendar cal, LocalDate due, int n) {
    LocalDate d = due;
    for (int left = n; left > 0; ) {
      d = d.minusDays(1);
      if (cal.isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  private String activityOf(Job job) {
    var definition =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition == null ? null : definition.getActivityId();
  }
}
