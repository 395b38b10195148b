package org.disclosuredesk.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger file in and out: {@code .xlsx} (Apache POI) or UTF-8 {@code .csv} (Apache Commons CSV),
 * one header row in the columns of {@link LedgerColumn}. Rows are numbered as the spreadsheet shows
 * them (the header is row 1).
 */
final class LedgerFile {

  /**
   * More rows than a year of a busy agency: a bigger file is split by the clerk, not held in one
   * transaction.
   */
  static final int MAX_ROWS = 10_000;

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

  private LedgerFile() {}

  /** One data row: its number in the spreadsheet and its cells, stripped, blank cells left out. */
  record Line(int number, Map<LedgerColumn, String> cells) {
    String get(LedgerColumn c) {
      return cells.get(c);
    }
  }

  /** The rows, or the problems that stop reading (headers, format). */
  record Read(List<Line> lines, List<LedgerImport.Problem> problems) {}

  static Read read(String filename, byte[] content) {
    boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
    try {
      return zip ? xlsx(content) : csv(content);
    } catch (CharacterCodingException e) {
      return failed("文件不是 UTF-8 编码的 CSV，也不是 .xlsx 工作簿：请用模板（.xlsx）或另存为“CSV UTF-8”");
    } catch (IOException | RuntimeException e) {
      return failed((zip ? "无法读取 .xlsx 工作簿" : "无法读取 CSV 文件") + "（" + filename + "）：请使用导入模板");
    }
  }

  private static Read failed(String message) {
    return new Read(List.of(), List.of(new LedgerImport.Problem(0, "文件", message)));
  }

  private static Read xlsx(byte[] content) throws IOException {
    try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(content))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
      List<String> headers = new ArrayList<>();
      Row head = sheet.getRow(sheet.getFirstRowNum());
      if (head != null) {
        for (int c = 0; c < head.getLastCellNum(); c++) {
          headers.add(
              head.getCell(c) == null ? "" : formatter.formatCellValue(head.getCell(c)).strip());
        }
      }
      List<LedgerImport.Problem> problems = new ArrayList<>();
      Map<Integer, LedgerColumn> columns = columns(headers, problems);
      List<Line> lines = new ArrayList<>();
      for (int r = sheet.getFirstRowNum() + 1;
          r <= sheet.getLastRowNum() && problems.isEmpty();
          r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Map<LedgerColumn, String> cells = new EnumMap<>(LedgerColumn.class);
        for (var e : columns.entrySet()) {
          String v = cell(row.getCell(e.getKey()), e.getValue(), formatter, r + 1, problems);
          if (v != null && !v.isBlank()) {
            cells.put(e.getValue(), v.strip());
          }
        }
        if (!cells.isEmpty()) {
          lines.add(new Line(r + 1, cells));
        }
        if (lines.size() > MAX_ROWS) {
          return failed("一次最多导入 " + MAX_ROWS + " 行，请分成几个文件");
        }
      }
      return new Read(lines, problems);
    }
  }

  /**
   * A cell as text: dates typed into Excel become date cells, long numbers become numbers (digits
   * lost).
   */
  private static String cell(
      Cell cell,
      LedgerColumn column,
      DataFormatter formatter,
      int rowNumber,
      List<LedgerImport.Problem> problems) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().format(ISO);
    }
    if (type == CellType.NUMERIC
        && (column == LedgerColumn.ID_NUMBER
            || column == LedgerColumn.PHONE
            || column == LedgerColumn.CREDIT_CODE)
        && Math.abs(cell.getNumericCellValue()) >= 1e15) {
      problems.add(
          new LedgerImport.Problem(
              rowNumber, column.header(), "长数字被 Excel 存成了数值，末几位已丢失：请把该列设为文本格式后重新输入"));
      return null;
    }
    return formatter.formatCellValue(cell);
  }

  private static Read csv(byte[] content) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text = decoder.decode(java.nio.ByteBuffer.wrap(content)).toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser parser =
        CSVFormat.RFC4180.builder().get().parse(new java.io.StringReader(text))) {
      List<LedgerImport.Problem> problems = new ArrayList<>();
      Map<Integer, LedgerColumn> columns = null;
      List<Line> lines = new ArrayList<>();
      for (CSVRecord rec : parser) {
        if (columns == null) {
          columns = columns(rec.toList().stream().map(String::strip).toList(), problems);
          if (!problems.isEmpty()) {
            break;
          }
          continue;
        }
        Map<LedgerColumn, String> cells = new EnumMap<>(LedgerColumn.class);
        for (var e : columns.entrySet()) {
          if (e.getKey() < rec.size() && !rec.get(e.getKey()).isBlank()) {
            cells.put(e.getValue(), unguard(rec.get(e.getKey()).strip()));
          }
        }
        if (!cells.isEmpty()) {
          // the record's line in the file is the spreadsheet's row only without line breaks in
          // cells: count records
          lines.add(new Line((int) rec.getRecordNumber(), cells));
        }
        if (lines.size() > MAX_ROWS) {
          return failed("一次最多导入 " + MAX_ROWS + " 行，请分成几个文件");
        }
      }
      if (columns == null) {
        problems.add(new LedgerImport.Problem(1, "表头", "文件是空的：第一行应为导入模板的表头"));
      }
      return new Read(lines, problems);
    }
  }

  /** Where each column is; every template column must be there once, and nothing else. */
  private static Map<Integer, LedgerColumn> columns(
      List<String> headers, List<LedgerImport.Problem> problems) {
    Map<Integer, LedgerColumn> at = new java.util.TreeMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i);
      if (h.isEmpty()) {
        continue;
      }
      LedgerColumn c =
          java.util.Arrays.stream(LedgerColumn.values())
              .filter(x -> x.header().equals(h))
              .findFirst()
              .orElse(null);
      if (c == null) {
        problems.add(new LedgerImport.Problem(1, h, "不是导入模板的列：请使用模板的表头"));
      } else if (at.containsValue(c)) {
        problems.add(new LedgerImport.Problem(1, h, "该列出现了两次"));
      } else {
        at.put(i, c);
      }
    }
    for (LedgerColumn c : LedgerColumn.values()) {
      if (!at.containsValue(c)) {
        problems.add(new LedgerImport.Problem(1, c.header(), "缺少该列：请使用导入模板的表头"));
      }
    }
    return at;
  }

  /**
   * The template: the header row (text columns formatted as text) and a sheet explaining each
   * column.
   */
  static byte[] template() {
    return xlsx(List.of());
  }

  static byte[] xlsx(List<Map<LedgerColumn, String>> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("台账");
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      LedgerColumn[] cols = LedgerColumn.values();
      for (int i = 0; i < cols.length; i++) {
        Cell c = head.createCell(i);
        c.setCellValue(cols[i].header());
        c.setCellStyle(bold);
        // every column as text: dates stay YYYY-MM-DD and ID numbers keep their digits when typed
        // into Excel
        sheet.setDefaultColumnStyle(i, text);
        sheet.setColumnWidth(i, (cols[i] == LedgerColumn.DESCRIPTION ? 40 : 14) * 256);
      }
      sheet.createFreezePane(1, 1);
      int r = 1;
      for (Map<LedgerColumn, String> row : rows) {
        Row line = sheet.createRow(r++);
        for (int i = 0; i < cols.length; i++) {
          String v = row.get(cols[i]);
          if (v != null) {
            Cell c = line.createCell(i);
            c.setCellValue(v);
            c.setCellStyle(text);
          }
        }
      }
      Sheet help = wb.createSheet("填写说明");
      Row h = help.createRow(0);
      h.createCell(0).setCellValue("列");
      h.createCell(1).setCellValue("填写要求和允许的取值");
      h.getCell(0).setCellStyle(bold);
      h.getCell(1).setCellStyle(bold);
      for (int i = 0; i < cols.length; i++) {
        Row line = help.createRow(i + 1);
        line.createCell(0).setCellValue(cols[i].header());
        line.createCell(1).setCellValue(cols[i].explanation());
      }
      Row note = help.createRow(cols.length + 2);
      note.createCell(0).setCellValue("说明");
      note.createCell(1)
          .setCellValue(
              "填写了处理结果和答复日期的行是已办结的申请，未填的是办理中的申请，按所填日期进入相应环节"
                  + "并计算答复期限。每一行都按本系统的办理环节逐步登记；台账没有记载的保密审查、签发等环节按台账补登，申请上注明来自台账。"
                  + "有任何错误时全部不导入；可以先“试导入”检查。日期格式为 YYYY-MM-DD。也可上传相同表头的 UTF-8 编码 CSV 文件。");
      help.setColumnWidth(0, 18 * 256);
      help.setColumnWidth(1, 100 * 256);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] csv(List<Map<LedgerColumn, String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
      // the byte-order mark lets Excel open UTF-8 Chinese text correctly
      w.write('\uFEFF');
      p.printRecord(LedgerColumn.headers());
      for (Map<LedgerColumn, String> row : rows) {
        List<String> values = new ArrayList<>();
        for (LedgerColumn c : LedgerColumn.values()) {
          values.add(guard(row.getOrDefault(c, "")));
        }
        p.printRecord(values);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /**
   * A cell starting with = + - @ is a formula to a spreadsheet opening the CSV (OWASP "CSV
   * injection"): written with a leading apostrophe, which the import takes off again.
   */
  static String guard(String v) {
    return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }

  static String unguard(String v) {
    return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0
        ? v.substring(1)
        : v;
  }

  static String date(LocalDate d) {
    return d == null ? null : d.format(ISO);
  }
}
