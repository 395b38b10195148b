package org.disclosuredesk.mail;

import java.util.List;

/**
 * What a mail carries attached (the generated letters), looked up when it is delivered: the feature
 * that makes letters answers for a request and a mail kind (e.g. REPLY → the reply letter).
 */
public interface MailAttachments {

  record Attachment(String fileName, String contentType, byte[] content) {}

  List<Attachment> attachmentsFor(String requestId, String mailKind);
}
