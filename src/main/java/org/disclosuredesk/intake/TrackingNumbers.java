package org.disclosuredesk.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers {@code 2024-0001}, gap-free per receipt year: the counter row is incremented inside the
 * registration's transaction, so its lock serialises concurrent registrations and a rollback returns the number.
 */
@Component
public class TrackingNumbers {

  private final JdbcClient jdbc;

  public TrackingNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String next(int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int updated = jdbc.sql("UPDATE dd_tracking_counter SET last_value = last_value + 1 WHERE receipt_year = ?")
          .param(year).update();
      if (updated == 0) {
        try {
          jdbc.sql("INSERT INTO dd_tracking_counter (receipt_year, last_value) VALUES (?, 1)").param(year).update();
        } catch (DuplicateKeyException raced) {
          continue; // another node created the year's counter first: increment it instead
        }
      }
      int value = jdbc.sql("SELECT last_value FROM dd_tracking_counter WHERE receipt_year = ?").param(year)
          .query(Integer.class).single();
      return format(year, value);
    }
    throw new IllegalStateException("could not allocate a tracking number for " + year);
  }

  static String format(int year, int value) {
    return String.format("%d-%04d", year, value);
  }
}
