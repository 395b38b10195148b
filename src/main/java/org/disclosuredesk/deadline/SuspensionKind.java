package org.disclosuredesk.deadline;

/**
 * Why the reply clock stood still (DOMAIN.md §3), with the label and legal basis the explanation
 * quotes.
 */
public enum SuspensionKind {
  THIRD_PARTY_CONSULTATION("第三方征求意见", "第三十二条、第三十三条第三款"),
  AGENCY_CONSULTATION("征求其他机关意见", "第三十三条第三款、第三十四条"),
  FEE_NOTICE("缴纳信息处理费", "第四十二条，国办函〔2020〕109号");

  private final String label;
  private final String basis;

  SuspensionKind(String label, String basis) {
    this.label = label;
    this.basis = basis;
  }

  public String label() {
    return label;
  }

  public String basis() {
    return basis;
  }
}
