package org.disclosuredesk.statistics;

import java.util.Collection;
import java.util.List;
import org.disclosuredesk.agency.Agency;

/**
 * Whose figures a table holds (DOMAIN.md §8 "Reports"): one agency's own, or a consolidated table
 * (汇总) whose every cell is the sum of the named agencies' cells.
 *
 * @param agencies the agencies counted, in registry order; exactly one unless consolidated
 * @param consolidated asked for as the sum of agencies ({@code /consolidated}, {@code agencies=})
 * @param whole the platform has this one agency only: the statements need no agency filter and an
 *     agency's links no parameter, so a plain run reads and links exactly as before the registry
 */
public record ReportScope(List<Agency> agencies, boolean consolidated, boolean whole) {

  public ReportScope {
    agencies = List.copyOf(agencies);
    if (agencies.isEmpty() || !consolidated && agencies.size() != 1) {
      throw new IllegalArgumentException(
          "an agency's table counts one agency, a consolidated one at least one");
    }
  }

  /** The one agency of an agency's table; null for a consolidated one. */
  public Agency agency() {
    return consolidated ? null : agencies.get(0);
  }

  public List<String> codes() {
    return agencies.stream().map(Agency::code).toList();
  }

  /**
   * The agency codes for the statements' {@code agency_code IN (…)}, or null when every request
   * counts.
   */
  public Collection<String> filter() {
    return whole ? null : codes();
  }

  /**
   * The query parameter naming this scope in a link ({@code agency=RSJ}, {@code agencies=RSJ,ZRJ}),
   * or "" where none is needed (the agency of a one-agency platform). Codes are {@code A-Z0-9}:
   * nothing to encode.
   */
  public String parameter() {
    if (consolidated) {
      return "agencies=" + String.join(",", codes());
    }
    return whole ? "" : "agency=" + agencies.get(0).code();
  }

  /** {@code url} with this scope's parameter added. */
  public String link(String url) {
    String p = parameter();
    return p.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + p;
  }

  /** "示例市人力资源和社会保障局" or "汇总（市人社局、市自然资源局）", for titles. */
  public String title() {
    if (!consolidated) {
      return agencies.get(0).name();
    }
    return "汇总（" + String.join("、", agencies.stream().map(Agency::shortName).toList()) + "）";
  }
}
