package org.disclosuredesk.statistics;

import org.disclosuredesk.agency.Agency;

/** An agency as the statistics JSON names it: {@code {code, name}}. */
public record AgencyRef(String code, String name) {

  public static AgencyRef of(Agency a) {
    return new AgencyRef(a.code(), a.name());
  }

  /**
   * Whose table it is once the platform has several agencies; null for a consolidated table or a
   * plain run.
   */
  static AgencyRef of(ReportScope scope) {
    return scope.consolidated() || scope.whole() ? null : of(scope.agency());
  }
}
