package org.disclosuredesk.mail;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox ({@code dd_mail}): every mail as it was rendered when queued, and whether it went out.
 */
@Repository
public class MailRepository {

  /** A queued mail as its delivery reads it. */
  public record Mail(
      String id,
      String requestId,
      String kind,
      String recipient,
      String subject,
      String body,
      MailStatus status) {}

  private final JdbcClient jdbc;

  public MailRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code attachments}: letter ids, comma-separated, or null. */
  void insert(
      String id,
      String requestId,
      String kind,
      String recipient,
      String subject,
      String body,
      String attachments,
      LocalDateTime createdAt) {
    jdbc.sql(
            "INSERT INTO dd_mail (id, request_id, kind, recipient, subject, body, attachments, status, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            requestId,
            kind,
            recipient,
            subject,
            body,
            attachments,
            MailStatus.QUEUED.name(),
            createdAt)
        .update();
  }

  Mail get(String id) {
    return jdbc.sql(
            "SELECT id, request_id, kind, recipient, subject, body, status FROM dd_mail WHERE id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new Mail(
                    rs.getString("id"),
                    rs.getString("request_id"),
                    rs.getString("kind"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    MailStatus.valueOf(rs.getString("status"))))
        .single();
  }

  /** Moves the mail from one status to the next, if it is still in the first. */
  void mark(String id, MailStatus from, MailStatus to) {
    jdbc.sql("UPDATE dd_mail SET status = ? WHERE id = ? AND status = ?")
        .params(to.name(), id, from.name())
        .update();
  }

  void sent(String id, LocalDateTime at) {
    jdbc.sql("UPDATE dd_mail SET status = ?, sent_at = ?, attempts = attempts + 1 WHERE id = ?")
        .params(MailStatus.SENT.name(), at, id)
        .update();
  }

  /** Mails not yet sent: queued, or being sent right now (the operator's gauge). */
  public long waiting() {
    return jdbc.sql("SELECT COUNT(*) FROM dd_mail WHERE status IN (?, ?)")
        .params(MailStatus.QUEUED.name(), MailStatus.SENDING.name())
        .query(Long.class)
        .single();
  }
}
