package org.disclosuredesk.kernel;

/** Where a request stands (API.md), with the word staff read for it. */
public enum RequestStatus {
  SCREENING("初审"),
  AWAITING_SUPPLEMENT("等待补正"),
  HANDLING("办理中"),
  SUSPENDED("中止计时"),
  AWAITING_EXTENSION_APPROVAL("待批准延期"),
  AWAITING_SIGN_OFF("待签发"),
  CONCLUDED("已办结");

  private final String label;

  RequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a stored status code; an unknown code as it is. */
  public static String labelOf(String code) {
    for (RequestStatus s : values()) {
      if (s.name().equals(code)) {
        return s.label;
      }
    }
    return code;
  }
}
