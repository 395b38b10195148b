package org.disclosuredesk.portal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.common.RecordRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code dd_submission} and its attachments. */
@Repository
public class SubmissionRepository {

  private static final RowMapper<SubmissionRow> ROWS = new RecordRowMapper<>(SubmissionRow.class);

  /** An upload as the staff list shows it (no content). */
  public record AttachmentInfo(
      String id,
      String name,
      String contentType,
      int size,
      String purpose,
      LocalDateTime createdAt) {}

  private final JdbcClient jdbc;

  public SubmissionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Columns columns) {
    jdbc.sql(columns.insertInto("dd_submission")).params(columns.parameters()).update();
  }

  public Optional<SubmissionRow> byNumber(String number) {
    if (number == null || number.length() > 40) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dd_submission WHERE submission_number = ?")
        .param(number)
        .query(ROWS)
        .optional();
  }

  public SubmissionRow get(String id) {
    return jdbc.sql("SELECT * FROM dd_submission WHERE id = ?")
        .param(id)
        .query(ROWS)
        .optional()
        .orElseThrow(() -> new NotFoundException("没有这个网上申请：" + id));
  }

  /**
   * Serialises what happens to one submission (confirmation, rejection, withdrawal) on every node.
   */
  public SubmissionRow lockByNumber(String number) {
    if (number == null || number.length() > 40) {
      throw new NotFoundException("没有这个网上申请：" + number);
    }
    return jdbc.sql("SELECT * FROM dd_submission WHERE submission_number = ? FOR UPDATE")
        .param(number)
        .query(ROWS)
        .optional()
        .orElseThrow(() -> new NotFoundException("没有这个网上申请：" + number));
  }

  public SubmissionRow lock(String id) {
    return jdbc.sql("SELECT * FROM dd_submission WHERE id = ? FOR UPDATE")
        .param(id)
        .query(ROWS)
        .optional()
        .orElseThrow(() -> new NotFoundException("没有这个网上申请：" + id));
  }

  public List<SubmissionRow> byProcessInstanceIds(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dd_submission WHERE process_instance_id IN (:ids)")
        .param("ids", List.copyOf(ids))
        .query(ROWS)
        .list();
  }

  /** Oldest first: the clerk confirms in the order they came. */
  /** {@code agencies}: the agencies whose submissions are listed (DOMAIN.md §8), null for all. */
  public List<SubmissionRow> list(
      Collection<String> agencies, String status, int offset, int limit) {
    var spec =
        jdbc.sql(
            "SELECT * FROM dd_submission"
                + where(agencies, status)
                + " ORDER BY submitted_at, submission_number LIMIT "
                + limit
                + " OFFSET "
                + offset);
    return params(spec, agencies, status).query(ROWS).list();
  }

  public long count(Collection<String> agencies, String status) {
    var spec = jdbc.sql("SELECT COUNT(*) FROM dd_submission" + where(agencies, status));
    return params(spec, agencies, status).query(Long.class).single();
  }

  private static String where(Collection<String> agencies, String status) {
    List<String> conditions = new java.util.ArrayList<>();
    if (status != null) {
      conditions.add("status = :status");
    }
    if (agencies != null) {
      conditions.add(agencies.isEmpty() ? "1 = 0" : "agency_code IN (:agencies)");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static JdbcClient.StatementSpec params(
      JdbcClient.StatementSpec spec, Collection<String> agencies, String status) {
    if (status != null) {
      spec = spec.param("status", status);
    }
    if (agencies != null && !agencies.isEmpty()) {
      spec = spec.param("agencies", agencies);
    }
    return spec;
  }

  /** A submission moved to another agency before confirmation (转送, DOMAIN.md §8). */
  public void addForwarding(
      String id,
      String submissionId,
      String from,
      String to,
      String reason,
      LocalDateTime at,
      String by) {
    jdbc.sql(
            "INSERT INTO dd_submission_forwarding (id, submission_id, from_agency, to_agency, reason, forwarded_at,"
                + " forwarded_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(id, submissionId, from, to, reason, at, by)
        .update();
  }

  public record Forwarding(String fromAgency, String toAgency, String reason, LocalDateTime at) {}

  public List<Forwarding> forwardings(String submissionId) {
    return jdbc.sql(
            "SELECT from_agency, to_agency, reason, forwarded_at FROM dd_submission_forwarding"
                + " WHERE submission_id = ? ORDER BY forwarded_at, id")
        .param(submissionId)
        .query(
            (rs, i) ->
                new Forwarding(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDateTime.class)))
        .list();
  }

  public void update(String id, Columns columns) {
    jdbc.sql("UPDATE dd_submission SET " + columns.assignments() + " WHERE id = :id")
        .params(columns.parameters())
        .param("id", id)
        .update();
  }

  public void addAttachment(
      String id,
      String submissionId,
      String name,
      String contentType,
      byte[] content,
      String sha256,
      String purpose,
      LocalDateTime at) {
    jdbc.sql(
            "INSERT INTO dd_submission_attachment (id, submission_id, name, content_type, size_bytes, sha256,"
                + " content, purpose, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, submissionId, name, contentType, content.length, sha256, content, purpose, at)
        .update();
  }

  public List<AttachmentInfo> attachments(String submissionId) {
    return jdbc.sql(
            "SELECT id, name, content_type, size_bytes, purpose, created_at FROM dd_submission_attachment"
                + " WHERE submission_id = ? ORDER BY created_at, id")
        .param(submissionId)
        .query(
            (rs, i) ->
                new AttachmentInfo(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("content_type"),
                    rs.getInt("size_bytes"),
                    rs.getString("purpose"),
                    rs.getTimestamp("created_at").toLocalDateTime()))
        .list();
  }

  public int attachmentCount(String submissionId) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_submission_attachment WHERE submission_id = ?")
        .param(submissionId)
        .query(Integer.class)
        .single();
  }

  /** An upload with its bytes, for a download. */
  public record AttachmentFile(String name, String contentType, byte[] content) {}

  /** The upload's name, type and bytes, if it belongs to that submission. */
  public Optional<AttachmentFile> attachment(String submissionId, String attachmentId) {
    return jdbc.sql(
            "SELECT name, content_type, content FROM dd_submission_attachment WHERE id = ? AND submission_id = ?")
        .params(attachmentId, submissionId)
        .query(
            (rs, i) ->
                new AttachmentFile(
                    rs.getString("name"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }

  /**
   * Records a public access that read or changed a submission, also when the call itself is then
   * refused.
   */
  @org.springframework.transaction.annotation.Transactional(
      propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void logAccess(
      LocalDateTime at, String client, String action, String number, String outcome) {
    jdbc.sql(
            "INSERT INTO dd_public_access (at, client_address, action, submission_number, outcome)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(at, client, action, number == null || number.length() > 40 ? null : number, outcome)
        .update();
  }
}
