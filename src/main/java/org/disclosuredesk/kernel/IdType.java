package org.disclosuredesk.kernel;

/** Kinds of identity document an applicant or agent shows. */
public enum IdType {
  RESIDENT_ID("居民身份证"),
  PASSPORT("护照"),
  HK_MACAO_PERMIT("港澳居民来往内地通行证"),
  TAIWAN_PERMIT("台湾居民来往大陆通行证"),
  FOREIGN_PERMANENT_RESIDENT_ID("外国人永久居留身份证"),
  OTHER("其他证件");

  private final String label;

  IdType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Best guess for a number recorded without its document kind: 18 characters is the length of a
   * 公民身份号码 (GB 11643-1999), anything else is {@link #OTHER}; {@code null} stays unknown.
   */
  public static IdType defaultFor(String idNumber) {
    if (idNumber == null) {
      return null;
    }
    // strip(), not trim(): Chinese input often carries the full-width space U+3000
    return idNumber.strip().length() == 18 ? RESIDENT_ID : OTHER;
  }
}
