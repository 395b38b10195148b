package org.disclosuredesk.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.CellLinks;
import org.disclosuredesk.statistics.counting.Grid;

/**
 * A {@link Grid} as the staff pages' template draws it ({@code desk/templates/grid.html}): rows of
 * cells with their spans, label cells marked, and each non-zero count with the link to its
 * requests. The template escapes the text.
 */
public record GridView(String id, String title, List<Row> rows) {

  public record Row(List<CellView> cells) {}

  /** {@code rowSpan}/{@code colSpan} are null when 1, so the template writes no attribute. */
  public record CellView(
      boolean header,
      boolean label,
      Integer rowSpan,
      Integer colSpan,
      String text,
      String href,
      String title) {}

  /**
   * Tables 三 and 四 as the page and the printable page draw them, each count opening its requests.
   */
  public static List<GridView> tables(AnnualTable t, CellLinks links) {
    return List.of(of(Grid.table3(t, links), "table-3"), of(Grid.table4(t, links), "table-4"));
  }

  public static GridView of(Grid g, String id) {
    List<Row> rows = new ArrayList<>();
    List<CellView> current = null;
    int row = -1;
    for (Grid.Cell c :
        g.cells().stream()
            .sorted(Comparator.comparingInt(Grid.Cell::row).thenComparingInt(Grid.Cell::col))
            .toList()) {
      if (c.row() != row) {
        current = new ArrayList<>();
        rows.add(new Row(current));
        row = c.row();
      }
      boolean label = !c.header() && c.number() == null && c.col() < 3;
      current.add(
          new CellView(
              c.header(),
              label,
              c.rowSpan() > 1 ? c.rowSpan() : null,
              c.colSpan() > 1 ? c.colSpan() : null,
              c.text(),
              c.href(),
              c.href() == null ? null : "列出这 " + c.text() + " 件"));
    }
    return new GridView(id, g.title(), List.copyOf(rows));
  }
}
