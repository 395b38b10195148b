package org.disclosuredesk.monitoring;

import java.time.LocalDate;
import org.disclosuredesk.portal.SubmissionStatus;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the service's gauges, read from our tables (the same on every node of a
 * cluster). It counts the requests' and the online submissions' rows itself: an accepted exception
 * to "each feature's tables through its owner" (issue #26), as a gauge is a count of rows by status
 * and nothing else.
 */
@Repository
class MonitoringRepository {

  private final JdbcClient jdbc;

  MonitoringRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long openRequests() {
    return count("SELECT COUNT(*) FROM dd_request WHERE " + RequestRepository.OPEN);
  }

  /** Past the statutory due date, as GET /api/requests?overdue=true counts them. */
  long overdueRequests(LocalDate today) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_request WHERE " + RequestRepository.OVERDUE)
        .param(today)
        .query(Long.class)
        .single();
  }

  /** Due today or on one of the next working days up to {@code last}, not yet overdue. */
  long requestsDueBy(LocalDate today, LocalDate last) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM dd_request WHERE "
                + RequestRepository.OPEN
                + " AND due_on >= ? AND due_on <= ?")
        .params(today, last)
        .query(Long.class)
        .single();
  }

  long unconfirmedSubmissions() {
    return jdbc.sql("SELECT COUNT(*) FROM dd_submission WHERE status = ?")
        .param(SubmissionStatus.AWAITING_CONFIRMATION.name())
        .query(Long.class)
        .single();
  }

  /** Awaiting confirmation and submitted before {@code day}. */
  long unconfirmedSubmittedBefore(LocalDate day) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_submission WHERE status = ? AND submitted_on < ?")
        .params(SubmissionStatus.AWAITING_CONFIRMATION.name(), day)
        .query(Long.class)
        .single();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
