package org.disclosuredesk.appeal;

/** The columns of table 四 for a decided case. */
public enum AppealResult {
  UPHELD("结果维持"),
  CORRECTED("结果纠正"),
  OTHER("其他结果");

  private final String label;

  AppealResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
