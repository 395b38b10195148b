package org.disclosuredesk.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who the applicant is, for fee tiers, duplicates and Art. 35 (DOMAIN.md §5a): ID number, else
 * credit code, else normalised name plus email or phone.
 */
public final class ApplicantIdentity {

  private ApplicantIdentity() {}

  public static String key(
      String name, String idNumber, String creditCode, String email, String phone) {
    if (idNumber != null && !idNumber.isBlank()) {
      return "ID:" + idNumber.strip().toUpperCase(Locale.ROOT);
    }
    if (creditCode != null && !creditCode.isBlank()) {
      return "CC:" + creditCode.strip().toUpperCase(Locale.ROOT);
    }
    String contact =
        email != null && !email.isBlank()
            ? email.strip().toLowerCase(Locale.ROOT)
            : phone != null ? phone.replaceAll("\\D", "") : "";
    return "NM:" + normalise(name) + "|" + contact;
  }

  /** NFKC (full-width to half-width), no white space, lower case. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }
}
