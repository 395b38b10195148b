package org.disclosuredesk.portal;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
  public record AttachmentInfo(String id, String name, String contentType, int size, String purpose,
      LocalDateTime createdAt) {}

  private final JdbcClient jdbc;

  public SubmissionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Map<String, Object> columns) {
    String names = String.join(", ", columns.keySet());
    String marks = columns.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    var spec = jdbc.sql("INSERT INTO dd_submission (" + names + ") VALUES (" + marks + ")");
    for (var e : columns.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    spec.update();
  }

  /** The agency a submission is addressed to (dd_submission.agency_code). */
  public String agencyOf(String id) {
    return jdbc.sql("SELECT agency_code FROM dd_submission WHERE id = ?").param(id).query(String.class).single();
  }

  public Optional<SubmissionRow> byNumber(String number) {
    if (number == null || number.length() > 40) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dd_submission WHERE submission_number = ?").param(number).query(ROWS).optional();
  }

  public SubmissionRow get(String id) {
    return jdbc.sql("SELECT * FROM dd_submission WHERE id = ?").param(id).query(ROWS).optional()
        .orElseThrow(() -> new NotFoundException("没有这个网上申请：" + id));
  }

  /** Serialises what happens to one submission (confirmation, rejection, withdrawal) on every node. */
  public SubmissionRow lockByNumber(String number) {
    if (number == null || number.length() > 40) {
      throw new NotFoundException("没有这个网上申请：" + number);
    }
    return jdbc.sql("SELECT * FROM dd_submission WHERE submission_number = ? FOR UPDATE").param(number).query(ROWS)
        .optional().orElseThrow(() -> new NotFoundException("没有这个网上申请：" + number));
  }

  public SubmissionRow lock(String id) {
    return jdbc.sql("SELECT * FROM dd_submission WHERE id = ? FOR UPDATE").param(id).query(ROWS).optional()
        .orElseThrow(() -> new NotFoundException("没有这个网上申请：" + id));
  }

  public Optional<SubmissionRow> byRequest(String requestId) {
    return jdbc.sql("SELECT * FROM dd_submission WHERE request_id = ?").param(requestId).query(ROWS).optional();
  }

  public List<SubmissionRow> byProcessInstanceIds(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dd_submission WHERE process_instance_id IN (:ids)")
        .param("ids", List.copyOf(ids)).query(ROWS).list();
  }

  /** Oldest first: the clerk confirms in the order they came. */
  public List<SubmissionRow> list(String status, int offset, int limit) {
    String where = status == null ? "" : " WHERE status = :status";
    var spec = jdbc.sql("SELECT * FROM dd_submission" + where + " ORDER BY submitted_at, submission_number LIMIT "
        + limit + " OFFSET " + offset);
    if (status != null) {
      spec = spec.param("status", status);
    }
    return spec.query(ROWS).list();
  }

  public long count(String status) {
    var spec = jdbc.sql("SELECT COUNT(*) FROM dd_submission" + (status == null ? "" : " WHERE status = :status"));
    if (status != null) {
      spec = spec.param("status", status);
    }
    return spec.query(Long.class).single();
  }

  public void update(String id, Map<String, Object> columns) {
    Map<String, Object> cols = new LinkedHashMap<>(columns);
    String set = cols.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
    var spec = jdbc.sql("UPDATE dd_submission SET " + set + " WHERE id = :id").param("id", id);
    for (var e : cols.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    spec.update();
  }

  public void addAttachment(String id, String submissionId, String name, String contentType, byte[] content,
      String sha256, String purpose, LocalDateTime at) {
    jdbc.sql("INSERT INTO dd_submission_attachment (id, submission_id, name, content_type, size_bytes, sha256,"
            + " content, purpose, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, submissionId, name, contentType, content.length, sha256, content, purpose, at).update();
  }

  public List<AttachmentInfo> attachments(String submissionId) {
    return jdbc.sql("SELECT id, name, content_type, size_bytes, purpose, created_at FROM dd_submission_attachment"
            + " WHERE submission_id = ? ORDER BY created_at, id")
        .param(submissionId)
        .query((rs, i) -> new AttachmentInfo(rs.getString("id"), rs.getString("name"), rs.getString("content_type"),
            rs.getInt("size_bytes"), rs.getString("purpose"), rs.getTimestamp("created_at").toLocalDateTime()))
        .list();
  }

  public int attachmentCount(String submissionId) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_submission_attachment WHERE submission_id = ?").param(submissionId)
        .query(Integer.class).single();
  }

  /** The upload's name, type and bytes, if it belongs to that submission. */
  public Optional<Map<String, Object>> attachment(String submissionId, String attachmentId) {
    return jdbc.sql("SELECT name, content_type, content FROM dd_submission_attachment WHERE id = ? AND submission_id = ?")
        .params(attachmentId, submissionId)
        .query((rs, i) -> Map.<String, Object>of("name", rs.getString("name"), "contentType",
            rs.getString("content_type"), "content", rs.getBytes("content")))
        .optional();
  }

  /** Records a public access that read or changed a submission, also when the call itself is then refused. */
  @org.springframework.transaction.annotation.Transactional(
      propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void logAccess(LocalDateTime at, String client, String action, String number, String outcome) {
    jdbc.sql("INSERT INTO dd_public_access (at, client_address, action, submission_number, outcome)"
            + " VALUES (?, ?, ?, ?, ?)")
        .params(at, client, action, number == null || number.length() > 40 ? null : number, outcome).update();
  }
}
