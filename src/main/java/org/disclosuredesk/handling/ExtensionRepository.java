package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.disclosuredesk.common.RecordRowMapper;
import org.disclosuredesk.handling.Extensions.Approved;
import org.disclosuredesk.handling.Extensions.Pending;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code dd_extension}: requests for an extension, PENDING until the office head approves or
 * refuses them.
 */
@Repository
public class ExtensionRepository {

  private static final RecordRowMapper<Pending> PENDING = new RecordRowMapper<>(Pending.class);
  private static final RecordRowMapper<Approved> APPROVED = new RecordRowMapper<>(Approved.class);

  private final JdbcClient jdbc;

  public ExtensionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertPending(
      String requestId, LocalDate requestedOn, int workingDays, String reason) {
    jdbc.sql(
            "INSERT INTO dd_extension (id, request_id, requested_on, working_days, reason, status)"
                + " VALUES (?, ?, ?, ?, ?, 'PENDING')")
        .params(UUID.randomUUID().toString(), requestId, requestedOn, workingDays, reason)
        .update();
  }

  public Optional<Pending> pending(String requestId) {
    return jdbc.sql(
            "SELECT id, requested_on, working_days, reason FROM dd_extension"
                + " WHERE request_id = ? AND status = 'PENDING'")
        .param(requestId)
        .query(PENDING)
        .optional();
  }

  public void decide(String id, boolean approved, LocalDate decidedOn, String decidedBy) {
    jdbc.sql("UPDATE dd_extension SET status = ?, decided_on = ?, decided_by = ? WHERE id = ?")
        .params(approved ? "APPROVED" : "REFUSED", decidedOn, decidedBy, id)
        .update();
  }

  /** A pending or approved extension uses up the one Art. 33 allows; a refused one does not. */
  public boolean pendingOrApproved(String requestId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM dd_extension WHERE request_id = ? AND status IN ('PENDING', 'APPROVED')")
            .param(requestId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The approved extensions of these requests, the latest decision first. */
  public List<Approved> approved(Collection<String> requestIds) {
    if (requestIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT request_id, working_days, reason, decided_on FROM dd_extension WHERE status = 'APPROVED'"
                + " AND request_id IN (:ids) ORDER BY decided_on DESC")
        .param("ids", List.copyOf(requestIds))
        .query(APPROVED)
        .list();
  }
}
