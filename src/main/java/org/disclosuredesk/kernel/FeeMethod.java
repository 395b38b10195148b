package org.disclosuredesk.kernel;

/** 按件 or 按量 — never both on one request. */
public enum FeeMethod {
  PER_REQUEST("按件计收"),
  PER_VOLUME("按量计收");

  private final String label;

  FeeMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
