package org.disclosuredesk.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.disclosuredesk.common.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Business dates as engine moments: task due dates, reminder and expiry timers (DOMAIN.md §5a). */
@Component
public class TaskDates {

  /** Variable: the last day of the period a clerk's waiting task waits for (as a moment). */
  public static final String PERIOD_END = "periodEnd";

  /** Variable: the consultation or fee notice a clerk's waiting task belongs to. */
  public static final String SOURCE_ID = "sourceId";

  /** End of the working day: a task due "on" a date is due by its evening. */
  static final int DUE_HOUR = 18;

  static final int REMINDER_HOUR = 9;

  private final BusinessClock clock;
  private final Duration backfillGrace;

  public TaskDates(
      BusinessClock clock, @Value("${disclosure.backfill-grace:PT1H}") Duration backfillGrace) {
    this.clock = clock;
    this.backfillGrace = backfillGrace;
  }

  /**
   * A clerk's waiting task is about to open for a period ending on {@code lastDay}: the variables
   * its expiry timer ({@code expiryVariable}), follow-up date and source read.
   */
  public void openPeriod(
      org.camunda.bpm.engine.delegate.VariableScope process,
      String expiryVariable,
      LocalDate lastDay,
      String sourceId) {
    process.setVariable(expiryVariable, expiry(lastDay));
    process.setVariable(PERIOD_END, due(lastDay));
    process.setVariable(SOURCE_ID, sourceId);
  }

  public Date due(LocalDate day) {
    return day == null ? null : clock.at(day, DUE_HOUR);
  }

  public Date morningOf(LocalDate day) {
    return clock.at(day, REMINDER_HOUR);
  }

  /**
   * When a period that ends on {@code lastDay} expires: at the start of the next day, but never
   * earlier than the back-fill grace after the step that opened it was recorded, so what happened
   * in time can still be entered.
   */
  public Date expiry(LocalDate lastDay) {
    Instant periodEnd = clock.at(lastDay.plusDays(1), 0).toInstant();
    Instant graceEnd = clock.now().plus(backfillGrace);
    return Date.from(periodEnd.isAfter(graceEnd) ? periodEnd : graceEnd);
  }
}
