package org.disclosuredesk.mail;

/** Where a queued mail stands ({@code dd_mail.status}). */
public enum MailStatus {
  QUEUED,
  /**
   * Handed to the SMTP server, not yet recorded as sent: after a crash it may or may not have gone
   * out.
   */
  SENDING,
  SENT
}
