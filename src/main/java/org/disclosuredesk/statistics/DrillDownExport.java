package org.disclosuredesk.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A drill-down list as a spreadsheet: one header row, then one row per request (or appeal), nothing
 * else, so the sheet has exactly count + 1 rows. What the list is (year, row, column) goes into the
 * print header and the file name.
 */
final class DrillDownExport {

  private DrillDownExport() {}

  static final List<String> REQUEST_HEADERS =
      List.of("编号", "申请人", "申请人类型", "收到日期", "答复期限", "办结日期", "处理结果");
  static final List<String> APPEAL_HEADERS = List.of("案件类型", "案号", "收到复议申请或起诉日期", "审结日期", "审理结果");

  static byte[] requests(String title, List<DrillDown.RequestItem> items) {
    List<List<String>> rows = new ArrayList<>();
    items.forEach(i -> rows.add(cells(i)));
    return xlsx("申请", title, REQUEST_HEADERS, rows);
  }

  static byte[] appeals(String title, List<DrillDown.AppealItem> items) {
    List<String> headers = new ArrayList<>(REQUEST_HEADERS);
    headers.addAll(APPEAL_HEADERS);
    List<List<String>> rows = new ArrayList<>();
    for (DrillDown.AppealItem a : items) {
      List<String> r = new ArrayList<>(cells(a.request()));
      r.addAll(
          java.util.Arrays.asList(
              a.kindLabel() != null ? a.kindLabel() : a.kind(),
              a.caseNumber(),
              date(a.appealReceivedOn()),
              date(a.decidedOn()),
              a.result() == null
                  ? "尚未审结"
                  : a.resultLabel() != null ? a.resultLabel() : a.result()));
      rows.add(r);
    }
    return xlsx("复议诉讼案件", title, headers, rows);
  }

  /** A legacy row lists requests or appeals, whichever its items are. */
  static byte[] legacy(String title, DrillDown.LegacyList list) {
    List<DrillDown.RequestItem> requests = new ArrayList<>();
    List<DrillDown.AppealItem> appeals = new ArrayList<>();
    for (DrillDown.ListItem item : list.items()) {
      if (item instanceof DrillDown.AppealItem a) {
        appeals.add(a);
      } else if (item instanceof DrillDown.RequestItem r) {
        requests.add(r);
      }
    }
    return DrillDown.LISTS_APPEALS.equals(list.listOf())
        ? appeals(title, appeals)
        : requests(title, requests);
  }

  private static List<String> cells(DrillDown.RequestItem i) {
    return java.util.Arrays.asList(
        i.trackingNumber(),
        i.applicantName(),
        i.applicantTypeLabel() != null ? i.applicantTypeLabel() : i.applicantType(),
        date(i.receivedOn()),
        date(i.dueOn()),
        date(i.concludedOn()),
        i.outcome() == null ? "尚未办结" : i.outcomeLabel() != null ? i.outcomeLabel() : i.outcome());
  }

  private static String date(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  /** Text cells only: a name beginning with "=" stays text and is never run as a formula. */
  private static byte[] xlsx(
      String sheetName, String title, List<String> headers, List<List<String>> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle header = wb.createCellStyle();
      header.setFont(bold);
      Sheet sheet = wb.createSheet(sheetName);
      Row head = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        head.createCell(c).setCellValue(headers.get(c));
        head.getCell(c).setCellStyle(header);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          row.createCell(c).setCellValue(values.get(c) == null ? "" : values.get(c));
        }
      }
      for (int c = 0; c < headers.size(); c++) {
        sheet.setColumnWidth(c, (c == 6 ? 30 : 14) * 256);
      }
      sheet.createFreezePane(0, 1);
      // in a print header & starts a code (&P = page number); Excel takes at most 255 characters
      sheet
          .getHeader()
          .setCenter((title.length() > 120 ? title.substring(0, 120) : title).replace("&", "&&"));
      sheet.getPrintSetup().setLandscape(true);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
