package org.disclosuredesk.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Grid;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.disclosuredesk.statistics.counting.ProactiveFigures;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * The year's 政府信息公开工作年度报告 as a Word draft in the 2021 format (国办公开办函〔2021〕30号): sections 一 to 六,
 * tables 二, 三 and 四 in the official layout (the same {@link Grid}s as the page and the
 * spreadsheet), the generated paragraph, fees, the freeze, and marked places for the agency's own
 * text. House style of GB/T 9704-2012. Plain POI XWPF rather than a poi-tl template: the tables'
 * merged cells are built from the grids, which a template would only get in the way of.
 */
final class AnnualReportDocument {

  static final String TITLE_FONT = "方正小标宋简体";
  static final String BODY_FONT = "仿宋_GB2312";
  static final String HEADING_FONT = "黑体";
  static final String SUBHEADING_FONT = "楷体_GB2312";
  static final String PAGE_NUMBER_FONT = "宋体";
  static final double TITLE_PT = 22; // 二号
  static final double BODY_PT = 16; // 三号
  static final double TABLE_PT = 10.5; // 五号: table 三's ten columns fit the text width
  static final double PAGE_NUMBER_PT = 14; // 四号
  // GB/T 9704 7.1: 22 lines of 28 characters in the 225 mm high text area
  static final double LINE_PT = 28.95;
  static final int INDENT = 640; // two characters of 三号, in twentieths of a point

  // A4 and the margins of GB/T 9704 5.2.1 (top 37, bottom 35, left 28, right 26 mm), in twips
  static final int PAGE_W = 11906;
  static final int PAGE_H = 16838;
  static final int MARGIN_TOP = 2098;
  static final int MARGIN_BOTTOM = 1984;
  static final int MARGIN_LEFT = 1587;
  static final int MARGIN_RIGHT = 1474;
  static final int TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

  /** Column widths (twips) of table 三: the three label columns, then six applicant types and 总计. */
  static final int[] TABLE3_WIDTHS = widths(new int[] {560, 1060}, 7, 650);

  static final int[] TABLE4_WIDTHS = even(15);
  static final int[] PROACTIVE_WIDTHS = {TEXT_W - 3 * 2000, 2000, 2000, 2000};

  static final String PROMPT_OVERVIEW = "【请在此补充本年度政府信息公开工作的总体情况。】";

  private final XWPFDocument doc = new XWPFDocument();

  private AnnualReportDocument() {}

  /**
   * @param s the year's statistics, read once: its tables, paragraph, breaks, freeze and
   *     differences
   */
  static byte[] build(AnnualStatistics s, ProactiveFigures proactive, AgencyProperties agency) {
    AnnualReportDocument d = new AnnualReportDocument();
    d.write(s, proactive, agency);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.doc.write(out);
      d.doc.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String title(int year) {
    return year + "年政府信息公开工作年度报告";
  }

  private void write(AnnualStatistics s, ProactiveFigures proactive, AgencyProperties agency) {
    AnnualTable t = s.table();
    int y = t.year();
    String name = agency == null || blank(agency.name()) ? "【机关名称】" : agency.name();
    page();
    fontTable();
    doc.getProperties().getCoreProperties().setTitle(name + y + "年政府信息公开工作年度报告");
    doc.getProperties().getCoreProperties().setCreator(name);

    XWPFParagraph head = paragraph(ParagraphAlignment.CENTER, false);
    run(head, name, TITLE_FONT, TITLE_PT);
    XWPFParagraph title = paragraph(ParagraphAlignment.CENTER, false);
    run(title, title(y), TITLE_FONT, TITLE_PT);
    title.setSpacingAfter((int) (LINE_PT * 20)); // one empty line under the title (GB/T 9704 7.3.3)

    body(
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
            + "（国办公开办函〔2021〕30号）要求，编制"
            + name
            + y
            + "年政府信息公开工作年度报告。本报告由总体情况，主动公开政府"
            + "信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他需要"
            + "报告的事项六部分组成。本报告中所列数据的统计期限自"
            + y
            + "年1月1日起至"
            + y
            + "年12月31日止。");
    XWPFParagraph contact = paragraph(ParagraphAlignment.BOTH, true);
    run(contact, "本报告电子版可在", BODY_FONT, BODY_PT);
    prompt(contact, "【请填写发布本报告的网站名称和网址】");
    run(
        contact,
        "查阅或下载。如对本报告有疑问，请与" + name + "联系" + contactDetails(agency) + "。",
        BODY_FONT,
        BODY_PT);

    heading("一、总体情况");
    promptParagraph(PROMPT_OVERVIEW);
    subheading("（一）主动公开政府信息情况");
    promptParagraph("【请在此补充主动公开政府信息情况。】");
    subheading("（二）依申请公开政府信息情况");
    body(s.paragraph());
    subheading("（三）政府信息管理情况");
    promptParagraph("【请在此补充政府信息管理情况。】");
    subheading("（四）平台建设情况");
    promptParagraph("【请在此补充政府信息公开平台建设情况。】");
    subheading("（五）监督保障情况");
    promptParagraph("【请在此补充监督保障情况。】");

    heading("二、主动公开政府信息情况");
    table(Grid.proactive(proactive), PROACTIVE_WIDTHS, 0);
    if (proactive.blank()) {
      promptParagraph("【本表尚未填写：请在统计页面“主动公开政府信息情况”中填写后重新下载，或在此直接填写。】");
    }

    heading("三、收到和处理政府信息公开申请情况");
    table(Grid.table3(t), TABLE3_WIDTHS, 3);
    if (!t.consistent()) {
      StringBuilder note = new StringBuilder("【注意：本表勾稽关系不成立（第一项加第二项之和应等于第三项加第四项之和），请核对后再发布。");
      for (AnnualStatistics.Break b : s.breaks()) {
        note.append(columnLabel(b.column()))
            .append("列：")
            .append(String.join("，", b.problems()))
            .append("。");
      }
      promptParagraph(note.append("】").toString());
    }

    heading("四、政府信息公开行政复议、行政诉讼情况");
    table(Grid.table4(t), TABLE4_WIDTHS, 0);

    heading("五、存在的主要问题及改进情况");
    promptParagraph("【请在此填写本年度政府信息公开工作存在的主要问题及改进情况。】");

    heading("六、其他需要报告的事项");
    int n = 0;
    subheading(ORDINALS[n++] + "政府信息公开信息处理费收费情况");
    body(fees(t));
    if (s.frozen() != null) {
      subheading(ORDINALS[n++] + "统计数据说明");
      frozenNote(s.frozen(), s.differences());
    }
    subheading(ORDINALS[n] + "其他事项");
    promptParagraph(
        "【请在此补充其他需要报告的事项，如落实上级年度政务公开工作要点情况、人大代表建议和政协委员提案办理结果" + "公开情况、政务公开工作创新情况等；没有的，删去本项。】");

    paragraph(ParagraphAlignment.LEFT, false);
    paragraph(ParagraphAlignment.LEFT, false);
    XWPFParagraph signature = paragraph(ParagraphAlignment.RIGHT, false);
    signature.setIndentationRight(INDENT);
    run(signature, name, BODY_FONT, BODY_PT);
    XWPFParagraph date = paragraph(ParagraphAlignment.RIGHT, false);
    date.setIndentationRight(INDENT);
    prompt(date, (y + 1) + "年　月　日");
  }

  private static final String[] ORDINALS = {"（一）", "（二）", "（三）"};

  /** 国办函〔2020〕109号: the information-processing fees the process recorded as paid in the year. */
  static String fees(AnnualTable t) {
    if (t.feesYuan().signum() == 0) {
      return "本年度未收取政府信息公开信息处理费。";
    }
    return "依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度共收取政府信息公开信息处理费"
        + t.feesYuan().setScale(2, RoundingMode.HALF_UP).toPlainString()
        + "元（"
        + Paragraph.tenThousand(t.feesYuan())
        + "万元）。";
  }

  /**
   * As the JSON and the page: the tables show the figures as recorded now; a freeze is named with
   * its time and person, and every cell that moved since is listed, so the manager decides which
   * figures to publish.
   */
  private void frozenNote(
      AnnualStatistics.Frozen frozen, List<AnnualStatistics.Difference> differences) {
    String at =
        LocalDateTime.parse(frozen.at()).format(DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm"));
    StringBuilder s =
        new StringBuilder("本年度统计数据已于")
            .append(at)
            .append("由")
            .append(frozen.by())
            .append("冻结发布。本报告表三、表四为生成本报告时办理记录中的数据，");
    if (differences.isEmpty()) {
      body(s.append("与冻结时一致。").toString());
      return;
    }
    body(s.append("冻结后有").append(differences.size()).append("项数据发生变化：").toString());
    for (AnnualStatistics.Difference d : differences) {
      body(
          rowLabel(d.row())
              + "（"
              + columnLabel(d.column())
              + "）：冻结时"
              + d.frozen()
              + "，现为"
              + d.current()
              + "。");
    }
  }

  static String rowLabel(String code) {
    int appeal = Layout.APPEAL_ROWS.indexOf(code);
    if (appeal >= 0) {
      return Layout.APPEAL_ROW_LABELS.get(appeal);
    }
    for (Layout.RowDef def : Layout.ROWS) {
      if (def.code().equals(code)) {
        return def.fullLabel();
      }
    }
    return code;
  }

  static String columnLabel(String code) {
    int appeal = Layout.APPEAL_COLUMNS.indexOf(code);
    if (appeal >= 0 && !Layout.TOTAL.equals(code)) {
      return Layout.APPEAL_COLUMN_LABELS.get(appeal);
    }
    return Layout.COLUMNS.contains(code) ? Layout.columnLabel(code) : code;
  }

  private static String contactDetails(AgencyProperties agency) {
    if (agency == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    if (!blank(agency.address())) {
      s.append("地址：").append(agency.address());
    }
    if (!blank(agency.phone())) {
      s.append(s.isEmpty() ? "" : "；").append("电话：").append(agency.phone());
    }
    return s.isEmpty() ? "" : "（" + s + "）";
  }

  // --- page, paragraphs, runs

  private void page() {
    CTSectPr sect =
        doc.getDocument().getBody().isSetSectPr()
            ? doc.getDocument().getBody().getSectPr()
            : doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_W));
    size.setH(BigInteger.valueOf(PAGE_H));
    CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
    mar.setTop(BigInteger.valueOf(MARGIN_TOP));
    mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    mar.setHeader(BigInteger.valueOf(851));
    // the page number's dash sits 7 mm under the text area (GB/T 9704 7.5): about 23 mm above the
    // paper's edge
    mar.setFooter(BigInteger.valueOf(1304));
    // GB/T 9704 7.5: odd pages' number on the right, even pages' on the left, one character in from
    // the edge
    doc.setEvenAndOddHeadings(true);
    pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
    pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
  }

  /**
   * The fonts of the house style with the names Windows ships (仿宋_GB2312 is not on every machine,
   * 仿宋 is) and the GB2312 character set, so Word or WPS without them substitutes a font of the same
   * kind.
   */
  private void fontTable() {
    StringBuilder x =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    String[][] fonts = {
      {TITLE_FONT, "宋体", "roman"},
      {BODY_FONT, "仿宋", "modern"},
      {HEADING_FONT, "SimHei", "modern"},
      {SUBHEADING_FONT, "楷体", "modern"},
      {PAGE_NUMBER_FONT, "SimSun", "auto"}
    };
    for (String[] f : fonts) {
      x.append("<w:font w:name=\"")
          .append(f[0])
          .append("\"><w:altName w:val=\"")
          .append(f[1])
          .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
          .append(f[2])
          .append("\"/></w:font>");
    }
    x.append("</w:fonts>");
    try {
      PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
      PackagePart part =
          doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
      doc.getPackagePart()
          .addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
      try (OutputStream out = part.getOutputStream()) {
        out.write(x.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (InvalidFormatException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "— 1 —": a PAGE field between two em dashes, 四号 宋体. */
  private static void pageNumber(XWPFFooter footer, ParagraphAlignment align) {
    XWPFParagraph p =
        footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
    p.setAlignment(align);
    if (align == ParagraphAlignment.RIGHT) {
      p.setIndentationRight(280);
    } else {
      p.setIndentationLeft(280);
    }
    run(p, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
    field(p, STFldCharType.BEGIN);
    run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
        .getCTR()
        .addNewInstrText()
        .setStringValue(" PAGE ");
    field(p, STFldCharType.SEPARATE);
    run(p, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
    field(p, STFldCharType.END);
    run(p, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
  }

  private static void field(XWPFParagraph p, STFldCharType.Enum type) {
    CTFldChar c = run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_PT).getCTR().addNewFldChar();
    c.setFldCharType(type);
  }

  private XWPFParagraph paragraph(ParagraphAlignment align, boolean indent) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
    p.setSpacingAfter(0);
    if (indent) {
      p.setFirstLineIndent(INDENT);
    }
    return p;
  }

  private void body(String text) {
    run(paragraph(ParagraphAlignment.BOTH, true), text, BODY_FONT, BODY_PT);
  }

  private void heading(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, true);
    p.setKeepNext(true);
    run(p, text, HEADING_FONT, BODY_PT);
  }

  private void subheading(String text) {
    XWPFParagraph p = paragraph(ParagraphAlignment.LEFT, true);
    p.setKeepNext(true);
    run(p, text, SUBHEADING_FONT, BODY_PT);
  }

  /**
   * Where the agency writes its own text: bracketed and highlighted, so none is left in by mistake.
   */
  private void promptParagraph(String text) {
    prompt(paragraph(ParagraphAlignment.BOTH, true), text);
  }

  private static void prompt(XWPFParagraph p, String text) {
    run(p, text, BODY_FONT, BODY_PT).setTextHighlightColor("yellow");
  }

  private static XWPFRun run(XWPFParagraph p, String text, String font, double pt) {
    XWPFRun r = p.createRun();
    if (!text.isEmpty()) {
      r.setText(text);
    }
    r.setFontFamily(font);
    r.setFontSize(pt);
    return r;
  }

  // --- tables

  /**
   * One grid as a Word table: spans become gridSpan (across) and vMerge restart/continue (down),
   * the first {@code headerRows} rows repeat on every page the table runs over, and no row breaks
   * across pages. A table without header rows is short: it is kept on one page.
   */
  private void table(Grid g, int[] widths, int headerRows) {
    Grid.Cell[][] owner = new Grid.Cell[g.rows()][g.columns()];
    for (Grid.Cell c : g.cells()) {
      for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
        for (int k = c.col(); k < c.col() + c.colSpan(); k++) {
          owner[r][k] = c;
        }
      }
    }
    XWPFTable table = doc.createTable();
    CTTblPr pr = table.getCTTbl().getTblPr();
    CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(sum(widths, 0, widths.length)));
    CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
    layout.setType(STTblLayoutType.FIXED);
    table.setTableAlignment(TableRowAlign.CENTER);
    table.setCellMargins(0, 57, 0, 57);
    CTTblGrid grid =
        table.getCTTbl().getTblGrid() == null
            ? table.getCTTbl().addNewTblGrid()
            : table.getCTTbl().getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int width : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(width));
    }
    for (int r = 0; r < g.rows(); r++) {
      XWPFTableRow row = table.insertNewTableRow(r);
      row.setCantSplitRow(true);
      if (r < headerRows) {
        row.setRepeatHeader(true);
      }
      for (int c = 0; c < g.columns(); ) {
        Grid.Cell o = owner[r][c];
        int span = o == null ? 1 : o.colSpan();
        XWPFTableCell cell = row.addNewTableCell();
        CTTcPr tc =
            cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth tw = tc.addNewTcW();
        tw.setType(STTblWidth.DXA);
        tw.setW(BigInteger.valueOf(sum(widths, c, span)));
        if (span > 1) {
          tc.addNewGridSpan().setVal(BigInteger.valueOf(span));
        }
        if (o != null && o.rowSpan() > 1) {
          tc.addNewVMerge().setVal(o.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
        }
        tc.addNewVAlign().setVal(STVerticalJc.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0);
        p.setKeepNext(headerRows == 0 ? r < g.rows() - 1 : r < headerRows);
        if (o != null && o.row() == r && !o.text().isEmpty()) {
          p.setAlignment(
              o.header() || o.number() != null || o.text().matches("[0-9.]+")
                  ? ParagraphAlignment.CENTER
                  : ParagraphAlignment.LEFT);
          run(p, o.text(), BODY_FONT, TABLE_PT);
        }
        c += span;
      }
    }
    table.removeRow(g.rows()); // the empty row createTable() started with
  }

  private static int sum(int[] widths, int from, int count) {
    int s = 0;
    for (int i = from; i < from + count; i++) {
      s += widths[i];
    }
    return s;
  }

  /**
   * Label columns as given; the figure columns share what is left of the text width, the label
   * column the rest.
   */
  private static int[] widths(int[] labels, int figures, int figureWidth) {
    int[] w = new int[labels.length + 1 + figures];
    int used = figures * figureWidth;
    for (int i = 0; i < labels.length; i++) {
      w[i] = labels[i];
      used += labels[i];
    }
    w[labels.length] = TEXT_W - used;
    for (int i = 0; i < figures; i++) {
      w[labels.length + 1 + i] = figureWidth;
    }
    return w;
  }

  private static int[] even(int columns) {
    int[] w = new int[columns];
    for (int i = 0; i < columns; i++) {
      w[i] = TEXT_W / columns;
    }
    w[columns - 1] += TEXT_W % columns;
    return w;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
