package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * A computed due date with its explanation. While a stop is still open the clock stands still:
 * {@code dueOn} is null and {@code remainingWorkingDays} says how many working days are left.
 */
public final class DeadlineResult {

  private final LocalDate dueOn;
  private final Integer remainingWorkingDays;
  private final LocalDate suspendedSince;
  private final int totalWorkingDays;
  private final List<String> explanation;
  private final List<String> warnings;
  private final SortedSet<Integer> uncoveredYears;
  // for remainingWorkingDaysAsOf
  private final WorkingDayCalendar calendar;
  private final LocalDate clockStartOn;
  private final List<LocalDate[]> stops; // merged, closed ones: days (a, b] not counted

  DeadlineResult(
      LocalDate dueOn,
      Integer remainingWorkingDays,
      LocalDate suspendedSince,
      int totalWorkingDays,
      List<String> explanation,
      List<String> warnings,
      SortedSet<Integer> uncoveredYears,
      WorkingDayCalendar calendar,
      LocalDate clockStartOn,
      List<LocalDate[]> stops) {
    this.dueOn = dueOn;
    this.remainingWorkingDays = remainingWorkingDays;
    this.suspendedSince = suspendedSince;
    this.totalWorkingDays = totalWorkingDays;
    this.explanation = List.copyOf(explanation);
    this.warnings = List.copyOf(warnings);
    this.uncoveredYears = uncoveredYears;
    this.calendar = calendar;
    this.clockStartOn = clockStartOn;
    this.stops = List.copyOf(stops);
  }

  /** The due date, or null while a stop is open. */
  public LocalDate dueOn() {
    return dueOn;
  }

  /**
   * Working days left when the clock stopped; null when it is running (then see {@link #dueOn}).
   */
  public Integer remainingWorkingDays() {
    return remainingWorkingDays;
  }

  /** The day the open stop began (its last counted day), or null. */
  public LocalDate suspendedSince() {
    return suspendedSince;
  }

  public boolean suspended() {
    return dueOn == null;
  }

  /** Period plus extension. */
  public int totalWorkingDays() {
    return totalWorkingDays;
  }

  public List<String> explanation() {
    return explanation;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** Years the computation crossed without a holiday notice (Monday–Friday assumed). */
  public SortedSet<Integer> uncoveredYears() {
    return uncoveredYears;
  }

  /**
   * Counted working days left after {@code today} up to the due date; 0 on the due date, negative =
   * working days overdue. While suspended: the frozen remainder (plus days still to run before the
   * stop, if today precedes it).
   */
  public int remainingWorkingDaysAsOf(LocalDate today) {
    LocalDate x = today.isBefore(clockStartOn) ? clockStartOn : today;
    if (dueOn == null) {
      return remainingWorkingDays + (x.isBefore(suspendedSince) ? counted(x, suspendedSince) : 0);
    }
    return x.isBefore(dueOn) ? counted(x, dueOn) : -calendar.workingDaysBetween(dueOn, x);
  }

  /** Working days in (x, y] outside the stops. */
  private int counted(LocalDate x, LocalDate y) {
    int n = calendar.workingDaysBetween(x, y);
    for (LocalDate[] s : stops) {
      LocalDate a = s[0].isAfter(x) ? s[0] : x;
      LocalDate b = s[1].isBefore(y) ? s[1] : y;
      if (b.isAfter(a)) {
        n -= calendar.workingDaysBetween(a, b);
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "DeadlineResult[dueOn="
        + dueOn
        + ", remaining="
        + remainingWorkingDays
        + ", warnings="
        + warnings
        + "]";
  }
}
