package org.disclosuredesk.kernel;

/** How a request arrived, and which date is its date of receipt (Art. 31; DOMAIN.md §2). */
public enum Channel {
  IN_PERSON("当面提交", false),
  POST_REGISTERED("邮寄（需签收）", false),
  POST_ORDINARY("平常信函", true),
  ONLINE("互联网渠道", true),
  FAX("传真", true),
  OTHER("其他", false);

  private final String label;
  private final boolean receivedOnConfirmation;

  Channel(String label, boolean receivedOnConfirmation) {
    this.label = label;
    this.receivedOnConfirmation = receivedOnConfirmation;
  }

  public String label() {
    return label;
  }

  /** Art. 31(2)(3): ordinary post, online and fax count from the day both sides confirmed. */
  public boolean receivedOnConfirmation() {
    return receivedOnConfirmation;
  }

  /**
   * The legal date of receipt; confirmation defaults to arrival (registering it is the
   * confirmation).
   */
  public java.time.LocalDate receiptDate(
      java.time.LocalDate arrivedOn, java.time.LocalDate confirmedOn) {
    return receivedOnConfirmation && confirmedOn != null ? confirmedOn : arrivedOn;
  }
}
