package org.disclosuredesk.letters;

import java.util.Set;

/**
 * The statutory letters, each with the mail kind(s) that carry it to the applicant (none: not
 * mailed).
 */
public enum LetterKind {
  ACKNOWLEDGEMENT("政府信息公开申请收件回执", Set.of("ACKNOWLEDGEMENT")),
  SUPPLEMENT_NOTICE("补正申请告知书", Set.of("SUPPLEMENT_NOTICE")),
  EXTENSION_NOTICE("延期答复告知书", Set.of("EXTENSION_NOTICE")),
  CUSTOM_PERIOD_NOTICE("延迟答复告知书", Set.of("CUSTOM_PERIOD_NOTICE")),
  FEE_NOTICE("信息处理费收费通知", Set.of("FEE_NOTICE")),
  // addressed to the third party or agency consulted, not to the applicant
  CONSULTATION("征求意见函", Set.of()),
  REPLY("政府信息公开申请答复书", Set.of("REPLY")),
  // supplement or payment period expired: also the conclusion, so it travels with the REPLY mail
  DISCONTINUANCE_NOTICE("不再处理告知书", Set.of("REPLY"));

  private final String title;
  private final Set<String> mailKinds;

  LetterKind(String title, Set<String> mailKinds) {
    this.title = title;
    this.mailKinds = mailKinds;
  }

  public String title() {
    return title;
  }

  public boolean travelsWith(String mailKind) {
    return mailKinds.contains(mailKind);
  }
}
