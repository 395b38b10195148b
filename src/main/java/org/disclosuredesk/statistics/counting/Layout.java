package org.disclosuredesk.statistics.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Outcome;

/** Row and column labels of table 二, 三 and 四 exactly as printed in 国办公开办函〔2021〕30号. */
public final class Layout {

  private Layout() {}

  public static final String TOTAL = "TOTAL";

  /** Columns: the six applicant types, then 总计 (DOMAIN.md §6). */
  public static final List<String> COLUMNS = columns();

  public static final String IDENTITY_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

  /**
   * A row of table 三: its code, the part of the table it sits in (三、本年度办理结果), its group ((三）不予公开)
   * and its own label (1.属于国家秘密); section and group are null where the official table has none.
   */
  public record RowDef(String code, String section, String group, String label) {
    public String fullLabel() {
      return (group == null ? "" : group) + label;
    }
  }

  public static final String SECTION_RESULTS = "三、本年度办理结果";

  private static final Map<String, String> GROUPS =
      Map.of(
          "（三）", "（三）不予公开",
          "（四）", "（四）无法提供",
          "（五）", "（五）不予处理",
          "（六）", "（六）其他处理");

  // the official wording where it differs from the short outcome labels (e.g. 部分公开 carries its
  // counting note)
  private static final Map<Outcome, String> OFFICIAL =
      Map.of(
          Outcome.PARTIALLY_DISCLOSED, "部分公开（区分处理的，只计这一情形，不计其他情形）",
          Outcome.WITHHELD_PROHIBITED_BY_LAW, "其他法律行政法规禁止公开");

  public static final List<RowDef> ROWS = rows();

  private static List<String> columns() {
    List<String> c = new ArrayList<>();
    for (ApplicantType t : ApplicantType.values()) {
      c.add(t.name());
    }
    c.add(TOTAL);
    return List.copyOf(c);
  }

  private static List<RowDef> rows() {
    List<RowDef> r = new ArrayList<>();
    r.add(new RowDef("NEW_THIS_YEAR", null, null, "一、本年新收政府信息公开申请数量"));
    r.add(new RowDef("CARRIED_OVER_FROM_LAST_YEAR", null, null, "二、上年结转政府信息公开申请数量"));
    for (Outcome o : Outcome.values()) {
      String row = o.row();
      String label = OFFICIAL.getOrDefault(o, o.label());
      if (row.length() > 3) {
        r.add(
            new RowDef(
                o.name(),
                SECTION_RESULTS,
                GROUPS.get(row.substring(0, 3)),
                row.substring(3) + "." + label));
      } else {
        r.add(new RowDef(o.name(), SECTION_RESULTS, null, row + label));
      }
    }
    r.add(new RowDef("CONCLUDED_TOTAL", SECTION_RESULTS, null, "（七）总计"));
    r.add(new RowDef("CARRIED_FORWARD_TO_NEXT_YEAR", null, null, "四、结转下年度继续办理"));
    return List.copyOf(r);
  }

  public static String columnLabel(String code) {
    return TOTAL.equals(code) ? "总计" : ApplicantType.valueOf(code).label();
  }

  /** Table 四. */
  public static final List<String> APPEAL_COLUMNS =
      List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", TOTAL);

  public static final List<String> APPEAL_COLUMN_LABELS =
      List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
  public static final List<String> APPEAL_ROWS =
      List.of("RECONSIDERATION", "LITIGATION_DIRECT", "LITIGATION_AFTER_RECONSIDERATION");
  public static final List<String> APPEAL_ROW_LABELS =
      List.of("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）");

  /**
   * Table 二 (主动公开政府信息情况): four blocks, each a heading row (the article of the Regulations), a
   * column-label row and its items; {@code fields} are the {@link ProactiveFigures} cells of each
   * item, left to right.
   */
  public record ProactiveBlock(
      String article, List<String> columns, List<String> items, List<List<String>> fields) {}

  public static final List<ProactiveBlock> PROACTIVE =
      List.of(
          new ProactiveBlock(
              "第二十条第（一）项",
              List.of("本年制发件数", "本年废止件数", "现行有效件数"),
              List.of("规章", "行政规范性文件"),
              List.of(
                  List.of("regulationsIssued", "regulationsRepealed", "regulationsInForce"),
                  List.of(
                      "normativeDocumentsIssued",
                      "normativeDocumentsRepealed",
                      "normativeDocumentsInForce"))),
          new ProactiveBlock(
              "第二十条第（五）项",
              List.of("本年处理决定数量"),
              List.of("行政许可"),
              List.of(List.of("licensingDecisions"))),
          new ProactiveBlock(
              "第二十条第（六）项",
              List.of("本年处理决定数量"),
              List.of("行政处罚", "行政强制"),
              List.of(List.of("penaltyDecisions"), List.of("coercionDecisions"))),
          new ProactiveBlock(
              "第二十条第（八）项",
              List.of("本年收费金额（单位：万元）"),
              List.of("行政事业性收费"),
              List.of(List.of(ProactiveFigures.AMOUNT_FIELD))));

  public static final String PROACTIVE_ITEM_HEADER = "信息内容";
}
