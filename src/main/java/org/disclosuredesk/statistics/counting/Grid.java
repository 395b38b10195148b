package org.disclosuredesk.statistics.counting;

import java.util.ArrayList;
import java.util.List;

/**
 * A table laid out like the official form: cells with row and column spans. Built once per table
 * and rendered to HTML and XLSX alike, so the printable page and the spreadsheet cannot drift
 * apart.
 */
public final class Grid {

  /**
   * {@code href}: where a non-zero count opens the requests (or appeals) counted in it; null
   * elsewhere.
   */
  public record Cell(
      int row,
      int col,
      int rowSpan,
      int colSpan,
      String text,
      boolean header,
      Long number,
      String href) {
    Cell(int row, int col, int rowSpan, int colSpan, String text, boolean header, Long number) {
      this(row, col, rowSpan, colSpan, text, header, number, null);
    }
  }

  private final String title;
  private final int columns;
  private final List<Cell> cells = new ArrayList<>();
  private int rows;

  public Grid(String title, int columns) {
    this.title = title;
    this.columns = columns;
  }

  public String title() {
    return title;
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  public List<Cell> cells() {
    return cells;
  }

  public Grid header(int row, int col, int rowSpan, int colSpan, String text) {
    return add(new Cell(row, col, rowSpan, colSpan, text, true, null));
  }

  public Grid label(int row, int col, int rowSpan, int colSpan, String text) {
    return add(new Cell(row, col, rowSpan, colSpan, text, false, null));
  }

  public Grid number(int row, int col, long value) {
    return add(new Cell(row, col, 1, 1, Long.toString(value), false, value));
  }

  /** A count that opens its list when it is not zero. */
  public Grid count(int row, int col, long value, String href) {
    return add(
        new Cell(row, col, 1, 1, Long.toString(value), false, value, value == 0 ? null : href));
  }

  public Grid text(int row, int col, String value) {
    return add(new Cell(row, col, 1, 1, value, false, null));
  }

  private Grid add(Cell c) {
    cells.add(c);
    rows = Math.max(rows, c.row() + c.rowSpan());
    return this;
  }

  /**
   * Table 三 as printed in 国办公开办函〔2021〕30号: three label columns, then 自然人, five organisation types,
   * 总计.
   */
  public static Grid table3(AnnualTable t) {
    return table3(t, CellLinks.NONE);
  }

  /** The same with each non-zero count opening the requests it counts. */
  public static Grid table3(AnnualTable t, CellLinks links) {
    Grid g = new Grid("三、收到和处理政府信息公开申请情况", 10);
    g.header(0, 0, 3, 3, Layout.IDENTITY_NOTE);
    g.header(0, 3, 1, 7, "申请人情况");
    g.header(1, 3, 2, 1, "自然人");
    g.header(1, 4, 1, 5, "法人或其他组织");
    g.header(1, 9, 2, 1, "总计");
    for (int i = 1; i <= 5; i++) {
      g.header(2, 3 + i, 1, 1, Layout.columnLabel(Layout.COLUMNS.get(i)));
    }
    int r = 3;
    int resultsStart = -1;
    String group = null;
    int groupStart = -1;
    for (Layout.RowDef def : Layout.ROWS) {
      if (Layout.SECTION_RESULTS.equals(def.section()) && resultsStart < 0) {
        resultsStart = r;
      }
      if (group != null && !group.equals(def.group())) {
        g.label(groupStart, 1, r - groupStart, 1, group);
        group = null;
      }
      if (def.section() == null) {
        g.label(r, 0, 1, 3, def.label());
      } else if (def.group() == null) {
        g.label(r, 1, 1, 2, def.label());
      } else {
        if (group == null) {
          group = def.group();
          groupStart = r;
        }
        g.label(r, 2, 1, 1, def.label());
      }
      long[] v = t.rows().get(def.code());
      for (int c = 0; c < v.length; c++) {
        g.count(r, 3 + c, v[c], links.requests(t.year(), def.code(), Layout.COLUMNS.get(c)));
      }
      if ("CONCLUDED_TOTAL".equals(def.code())) {
        g.label(resultsStart, 0, r - resultsStart + 1, 1, Layout.SECTION_RESULTS);
      }
      r++;
    }
    return g;
  }

  /** Table 四: 行政复议 (5 columns), 行政诉讼 split into 未经复议直接起诉 and 复议后起诉 (5 each). */
  public static Grid table4(AnnualTable t) {
    return table4(t, CellLinks.NONE);
  }

  public static Grid table4(AnnualTable t, CellLinks links) {
    Grid g = new Grid("四、政府信息公开行政复议、行政诉讼情况", 15);
    g.header(0, 0, 1, 5, "行政复议");
    g.header(0, 5, 1, 10, "行政诉讼");
    for (int i = 0; i < 5; i++) {
      g.header(1, i, 2, 1, Layout.APPEAL_COLUMN_LABELS.get(i));
    }
    g.header(1, 5, 1, 5, "未经复议直接起诉");
    g.header(1, 10, 1, 5, "复议后起诉");
    for (int i = 0; i < 10; i++) {
      g.header(2, 5 + i, 1, 1, Layout.APPEAL_COLUMN_LABELS.get(i % 5));
    }
    int c = 0;
    for (String code : Layout.APPEAL_ROWS) {
      long[] values = t.appeals().get(code);
      for (int i = 0; i < values.length; i++) {
        g.count(3, c++, values[i], links.appeals(t.year(), code, Layout.APPEAL_COLUMNS.get(i)));
      }
    }
    return g;
  }

  /**
   * Table 二 as the 2021 format prints it: four columns; a block with one figure per item spans it
   * over the three figure columns. A cell not filled in stays empty.
   */
  public static Grid proactive(ProactiveFigures f) {
    Grid g = new Grid("二、主动公开政府信息情况", 4);
    int r = 0;
    for (Layout.ProactiveBlock b : Layout.PROACTIVE) {
      g.header(r++, 0, 1, 4, b.article());
      int span = 3 / b.columns().size();
      g.header(r, 0, 1, 1, Layout.PROACTIVE_ITEM_HEADER);
      for (int c = 0; c < b.columns().size(); c++) {
        g.header(r, 1 + c * span, 1, span, b.columns().get(c));
      }
      r++;
      for (int i = 0; i < b.items().size(); i++) {
        g.label(r, 0, 1, 1, b.items().get(i));
        List<String> fields = b.fields().get(i);
        for (int c = 0; c < fields.size(); c++) {
          String field = fields.get(c);
          if (ProactiveFigures.AMOUNT_FIELD.equals(field)) {
            g.add(new Cell(r, 1 + c * span, 1, span, f.amountText(), false, null));
          } else {
            Long v = f.count(field);
            g.add(new Cell(r, 1 + c * span, 1, span, v == null ? "" : v.toString(), false, v));
          }
        }
        r++;
      }
    }
    return g;
  }

  /** The pre-2019 统计表: 统计指标 / 单位 / 统计数. */
  public static Grid legacy(LegacyTable t) {
    return legacy(t, CellLinks.NONE);
  }

  public static Grid legacy(LegacyTable t, CellLinks links) {
    Grid g = new Grid(t.year() + "年政府信息公开工作情况统计表（依申请公开部分）", 3);
    g.header(0, 0, 1, 1, "统计指标");
    g.header(0, 1, 1, 1, "单位");
    g.header(0, 2, 1, 1, "统计数");
    int r = 1;
    for (LegacyTable.RowDef def : LegacyTable.ROWS) {
      boolean fees = "FEES_COLLECTED_10K_YUAN".equals(def.code());
      g.label(r, 0, 1, 1, def.label());
      g.label(r, 1, 1, 1, fees ? "万元" : "件");
      if (fees) {
        g.text(r, 2, t.feesTenThousandYuan().toPlainString());
      } else {
        g.count(r, 2, t.value(def.code()), links.legacy(t.year(), def.code()));
      }
      r++;
    }
    return g;
  }
}
