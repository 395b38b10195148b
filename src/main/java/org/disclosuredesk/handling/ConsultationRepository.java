package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.common.RecordRowMapper;
import org.disclosuredesk.handling.Consultations.Consultation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code dd_consultation}: consultations of third parties and agencies, OPEN until answered or
 * expired.
 */
@Repository
public class ConsultationRepository {

  private static final RecordRowMapper<Consultation> ROWS =
      new RecordRowMapper<>(Consultation.class);
  private static final RecordRowMapper<OpenPeriod> PERIODS =
      new RecordRowMapper<>(OpenPeriod.class);

  private final JdbcClient jdbc;

  public ConsultationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertOpen(
      String id,
      String requestId,
      String kind,
      String party,
      LocalDate sentOn,
      LocalDate deliveredOn,
      LocalDate answerDueOn) {
    jdbc.sql(
            "INSERT INTO dd_consultation (id, request_id, kind, party, sent_on, delivered_on, answer_due_on, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')")
        .params(id, requestId, kind, party, sentOn, deliveredOn, answerDueOn)
        .update();
  }

  public void answered(String id, LocalDate repliedOn, String opinion) {
    jdbc.sql(
            "UPDATE dd_consultation SET replied_on = ?, opinion = ?, status = 'ANSWERED' WHERE id = ?")
        .params(repliedOn, opinion, id)
        .update();
  }

  /** No answer in time: no opinion recorded as such. */
  public void expired(String id) {
    jdbc.sql("UPDATE dd_consultation SET opinion = 'NONE', status = 'EXPIRED' WHERE id = ?")
        .param(id)
        .update();
  }

  public Optional<Consultation> find(String requestId, String id) {
    return jdbc.sql("SELECT * FROM dd_consultation WHERE id = ? AND request_id = ?")
        .params(id, requestId)
        .query(ROWS)
        .optional();
  }

  public List<Consultation> of(String requestId) {
    return jdbc.sql("SELECT * FROM dd_consultation WHERE request_id = ? ORDER BY sent_on, id")
        .param(requestId)
        .query(ROWS)
        .list();
  }

  /** The request's open consultations, with their last day to answer. */
  List<OpenPeriod> openPeriods(String requestId) {
    return jdbc.sql(
            "SELECT id, delivered_on, answer_due_on AS last_day FROM dd_consultation"
                + " WHERE request_id = ? AND status = 'OPEN' ORDER BY id")
        .param(requestId)
        .query(PERIODS)
        .list();
  }

  void moveLastDay(String id, LocalDate lastDay) {
    jdbc.sql("UPDATE dd_consultation SET answer_due_on = ? WHERE id = ?")
        .params(lastDay, id)
        .update();
  }
}
