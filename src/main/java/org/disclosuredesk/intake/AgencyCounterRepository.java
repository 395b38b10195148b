package org.disclosuredesk.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code dd_agency_counter}: the last tracking number given per agency and receipt year. */
@Repository
public class AgencyCounterRepository {

  private final JdbcClient jdbc;

  public AgencyCounterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Increments the agency's counter of the year (creating it at 1) and answers its new value. The
   * row stays locked until the transaction ends, so concurrent registrations of one agency's year
   * are served one after the other.
   */
  public int next(String agency, int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int updated =
          jdbc.sql(
                  "UPDATE dd_agency_counter SET last_value = last_value + 1"
                      + " WHERE agency_code = ? AND receipt_year = ?")
              .param(agency)
              .param(year)
              .update();
      if (updated == 0) {
        try {
          jdbc.sql(
                  "INSERT INTO dd_agency_counter (agency_code, receipt_year, last_value) VALUES (?, ?, 1)")
              .param(agency)
              .param(year)
              .update();
        } catch (DuplicateKeyException raced) {
          continue; // another node created the year's counter first: increment it instead
        }
      }
      return jdbc.sql(
              "SELECT last_value FROM dd_agency_counter WHERE agency_code = ? AND receipt_year = ?")
          .param(agency)
          .param(year)
          .query(Integer.class)
          .single();
    }
    throw new IllegalStateException(
        "could not allocate a tracking number for " + agency + " " + year);
  }
}
