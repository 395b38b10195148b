package org.disclosuredesk.appeal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.process.TaskDates;
import org.springframework.stereotype.Component;

/**
 * The moments the appeal's timers fire (variables read by the BPMN's timer start events): a
 * reminder one working day before a due date and the escalation on the day after. A moment already
 * past when it is scheduled (a back-filled case) is parked far in the future, as for requests
 * (DOMAIN.md §5a).
 */
@Component
public class AppealTimers {

  public static final String RESPONSE_REMINDER = "responseReminderAt";
  public static final String RESPONSE_OVERDUE = "responseOverdueAt";
  public static final String REDO_REMINDER = "redoReminderAt";
  public static final String REDO_OVERDUE = "redoOverdueAt";
  static final Date NOT_SCHEDULED =
      Date.from(ZonedDateTime.parse("2999-12-31T00:00:00Z").toInstant());

  private final TaskDates dates;
  private final BusinessClock clock;
  private final CalendarService calendars;

  public AppealTimers(TaskDates dates, BusinessClock clock, CalendarService calendars) {
    this.dates = dates;
    this.clock = clock;
    this.calendars = calendars;
  }

  void response(VariableScope scope, LocalDate dueOn) {
    scope.setVariable(RESPONSE_REMINDER, reminder(dueOn));
    scope.setVariable(RESPONSE_OVERDUE, overdue(dueOn));
  }

  void redo(VariableScope scope, LocalDate dueOn) {
    scope.setVariable(REDO_REMINDER, reminder(dueOn));
    scope.setVariable(REDO_OVERDUE, overdue(dueOn));
  }

  Date reminder(LocalDate dueOn) {
    WorkingDayCalendar cal = calendars.calendar();
    LocalDate d = dueOn.minusDays(1);
    while (!cal.isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return future(dates.morningOf(d));
  }

  Date overdue(LocalDate dueOn) {
    return future(dates.morningOf(dueOn.plusDays(1)));
  }

  private Date future(Date at) {
    return at.toInstant().isBefore(clock.now()) ? NOT_SCHEDULED : at;
  }
}
