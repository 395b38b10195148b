package org.disclosuredesk.mail;

/** Where a mail's attachments (generated letters) come from. */
public interface MailAttachments {

  record Attachment(String fileName, String contentType, byte[] content) {}

  Attachment load(String id);
}
