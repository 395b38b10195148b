package org.disclosuredesk.statistics;

import java.util.List;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Grid;
import org.disclosuredesk.statistics.counting.LegacyTable;

/**
 * The printable statistics ({@code ?format=html} of the API): the official layout and nothing
 * around it, drawn by the template {@code desk/templates/print.html} with the same tables as the
 * manager's page.
 */
final class ReportPages {

  record Printable(
      String title, String heading, String paragraph, List<String> breaks, List<GridView> tables) {
    public boolean hasBreaks() {
      return !breaks.isEmpty();
    }
  }

  private ReportPages() {}

  static String printable(DeskTemplates templates, AnnualStatistics s, ReportScope scope) {
    AnnualTable t = s.table();
    String who = whose(scope);
    return templates.render(
        "print",
        new Printable(
            who + t.year() + "年政府信息公开申请统计",
            who + t.year() + "年政府信息公开工作年度报告（依申请公开统计）",
            s.paragraph(),
            s.breakLines(),
            GridView.tables(t, DrillDownLinks.cells(scope))));
  }

  static String legacy(
      DeskTemplates templates, LegacyTable t, String paragraph, ReportScope scope) {
    String who = whose(scope);
    return templates.render(
        "print",
        new Printable(
            who + t.year() + "年政府信息公开工作情况统计表",
            who + t.year() + "年政府信息公开工作情况统计表",
            paragraph,
            List.of(),
            List.of(GridView.of(Grid.legacy(t, DrillDownLinks.cells(scope)), "legacy-table"))));
  }

  /**
   * Whose table it is, in front of its title once the platform has several agencies; nothing on a
   * plain run.
   */
  static String whose(ReportScope scope) {
    return scope == null || scope.whole() && !scope.consolidated() ? "" : scope.title() + " ";
  }
}
