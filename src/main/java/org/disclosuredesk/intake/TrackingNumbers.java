package org.disclosuredesk.intake;

import org.disclosuredesk.agency.AgencyScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers, gap-free per agency and receipt year (DOMAIN.md §8): {@code 2024-0001} on a platform of one
 * agency, {@code RSJ-2024-0001} once there are several, so they stay unique on the platform. The counter row is
 * incremented inside the registration's transaction, so its lock serialises concurrent registrations of one agency's
 * year and a rollback returns the number; other agencies never wait for it.
 */
@Component
public class TrackingNumbers {

  private final JdbcClient jdbc;
  private final AgencyScope agencies;

  public TrackingNumbers(JdbcClient jdbc, AgencyScope agencies) {
    this.jdbc = jdbc;
    this.agencies = agencies;
  }

  public String next(String agency, int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int updated = jdbc.sql("UPDATE dd_agency_counter SET last_value = last_value + 1"
          + " WHERE agency_code = ? AND receipt_year = ?").param(agency).param(year).update();
      if (updated == 0) {
        try {
          jdbc.sql("INSERT INTO dd_agency_counter (agency_code, receipt_year, last_value) VALUES (?, ?, 1)")
              .param(agency).param(year).update();
        } catch (DuplicateKeyException raced) {
          continue; // another node created the year's counter first: increment it instead
        }
      }
      int value = jdbc.sql("SELECT last_value FROM dd_agency_counter WHERE agency_code = ? AND receipt_year = ?")
          .param(agency).param(year).query(Integer.class).single();
      return format(agencies.several() ? agency : null, year, value);
    }
    throw new IllegalStateException("could not allocate a tracking number for " + agency + " " + year);
  }

  static String format(String agency, int year, int value) {
    String number = String.format("%d-%04d", year, value);
    return agency == null ? number : agency + "-" + number;
  }
}
