package org.disclosuredesk.statistics.counting;

import java.time.LocalDate;

/**
 * Whether a concluded request was answered in time; the statistics SQL mirrors {@link #of} in a
 * CASE expression.
 */
public enum Timeliness {
  ON_TIME,
  EXTENDED,
  OVERDUE;

  /**
   * DOMAIN.md §6 / API.md legacy: on time = within the original due date; extended = after an
   * approved extension, within the extended due date; overdue = after the due date in force. No due
   * date (clock stopped for a supplement) means nothing was due: on time.
   */
  public static Timeliness of(
      LocalDate concludedOn, LocalDate originalDueOn, LocalDate dueOn, int extensionDays) {
    if (dueOn == null) {
      return ON_TIME;
    }
    if (concludedOn.isAfter(dueOn)) {
      return OVERDUE;
    }
    if (extensionDays > 0 && originalDueOn != null && concludedOn.isAfter(originalDueOn)) {
      return EXTENDED;
    }
    return ON_TIME;
  }
}
