package org.disclosuredesk.statistics;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.disclosuredesk.statistics.counting.ProactiveFigures;

/**
 * The manager's statistics page ({@code /reports/{year}}) as the template {@code
 * desk/templates/reports.html} draws it: tables 三 and 四 whose every non-zero count opens its
 * requests, the paragraph whose every count does the same, the freeze and its differences, table
 * 二's form and the charts. With several agencies (DOMAIN.md §8) it is one agency's page or a
 * consolidated one ({@code scope}); a chooser leads to the others the caller may read, and the
 * supervising office's consolidated page lists every agency's year above the sum.
 */
record ReportPage(
    DeskLayout.Page page,
    int year,
    List<YearLink> years,
    List<Link> downloads,
    Frozen frozen,
    List<String> identityBreaks,
    List<Segment> paragraph,
    Figures figures,
    List<GridView> tables,
    List<ProactiveBlock> proactive,
    String proactiveUrl,
    String proactiveSaved,
    Charts.All charts,
    Scope scope) {

  public boolean hasBreaks() {
    return !identityBreaks.isEmpty();
  }

  /**
   * Whose page this is: {@code title} (null on a plain run), the agencies to switch to, the
   * overview of every agency and the form that adds chosen agencies up (the supervising office's),
   * whether table 二 can be saved here.
   */
  record Scope(
      String title,
      boolean consolidated,
      List<Choice> choices,
      List<OverviewLine> overview,
      List<Box> boxes,
      boolean editable) {
    public boolean hasChoices() {
      return choices.size() > 1;
    }

    public boolean hasOverview() {
      return !overview.isEmpty();
    }

    public boolean hasBoxes() {
      return !boxes.isEmpty();
    }
  }

  record Choice(String label, String href, boolean current) {}

  /** One agency's line of the overview (API.md {@code GET /api/statistics/{year}/agencies}). */
  record OverviewLine(
      String code,
      String name,
      String href,
      long newThisYear,
      long carriedOver,
      long concluded,
      String onTimeRate,
      long overdueNow,
      long carriedForward,
      boolean identityHolds,
      String frozenAt) {}

  /** A checkbox of the form that builds a consolidated table of chosen agencies. */
  record Box(String code, String name, boolean checked) {}

  record YearLink(int year, String href, boolean current) {}

  record Link(String id, String href, String label) {}

  record Difference(String row, String column, long frozen, long current) {}

  record Frozen(String at, String by, boolean unchanged, int count, List<Difference> differences) {}

  /** A run of the paragraph; a count carries the link to its requests. */
  record Segment(String text, String href) {}

  record Figures(
      long newThisYear,
      long concluded,
      String onTimeRate,
      String feesYuan,
      String feesTenThousand) {}

  record HeaderColumn(String label, Integer colSpan) {}

  record Field(String name, String inputMode, String ariaLabel, String value, Integer colSpan) {}

  record Item(String label, List<Field> fields) {}

  record ProactiveBlock(String article, List<HeaderColumn> columns, List<Item> items) {}

  static ReportPage of(
      DeskLayout.Page page,
      AnnualStatistics s,
      int decimals,
      int thisYear,
      ProactiveRepository.Saved proactive,
      DrillDown.ParagraphFigures paragraph,
      ReportScope scope,
      Scope scoping) {
    AnnualTable t = s.table();
    int y = t.year();
    List<YearLink> years = new ArrayList<>();
    for (int i = thisYear; i > thisYear - 6; i--) {
      years.add(new YearLink(i, scope.link("/reports/" + i), i == y));
    }
    if (y > thisYear || y <= thisYear - 6) {
      years.add(
          new YearLink(
              y, scope.link("/reports/" + y), true)); // an older year opened by its address
    }
    List<Link> downloads =
        new ArrayList<>(
            List.of(
                new Link(
                    "download-csv",
                    scope.link("/reports/" + y + "/statistics-" + y + ".csv"),
                    "下载 CSV"),
                new Link(
                    "download-xlsx",
                    scope.link("/reports/" + y + "/statistics-" + y + ".xlsx"),
                    "下载 Excel（XLSX）")));
    if (!scope.consolidated()) {
      // an agency's report and ledger; a consolidated table has neither (each agency reports in its
      // own name)
      downloads.add(
          new Link(
              "download-docx",
              scope.link("/reports/" + y + "/report-" + y + ".docx"),
              "下载年度报告（Word）"));
      downloads.add(
          new Link(
              "download-ledger",
              scope.link("/api/requests?year=" + y + "&format=xlsx"),
              "下载本年申请台账（Excel）"));
    }
    Frozen frozen = null;
    if (s.frozen() != null) {
      List<Difference> diffs =
          s.differences().stream()
              .map(d -> new Difference(d.row(), d.column(), d.frozen(), d.current()))
              .toList();
      frozen = new Frozen(s.frozen().at(), s.frozen().by(), diffs.isEmpty(), diffs.size(), diffs);
    }
    Figures figures =
        new Figures(
            t.total("NEW_THIS_YEAR"),
            t.concluded(),
            Paragraph.rate(t.onTimeRate(), decimals),
            t.feesYuan().setScale(2, RoundingMode.HALF_UP).toPlainString(),
            Paragraph.tenThousand(t.feesYuan()));
    return new ReportPage(
        page,
        y,
        years,
        List.copyOf(downloads),
        frozen,
        s.breakLines(),
        segments(paragraph),
        figures,
        GridView.tables(t, DrillDownLinks.cells(scope)),
        scope.consolidated() ? List.of() : proactive(proactive),
        scope.link("/reports/" + y + "/proactive"),
        proactive == null
            ? null
            : "最后保存："
                + proactive.updatedAt().toString().replace('T', ' ')
                + "（"
                + proactive.updatedBy()
                + "）",
        Charts.of(t, decimals),
        scoping);
  }

  /** The paragraph cut at its counts, each count linked to the list of its requests. */
  static List<Segment> segments(DrillDown.ParagraphFigures p) {
    List<Segment> out = new ArrayList<>();
    String text = p.paragraph();
    int at = 0;
    for (DrillDown.Figure f :
        p.figures().stream()
            .sorted(java.util.Comparator.comparingInt(DrillDown.Figure::start))
            .toList()) {
      if (f.start() < at) {
        continue;
      }
      if (f.start() > at) {
        out.add(new Segment(text.substring(at, f.start()), null));
      }
      out.add(new Segment(text.substring(f.start(), f.end()), f.count() == 0 ? null : f.page()));
      at = f.end();
    }
    if (at < text.length()) {
      out.add(new Segment(text.substring(at), null));
    }
    return out;
  }

  /**
   * Table 二 as a form in the official layout: the figures the process does not record; empty = not
   * filled in.
   */
  static List<ProactiveBlock> proactive(ProactiveRepository.Saved saved) {
    ProactiveFigures f = saved == null ? ProactiveFigures.BLANK : saved.figures();
    List<ProactiveBlock> blocks = new ArrayList<>();
    for (Layout.ProactiveBlock block : Layout.PROACTIVE) {
      int span = 3 / block.columns().size();
      Integer colSpan = span > 1 ? span : null;
      List<HeaderColumn> columns =
          block.columns().stream().map(c -> new HeaderColumn(c, colSpan)).toList();
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < block.items().size(); i++) {
        List<Field> fields = new ArrayList<>();
        List<String> names = block.fields().get(i);
        for (int k = 0; k < names.size(); k++) {
          String name = names.get(k);
          boolean amount = ProactiveFigures.AMOUNT_FIELD.equals(name);
          Long count = amount ? null : f.count(name);
          fields.add(
              new Field(
                  name,
                  amount ? "decimal" : "numeric",
                  block.items().get(i) + " " + block.columns().get(k),
                  amount ? f.amountText() : count == null ? "" : count.toString(),
                  colSpan));
        }
        items.add(new Item(block.items().get(i), fields));
      }
      blocks.add(new ProactiveBlock(block.article(), columns, items));
    }
    return blocks;
  }
}
