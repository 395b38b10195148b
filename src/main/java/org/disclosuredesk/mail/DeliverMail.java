package org.disclosuredesk.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.request.RequestEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * BPMN "发送邮件": sends one queued mail. A failure throws, so the job is retried on its cycle and
 * finally becomes an incident in Cockpit; a mail already marked sent is never sent again.
 */
@Component("deliverMail")
public class DeliverMail implements JavaDelegate {

  public static final String MAIL_ID_HEADER = "X-Disclosure-Mail-Id";

  private final MailRepository mails;
  private final JavaMailSender sender;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final ObjectProvider<MailAttachments> attachments;
  private final String from;
  private final TransactionTemplate outside;

  public DeliverMail(
      MailRepository mails,
      JavaMailSender sender,
      RequestEvents events,
      BusinessClock clock,
      ObjectProvider<MailAttachments> attachments,
      @Value("${disclosure.mail.from}") String from,
      PlatformTransactionManager txm) {
    this.mails = mails;
    this.sender = sender;
    this.events = events;
    this.clock = clock;
    this.attachments = attachments;
    this.from = from;
    this.outside = new TransactionTemplate(txm);
    this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String id = (String) execution.getVariable(Mailer.MAIL_ID);
    MailRepository.Mail mail = mails.get(id);
    if (mail.status() == MailStatus.SENT) {
      return;
    }
    if (mail.status() == MailStatus.SENDING) {
      // an earlier attempt died between handing the mail to the SMTP server and recording it (kill
      // -9, power): it may have gone out, so it is not sent again; the job's retries run out and
      // leave an incident to check
      throw new IllegalStateException("邮件上次发送中断，可能已经发出，请人工核实后处理（dd_mail " + id + "）");
    }
    MimeMessage message = sender.createMimeMessage();
    String requestId = mail.requestId();
    MailAttachments source = attachments.getIfAvailable();
    List<MailAttachments.Attachment> files =
        source == null || requestId == null
            ? List.of()
            : source.attachmentsFor(requestId, mail.kind());
    MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), "UTF-8");
    // the outbox id travels with the mail: a mail sent again after a crash between sending and
    // recording it is recognisable as the same one (crash test, receiving systems)
    message.setHeader(MAIL_ID_HEADER, id);
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    for (MailAttachments.Attachment a : files) {
      helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
    }
    // committed before the hand-off, so a crash during it is recognisable afterwards (see above)
    mark(id, MailStatus.QUEUED, MailStatus.SENDING);
    try {
      sender.send(message);
    } catch (RuntimeException failed) {
      mark(
          id,
          MailStatus.SENDING,
          MailStatus.QUEUED); // the server refused or was unreachable: nothing went out, retry
      throw failed;
    }
    mails.sent(id, LocalDateTime.ofInstant(clock.now(), clock.zone()));
    if (requestId != null) {
      events.record(
          requestId, "MAIL_SENT", "system", Map.of("kind", mail.kind(), "subject", mail.subject()));
    }
  }

  private void mark(String id, MailStatus from, MailStatus to) {
    outside.executeWithoutResult(tx -> mails.mark(id, from, to));
  }
}
