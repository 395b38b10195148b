package org.disclosuredesk.letters;

import java.util.List;
import org.disclosuredesk.mail.MailAttachments;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/**
 * The applicant's mail carries the letter it announces, in its latest version at the time it is
 * sent.
 */
@Component
public class LetterAttachments implements MailAttachments {

  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final Letters letters;
  private final RequestRepository requests;

  public LetterAttachments(Letters letters, RequestRepository requests) {
    this.letters = letters;
    this.requests = requests;
  }

  @Override
  public List<Attachment> attachmentsFor(String requestId, String mailKind) {
    return letters
        .latestForMail(requestId, mailKind)
        .map(
            l ->
                new Attachment(
                    l.fileName(requests.get(requestId).trackingNumber()),
                    DOCX,
                    letters.content(l.id())))
        .map(List::of)
        .orElse(List.of());
  }
}
