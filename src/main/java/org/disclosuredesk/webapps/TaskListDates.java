package org.disclosuredesk.webapps;

import java.util.Date;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DueStatus;
import org.springframework.stereotype.Component;

/**
 * The moments the Tasklist filters 即将到期 and 已逾期 compare task due dates with, named in their
 * expressions ({@code ${taskListDates.startOfToday()}}), so they are evaluated each time a filter
 * is shown, in the agency's zone and working-day calendar.
 */
@Component("taskListDates")
public class TaskListDates {

  private final BusinessClock clock;
  private final CalendarService calendars;

  public TaskListDates(BusinessClock clock, CalendarService calendars) {
    this.clock = clock;
    this.calendars = calendars;
  }

  /**
   * Due before this: overdue (a task is due by the evening of its due date; late from the next
   * day).
   */
  public Date startOfToday() {
    return clock.at(clock.today(), 0);
  }

  /**
   * Due before this and not overdue: due today or within {@value DueStatus#DUE_SOON_WORKING_DAYS}
   * working days.
   */
  public Date endOfDueSoon() {
    return clock.at(
        calendars
            .calendar()
            .addWorkingDays(clock.today(), DueStatus.DUE_SOON_WORKING_DAYS)
            .plusDays(1),
        0);
  }
}
