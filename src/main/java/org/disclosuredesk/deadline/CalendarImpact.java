package org.disclosuredesk.deadline;

import java.util.List;

/**
 * Open work whose dates are counted on the calendar (requests, appeals). Asked what a calendar not
 * yet saved would move, it answers with the same calculation that moves them once the calendar is
 * saved, and writes nothing: the admin's preview (POST /api/calendar/{year}/preview). Implemented
 * where the dates live, so this package needs none.
 */
public interface CalendarImpact {

  /** Which list of the preview the answer goes to. */
  enum Kind {
    REQUESTS,
    APPEALS
  }

  Kind kind();

  /** What {@code proposed} would move, each with its date before and after; nothing is written. */
  List<?> wouldMove(DeadlineCalculator proposed);
}
