package org.disclosuredesk.agency;

/**
 * What an agency is (DOMAIN.md §8); decides whose name its letters give as the reconsideration body
 * by default.
 */
public enum AgencyKind {
  GOVERNMENT("人民政府"),
  DEPARTMENT("工作部门"),
  OTHER("其他");

  private final String label;

  AgencyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
