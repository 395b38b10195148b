package org.disclosuredesk.appeal;

/** The rows of table 四: reconsideration, and litigation without or after it. */
public enum AppealKind {
  RECONSIDERATION("行政复议", "复议机关"),
  LITIGATION_DIRECT("行政诉讼（未经复议直接起诉）", "人民法院"),
  LITIGATION_AFTER_RECONSIDERATION("行政诉讼（复议后起诉）", "人民法院");

  private final String label;
  private final String bodyLabel;

  AppealKind(String label, String bodyLabel) {
    this.label = label;
    this.bodyLabel = bodyLabel;
  }

  public String label() {
    return label;
  }

  public String bodyLabel() {
    return bodyLabel;
  }

  public boolean litigation() {
    return this != RECONSIDERATION;
  }

  /** What we owe the body: a written reply and evidence (复议), or a defence and evidence (诉讼). */
  public String responseLabel() {
    return litigation() ? "答辩状及证据" : "书面答复及证据";
  }
}
