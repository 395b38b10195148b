package org.disclosuredesk.intake;

import org.disclosuredesk.agency.AgencyScope;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers, gap-free per agency and receipt year (DOMAIN.md §8): {@code 2024-0001} on a
 * platform of one agency, {@code RSJ-2024-0001} once there are several, so they stay unique on the
 * platform. The counter row is incremented inside the registration's transaction, so its lock
 * serialises concurrent registrations of one agency's year and a rollback returns the number; other
 * agencies never wait for it.
 */
@Component
public class TrackingNumbers {

  private final AgencyCounterRepository counters;
  private final AgencyScope agencies;

  public TrackingNumbers(AgencyCounterRepository counters, AgencyScope agencies) {
    this.counters = counters;
    this.agencies = agencies;
  }

  public String next(String agency, int year) {
    int value = counters.next(agency, year);
    return format(agencies.several() ? agency : null, year, value);
  }

  static String format(String agency, int year, int value) {
    String number = String.format("%d-%04d", year, value);
    return agency == null ? number : agency + "-" + number;
  }
}
