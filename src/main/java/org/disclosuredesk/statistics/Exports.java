package org.disclosuredesk.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Grid;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.LegacyTable;

/** CSV and XLSX of the tables. */
public final class Exports {

  private Exports() {}

  /** UTF-8 with BOM so spreadsheet programs read the Chinese labels right. */
  public static byte[] csv(AnnualTable t) {
    StringBuilder s = new StringBuilder("\uFEFF");
    s.append("代码,项目");
    for (String c : Layout.COLUMNS) {
      s.append(',').append(Layout.columnLabel(c));
    }
    s.append("\r\n");
    for (Layout.RowDef def : Layout.ROWS) {
      s.append(def.code())
          .append(',')
          .append(quote((def.section() == null ? "" : def.section() + " ") + def.fullLabel()));
      for (long v : t.rows().get(def.code())) {
        s.append(',').append(v);
      }
      s.append("\r\n");
    }
    s.append("\r\n代码,项目");
    for (String l : Layout.APPEAL_COLUMN_LABELS) {
      s.append(',').append(l);
    }
    s.append("\r\n");
    for (int i = 0; i < Layout.APPEAL_ROWS.size(); i++) {
      String code = Layout.APPEAL_ROWS.get(i);
      s.append(code).append(',').append(quote(Layout.APPEAL_ROW_LABELS.get(i)));
      for (long v : t.appeals().get(code)) {
        s.append(',').append(v);
      }
      s.append("\r\n");
    }
    return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static byte[] csv(LegacyTable t) {
    StringBuilder s = new StringBuilder("\uFEFF代码,统计指标,单位,统计数\r\n");
    for (LegacyTable.RowDef def : LegacyTable.ROWS) {
      boolean fees = "FEES_COLLECTED_10K_YUAN".equals(def.code());
      s.append(def.code())
          .append(',')
          .append(quote(def.label()))
          .append(',')
          .append(fees ? "万元" : "件")
          .append(',')
          .append(
              fees ? t.feesTenThousandYuan().toPlainString() : Long.toString(t.value(def.code())))
          .append("\r\n");
    }
    return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Quotes a CSV field; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
   */
  static String quote(String v) {
    String s = v == null ? "" : v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /**
   * One sheet per grid, merged cells as in the official form, thin borders, A4 landscape fitted to
   * one page wide.
   */
  public static byte[] xlsx(List<Grid> grids, List<String> sheetNames) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = wb.createFont();
      bold.setBold(true);
      bold.setFontName("宋体");
      Font plain = wb.createFont();
      plain.setFontName("宋体");
      CellStyle header = style(wb, bold, HorizontalAlignment.CENTER);
      CellStyle label = style(wb, plain, HorizontalAlignment.LEFT);
      CellStyle number = style(wb, plain, HorizontalAlignment.CENTER);
      CellStyle title = wb.createCellStyle();
      title.setFont(bold);
      for (int gi = 0; gi < grids.size(); gi++) {
        Grid g = grids.get(gi);
        Sheet sheet = wb.createSheet(sheetNames.get(gi));
        sheet.createRow(0).createCell(0).setCellValue(g.title());
        sheet.getRow(0).getCell(0).setCellStyle(title);
        int offset = 1;
        for (int r = 0; r < g.rows(); r++) {
          Row row = sheet.createRow(r + offset);
          for (int c = 0; c < g.columns(); c++) {
            row.createCell(c).setCellStyle(number);
          }
        }
        for (Grid.Cell c : g.cells()) {
          var cell = sheet.getRow(c.row() + offset).getCell(c.col());
          if (c.number() != null) {
            cell.setCellValue(c.number());
            cell.setCellStyle(number);
          } else {
            cell.setCellValue(c.text());
            cell.setCellStyle(c.header() ? header : label);
          }
          if (c.rowSpan() > 1 || c.colSpan() > 1) {
            CellRangeAddress range =
                new CellRangeAddress(
                    c.row() + offset,
                    c.row() + offset + c.rowSpan() - 1,
                    c.col(),
                    c.col() + c.colSpan() - 1);
            sheet.addMergedRegion(range);
            RegionUtil.setBorderTop(BorderStyle.THIN, range, sheet);
            RegionUtil.setBorderBottom(BorderStyle.THIN, range, sheet);
            RegionUtil.setBorderLeft(BorderStyle.THIN, range, sheet);
            RegionUtil.setBorderRight(BorderStyle.THIN, range, sheet);
          }
        }
        for (int c = 0; c < g.columns(); c++) {
          sheet.setColumnWidth(
              c,
              g.columns() <= 3 && c == 0
                  ? 40 * 256
                  : (c == 2 && g.columns() == 10 ? 34 * 256 : 10 * 256));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(g.columns() > 3);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingRows(new CellRangeAddress(offset, offset, 0, g.columns() - 1));
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CellStyle style(XSSFWorkbook wb, Font font, HorizontalAlignment align) {
    CellStyle s = wb.createCellStyle();
    s.setFont(font);
    s.setAlignment(align);
    s.setVerticalAlignment(VerticalAlignment.CENTER);
    s.setWrapText(true);
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
    return s;
  }
}
