package org.disclosuredesk.kernel;

/** Applicant types: the columns of table 三 (国办公开办函〔2021〕30号). */
public enum ApplicantType {
  NATURAL_PERSON("自然人"),
  COMMERCIAL_ENTERPRISE("商业企业"),
  RESEARCH_INSTITUTION("科研机构"),
  PUBLIC_INTEREST_ORGANIZATION("社会公益组织"),
  LEGAL_SERVICE_PROVIDER("法律服务机构"),
  OTHER_ORGANIZATION("其他");

  private final String label;

  ApplicantType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
