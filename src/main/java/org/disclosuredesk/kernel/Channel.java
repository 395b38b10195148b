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

  /** The legal date of receipt; confirmation defaults to arrival (registering it is the confirmation). */
  public java.time.LocalDate receiptDate(java.time.LocalDate arrivedOn, java.time.LocalDate confirmedOn) {
    return receivedOnConfirmation && confirmedOn != null ? confirmedOn : arrivedOn;
  }

  /** The Art. 31 sentence explaining the receipt date. */
  public String receiptRule() {
    return switch (this) {
      case IN_PERSON -> "当面提交，以提交之日为收到申请之日（第三十一条第一项）";
      case POST_REGISTERED -> "以邮政方式提交，以行政机关签收之日为收到申请之日（第三十一条第二项）";
      case POST_ORDINARY -> "以平常信函等无需签收的邮寄方式提交，以与申请人确认之日为收到申请之日（第三十一条第二项）";
      case ONLINE -> "通过互联网渠道提交，以双方确认之日为收到申请之日（第三十一条第三项）";
      case FAX -> "通过传真提交，以双方确认之日为收到申请之日（第三十一条第三项）";
      case OTHER -> "以提交或确认之日为收到申请之日（第三十一条）";
    };
  }
}
