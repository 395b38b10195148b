package org.disclosuredesk.kernel;

/** The 21 outcomes: the rows of table 三 of the 2021 annual-report format (DOMAIN.md §5). */
public enum Outcome {
  DISCLOSED("（一）", "予以公开"),
  PARTIALLY_DISCLOSED("（二）", "部分公开"),
  WITHHELD_STATE_SECRET("（三）1", "属于国家秘密"),
  WITHHELD_PROHIBITED_BY_LAW("（三）2", "其他法律行政法规禁止公开"),
  WITHHELD_SECURITY_STABILITY("（三）3", "危及“三安全一稳定”"),
  WITHHELD_THIRD_PARTY_RIGHTS("（三）4", "保护第三方合法权益"),
  WITHHELD_INTERNAL_AFFAIRS("（三）5", "属于三类内部事务信息"),
  WITHHELD_PROCESS_INFORMATION("（三）6", "属于四类过程性信息"),
  WITHHELD_ENFORCEMENT_CASE_FILE("（三）7", "属于行政执法案卷"),
  WITHHELD_ADMINISTRATIVE_QUERY("（三）8", "属于行政查询事项"),
  UNAVAILABLE_NOT_HELD("（四）1", "本机关不掌握相关政府信息"),
  UNAVAILABLE_NEEDS_CREATION("（四）2", "没有现成信息需要另行制作"),
  UNAVAILABLE_STILL_UNCLEAR("（四）3", "补正后申请内容仍不明确"),
  NOT_PROCESSED_PETITION("（五）1", "信访举报投诉类申请"),
  NOT_PROCESSED_DUPLICATE("（五）2", "重复申请"),
  NOT_PROCESSED_PUBLICATION("（五）3", "要求提供公开出版物"),
  NOT_PROCESSED_EXCESSIVE("（五）4", "无正当理由大量反复申请"),
  NOT_PROCESSED_CONFIRMATION("（五）5", "要求行政机关确认或重新出具已获取信息"),
  OTHER_NO_SUPPLEMENT("（六）1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
  OTHER_FEE_UNPAID("（六）2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
  OTHER("（六）3", "其他");

  private final String row;
  private final String label;

  Outcome(String row, String label) {
    this.row = row;
    this.label = label;
  }

  public String row() {
    return row;
  }

  public String label() {
    return label;
  }

  /**
   * Withholding and partial disclosure need the office head's sign-off before the reply (DOMAIN.md
   * §5).
   */
  public boolean needsSignOff() {
    return this == PARTIALLY_DISCLOSED || name().startsWith("WITHHELD_");
  }

  /** Disclosure needs the confidentiality review first (Art. 17). */
  public boolean isDisclosure() {
    return this == DISCLOSED || this == PARTIALLY_DISCLOSED;
  }

  /** Set by the process itself, never chosen by a reviewer. */
  public boolean isProcessOutcome() {
    return this == OTHER_NO_SUPPLEMENT || this == OTHER_FEE_UNPAID;
  }

  /** Only after a supplement (Art. 30). */
  public boolean needsSupplementFirst() {
    return this == UNAVAILABLE_STILL_UNCLEAR;
  }

  /** Reconsideration is required before court for these (行政复议法 2023 Art. 23(4)). */
  public boolean reconsiderationFirst() {
    return this == PARTIALLY_DISCLOSED || name().startsWith("WITHHELD_");
  }
}
