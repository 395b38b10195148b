package org.disclosuredesk.letters;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * What a letter's template can say. Each component of these records is a tag of the Word templates
 * ({@code {{letterDate}}}), by the same name in the built-in templates and in an agency's own
 * (LetterTemplates): a letter is the {@link Heading} every letter has and the record of its kind, a
 * reply also the record of its ground.
 */
final class LetterFields {

  private LetterFields() {}

  /** The record of one kind of letter, or of a reply's ground. */
  sealed interface Part
      permits Acknowledgement,
          SupplementNotice,
          PeriodNotice,
          FeeNotice,
          Consultation,
          Reply,
          Ground {}

  /** What a reply's template says beyond the {@link Reply} every reply has. */
  sealed interface Ground extends Part
      permits AlreadyPublic,
          PartlyWithheld,
          Grounds,
          OtherAgency,
          StillUnclear,
          NoSupplement,
          FeeUnpaid,
          Withdrawn {}

  /** Every letter: the request, and the agency in whose name the letter goes (DOMAIN.md §8). */
  record Heading(
      String trackingNumber,
      String applicantName,
      String receivedOn,
      String description,
      String agencyName,
      String agencyAddress,
      String agencyPhone,
      String reconsiderationBody,
      String court,
      String seal) {}

  record Acknowledgement(String channel, String dueOn, String letterDate) implements Part {}

  record SupplementNotice(String items, String supplementDueOn, String letterDate)
      implements Part {}

  /** An extension (Art. 33 ¶2) or a longer period (Art. 35). */
  record PeriodNotice(String workingDays, String reason, String dueOn, String letterDate)
      implements Part {}

  record FeeNotice(
      String method,
      String pagesText,
      String amount,
      String amountInWords,
      String paymentDueOn,
      String letterDate)
      implements Part {}

  record Consultation(String party, String answerDueOn, String letterDate) implements Part {}

  /**
   * A reply or a discontinuance notice; {@code detail}: its ground, null when the template needs
   * none.
   */
  record Reply(
      String letterDate,
      String rightsNotice,
      String reason,
      boolean hasReason,
      String deliveryText,
      Ground detail)
      implements Part {}

  record AlreadyPublic(String accessText) implements Ground {}

  record PartlyWithheld(String reasonText) implements Ground {}

  /** Withheld (no consequence) or not processed: why, under which articles, and what follows. */
  record Grounds(String ground, String legalBasis, String consequence) implements Ground {}

  /** Art. 36(5): the agency that holds the information. */
  record OtherAgency(
      String responsibleAgency,
      String responsibleAgencyAddress,
      String responsibleAgencyPhone,
      String contactText)
      implements Ground {}

  record StillUnclear(String supplementNoticeOn, String supplementReceivedOn) implements Ground {}

  record NoSupplement(String supplementNoticeOn, String supplementDueOn) implements Ground {}

  record FeeUnpaid(String feeNoticeOn, String amount, String paymentDueOn) implements Ground {}

  record Withdrawn(String withdrawnOn) implements Ground {}

  /**
   * The tags of these records, nested ones flattened: poi-tl's data model, which looks a tag up by
   * its name (and so does {@link PreparedTemplate}). The templates are an admin's to change, so the
   * names are what counts there.
   */
  static Map<String, Object> tags(Heading heading, Part fields) {
    Map<String, Object> tags = new HashMap<>();
    add(heading, tags);
    add(fields, tags);
    return tags;
  }

  /** A record's components (every {@link Part} is one). */
  private static void add(Object part, Map<String, Object> tags) {
    if (part == null) {
      return;
    }
    for (RecordComponent c : part.getClass().getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(part);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value instanceof Part nested) {
        add(nested, tags);
      } else if (!Part.class.isAssignableFrom(c.getType())) {
        tags.put(c.getName(), value);
      }
    }
  }
}
