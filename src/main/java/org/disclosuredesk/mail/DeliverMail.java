package org.disclosuredesk.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.intake.RequestEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * BPMN "发送邮件": sends one queued mail. A failure throws, so the job is retried on its cycle and finally becomes an
 * incident in Cockpit; a mail already marked sent is never sent again.
 */
@Component("deliverMail")
public class DeliverMail implements JavaDelegate {

  public static final String MAIL_ID_HEADER = "X-Disclosure-Mail-Id";

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final ObjectProvider<MailAttachments> attachments;
  private final String from;

  public DeliverMail(JdbcClient jdbc, JavaMailSender sender, RequestEvents events, BusinessClock clock,
      ObjectProvider<MailAttachments> attachments, @Value("${disclosure.mail.from}") String from) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.events = events;
    this.clock = clock;
    this.attachments = attachments;
    this.from = from;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String id = (String) execution.getVariable(Mailer.MAIL_ID);
    Map<String, Object> mail = jdbc.sql("SELECT * FROM dd_mail WHERE id = ?").param(id).query().singleRow();
    Map<String, Object> m = lower(mail);
    if ("SENT".equals(m.get("status"))) {
      return;
    }
    MimeMessage message = sender.createMimeMessage();
    String requestId = (String) m.get("request_id");
    MailAttachments source = attachments.getIfAvailable();
    List<MailAttachments.Attachment> files = source == null || requestId == null ? List.of()
        : source.attachmentsFor(requestId, (String) m.get("kind"));
    MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
    // the outbox id travels with the mail: a mail sent again after a crash between sending and recording it is
    // recognisable as the same one (crash test, receiving systems)
    message.setHeader(MAIL_ID_HEADER, id);
    helper.setFrom(from);
    helper.setTo((String) m.get("recipient"));
    helper.setSubject((String) m.get("subject"));
    helper.setText((String) m.get("body"), false);
    for (MailAttachments.Attachment a : files) {
      helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
    }
    sender.send(message);
    jdbc.sql("UPDATE dd_mail SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?")
        .params(LocalDateTime.ofInstant(clock.now(), clock.zone()), id).update();
    if (requestId != null) {
      events.record(requestId, "MAIL_SENT", "system", Map.of("kind", m.get("kind"), "subject", m.get("subject")));
    }
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> out = new java.util.HashMap<>();
    row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }
}
