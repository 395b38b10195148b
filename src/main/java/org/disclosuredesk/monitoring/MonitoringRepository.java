package org.disclosuredesk.monitoring;

import java.time.LocalDate;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts behind the service's gauges, read from our tables (the same on every node of a cluster). */
@Repository
class MonitoringQueries {

  private final JdbcClient jdbc;

  MonitoringQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long openRequests() {
    return count("SELECT COUNT(*) FROM dd_request WHERE " + RequestRepository.OPEN);
  }

  /** Past the statutory due date, as GET /api/requests?overdue=true counts them. */
  long overdueRequests(LocalDate today) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_request WHERE " + RequestRepository.OVERDUE).param(today)
        .query(Long.class).single();
  }

  /** Due today or on one of the next working days up to {@code last}, not yet overdue. */
  long requestsDueBy(LocalDate today, LocalDate last) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_request WHERE " + RequestRepository.OPEN
            + " AND due_on >= ? AND due_on <= ?")
        .params(today, last).query(Long.class).single();
  }

  long unconfirmedSubmissions() {
    return count("SELECT COUNT(*) FROM dd_submission WHERE status = 'AWAITING_CONFIRMATION'");
  }

  /** Awaiting confirmation and submitted before {@code day}. */
  long unconfirmedSubmittedBefore(LocalDate day) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_submission WHERE status = 'AWAITING_CONFIRMATION' AND submitted_on < ?")
        .param(day).query(Long.class).single();
  }

  /** Mails not yet sent (queued, or being sent right now). */
  long mailsWaiting() {
    return count("SELECT COUNT(*) FROM dd_mail WHERE status IN ('QUEUED', 'SENDING')");
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
