package org.disclosuredesk.letters;

import org.disclosuredesk.request.RequestEventRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each letter at the step that calls for it, in the step's transaction, so the letter exists
 * before the mail that carries it is delivered (the mail job runs after the commit).
 */
@Component
public class LetterTriggers {

  private static final Logger log = LoggerFactory.getLogger(LetterTriggers.class);

  private final Letters letters;

  public LetterTriggers(Letters letters) {
    this.letters = letters;
  }

  @EventListener
  public void on(RequestEventRecorded event) {
    LetterKind kind =
        switch (event.type()) {
          case "REGISTERED" -> LetterKind.ACKNOWLEDGEMENT;
          case "SUPPLEMENT_REQUESTED" -> LetterKind.SUPPLEMENT_NOTICE;
          case "CONSULTATION_SENT" -> LetterKind.CONSULTATION;
          case "FEE_NOTICE" -> LetterKind.FEE_NOTICE;
          case "EXTENSION_APPROVED" -> LetterKind.EXTENSION_NOTICE;
          case "CUSTOM_PERIOD" -> LetterKind.CUSTOM_PERIOD_NOTICE;
          case "CONCLUDED" -> LetterKind.REPLY;
          default -> null;
        };
    if (kind == null) {
      return;
    }
    Object source = kind == LetterKind.CONSULTATION ? event.details().get("consultationId") : null;
    try {
      letters.generate(
          event.requestId(), kind, source == null ? null : source.toString(), event.actor());
    } catch (RuntimeException e) {
      // the statutory step itself must go on; the letter can be regenerated from the request file
      log.error("letter {} for request {} could not be generated", kind, event.requestId(), e);
    }
  }
}
