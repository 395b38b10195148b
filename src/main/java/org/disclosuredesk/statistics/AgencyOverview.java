package org.disclosuredesk.statistics;

import java.util.List;

/** Every agency's year at a glance (API.md {@code GET /api/statistics/{year}/agencies}). */
public record AgencyOverview(int year, List<Item> items) {

  /**
   * One agency's line; {@code onTimeRate} null when nothing was concluded, {@code frozenAt} (ISO
   * local date-time) null when the year was never frozen.
   */
  public record Item(
      AgencyRef agency,
      long newThisYear,
      long carriedOver,
      long concluded,
      Double onTimeRate,
      long overdueNow,
      long carriedForward,
      boolean identityHolds,
      String frozenAt,
      boolean active) {}
}
