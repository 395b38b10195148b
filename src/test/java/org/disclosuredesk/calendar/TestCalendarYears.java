package org.disclosuredesk.calendar;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tests that enter a made-up year's notice take it out again, so that no other test sharing the
 * database meets it.
 */
public final class TestCalendarYears {

  private TestCalendarYears() {}

  public static void forget(ApplicationContext context, int year) {
    CalendarRepository repo = context.getBean(CalendarRepository.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
        .executeWithoutResult(
            s -> {
              repo.lockRevision();
              jdbc.update("DELETE FROM dd_calendar_day WHERE cal_year = ?", year);
              if (jdbc.update("DELETE FROM dd_calendar_year WHERE cal_year = ?", year) > 0) {
                repo.bumpRevision();
              }
            });
    context.getBean(CalendarService.class).poll();
  }
}
