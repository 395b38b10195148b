package org.disclosuredesk.statistics.counting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The pre-2019 统计表 (API.md /legacy), computed from the same tallies as table 三. */
public record LegacyTable(
    int year,
    Map<String, Long> values,
    BigDecimal feesTenThousandYuan,
    Map<String, Long> newByTopic,
    Map<String, Long> newByChannel) {

  /**
   * The inputs of the mapping decision; nulls become "" / false so the decision table never sees
   * null.
   */
  public record Key(
      String outcome, boolean alreadyPublic, String thirdPartyInterest, String notHeldReason) {
    public static Key of(Tally t) {
      return new Key(
          t.k1() == null ? "" : t.k1(),
          "Y".equals(t.k2()),
          t.k3() == null ? "" : t.k3(),
          t.k4() == null ? "" : t.k4());
    }
  }

  public record RowDef(String code, String label) {}

  public static final List<RowDef> ROWS =
      List.of(
          new RowDef("RECEIVED_TOTAL", "（一）收到申请数"),
          new RowDef("RECEIVED_IN_PERSON", "1.当面申请数"),
          new RowDef("RECEIVED_FAX", "2.传真申请数"),
          new RowDef("RECEIVED_ONLINE", "3.网络申请数"),
          new RowDef("RECEIVED_LETTER", "4.信函申请数"),
          new RowDef("RECEIVED_OTHER", "5.其他形式"),
          new RowDef("CONCLUDED_TOTAL", "（二）申请办结数"),
          new RowDef("CONCLUDED_ON_TIME", "1.按时办结数"),
          new RowDef("CONCLUDED_EXTENDED", "2.延期办结数"),
          new RowDef("CONCLUDED_OVERDUE", "3.逾期办结数"),
          new RowDef("ANSWERED_TOTAL", "（三）申请答复数"),
          new RowDef("ANSWERED_ALREADY_PUBLIC", "1.属于已主动公开范围数"),
          new RowDef("ANSWERED_DISCLOSED", "2.同意公开答复数"),
          new RowDef("ANSWERED_PARTIALLY_DISCLOSED", "3.同意部分公开答复数"),
          new RowDef("ANSWERED_WITHHELD", "4.不同意公开答复数"),
          new RowDef("WITHHELD_STATE_SECRET", "其中：涉及国家秘密"),
          new RowDef("WITHHELD_TRADE_SECRET", "涉及商业秘密"),
          new RowDef("WITHHELD_PERSONAL_PRIVACY", "涉及个人隐私"),
          new RowDef("WITHHELD_SECURITY_STABILITY", "危及国家安全、公共安全、经济安全和社会稳定"),
          new RowDef("WITHHELD_NOT_GOVERNMENT_INFORMATION", "不是《条例》所指政府信息"),
          new RowDef("WITHHELD_OTHER_LEGAL", "法律法规规定的其他情形"),
          new RowDef("ANSWERED_NOT_THIS_AGENCY", "5.不属于本行政机关公开数"),
          new RowDef("ANSWERED_DOES_NOT_EXIST", "6.申请信息不存在数"),
          new RowDef("ANSWERED_ASKED_TO_AMEND", "7.告知作出更改补充数"),
          new RowDef("ANSWERED_OTHER_CHANNEL", "8.告知通过其他途径办理数"),
          new RowDef("RECONSIDERATION_TOTAL", "（一）行政复议数量"),
          new RowDef("RECONSIDERATION_UPHELD", "1.维持具体行政行为数"),
          new RowDef("RECONSIDERATION_CORRECTED", "2.被依法纠错数"),
          new RowDef("RECONSIDERATION_OTHER", "3.其他情形数"),
          new RowDef("LITIGATION_TOTAL", "（二）行政诉讼数量"),
          new RowDef("LITIGATION_UPHELD", "1.维持具体行政行为或者驳回原告诉讼请求数"),
          new RowDef("LITIGATION_CORRECTED", "2.被依法纠错数"),
          new RowDef("LITIGATION_OTHER", "3.其他情形数"),
          new RowDef("FEES_COLLECTED_10K_YUAN", "收取费用（万元）"));

  /** The rows a mapping decision may answer: the leaves of （三）申请答复数. */
  public static final Set<String> ANSWER_ROWS =
      Set.of(
          "ANSWERED_ALREADY_PUBLIC",
          "ANSWERED_DISCLOSED",
          "ANSWERED_PARTIALLY_DISCLOSED",
          "WITHHELD_STATE_SECRET",
          "WITHHELD_TRADE_SECRET",
          "WITHHELD_PERSONAL_PRIVACY",
          "WITHHELD_SECURITY_STABILITY",
          "WITHHELD_NOT_GOVERNMENT_INFORMATION",
          "WITHHELD_OTHER_LEGAL",
          "ANSWERED_NOT_THIS_AGENCY",
          "ANSWERED_DOES_NOT_EXIST",
          "ANSWERED_ASKED_TO_AMEND",
          "ANSWERED_OTHER_CHANNEL");

  /**
   * @param mapping the legacy answer row of each distinct combination of inputs (evaluated once per
   *     combination)
   */
  public static LegacyTable compute(
      int year, List<Tally> tallies, Function<Key, String> mapping, AnnualTable annual) {
    Map<String, Long> v = new LinkedHashMap<>();
    ROWS.forEach(r -> v.put(r.code(), 0L));
    for (Tally t : tallies) {
      switch (t.facet()) {
        // API.md legacy: received by receipt date in Y, 信函 = both post kinds
        case NEW ->
            v.merge(
                switch (t.k1()) {
                  case "IN_PERSON" -> "RECEIVED_IN_PERSON";
                  case "FAX" -> "RECEIVED_FAX";
                  case "ONLINE" -> "RECEIVED_ONLINE";
                  case "POST_REGISTERED", "POST_ORDINARY" -> "RECEIVED_LETTER";
                  default -> "RECEIVED_OTHER";
                },
                t.count(),
                Long::sum);
        // API.md legacy: concluded and answered by conclusion date in Y
        case CONCLUDED -> {
          Timeliness tl = t.k5() == null ? Timeliness.ON_TIME : Timeliness.valueOf(t.k5());
          v.merge("CONCLUDED_" + tl.name(), t.count(), Long::sum);
          String row = mapping.apply(Key.of(t));
          if (row == null || !ANSWER_ROWS.contains(row)) {
            throw new IllegalStateException("旧版统计表映射没有给出有效的行：" + Key.of(t) + " → " + row);
          }
          v.merge(row, t.count(), Long::sum);
        }
        default -> {}
      }
    }
    v.put(
        "RECEIVED_TOTAL",
        sum(
            v,
            "RECEIVED_IN_PERSON",
            "RECEIVED_FAX",
            "RECEIVED_ONLINE",
            "RECEIVED_LETTER",
            "RECEIVED_OTHER"));
    v.put(
        "CONCLUDED_TOTAL", sum(v, "CONCLUDED_ON_TIME", "CONCLUDED_EXTENDED", "CONCLUDED_OVERDUE"));
    // 不同意公开 is the sum of its 其中 rows
    v.put(
        "ANSWERED_WITHHELD",
        sum(
            v,
            "WITHHELD_STATE_SECRET",
            "WITHHELD_TRADE_SECRET",
            "WITHHELD_PERSONAL_PRIVACY",
            "WITHHELD_SECURITY_STABILITY",
            "WITHHELD_NOT_GOVERNMENT_INFORMATION",
            "WITHHELD_OTHER_LEGAL"));
    // API.md: ANSWERED_TOTAL = CONCLUDED_TOTAL; every conclusion is answered in exactly one row
    v.put(
        "ANSWERED_TOTAL",
        sum(
            v,
            "ANSWERED_ALREADY_PUBLIC",
            "ANSWERED_DISCLOSED",
            "ANSWERED_PARTIALLY_DISCLOSED",
            "ANSWERED_WITHHELD",
            "ANSWERED_NOT_THIS_AGENCY",
            "ANSWERED_DOES_NOT_EXIST",
            "ANSWERED_ASKED_TO_AMEND",
            "ANSWERED_OTHER_CHANNEL"));
    // appeals decided in Y, as in table 四; both litigation kinds are 行政诉讼
    long[] rec = annual.appeals().get("RECONSIDERATION");
    long[] lit1 = annual.appeals().get("LITIGATION_DIRECT");
    long[] lit2 = annual.appeals().get("LITIGATION_AFTER_RECONSIDERATION");
    v.put("RECONSIDERATION_UPHELD", rec[0]);
    v.put("RECONSIDERATION_CORRECTED", rec[1]);
    v.put("RECONSIDERATION_OTHER", rec[2]);
    v.put("RECONSIDERATION_TOTAL", rec[0] + rec[1] + rec[2]);
    v.put("LITIGATION_UPHELD", lit1[0] + lit2[0]);
    v.put("LITIGATION_CORRECTED", lit1[1] + lit2[1]);
    v.put("LITIGATION_OTHER", lit1[2] + lit2[2]);
    v.put(
        "LITIGATION_TOTAL",
        v.get("LITIGATION_UPHELD") + v.get("LITIGATION_CORRECTED") + v.get("LITIGATION_OTHER"));
    // the old template reports fees in 万元
    BigDecimal tenK = annual.feesYuan().divide(BigDecimal.valueOf(10000), 4, RoundingMode.HALF_UP);
    return new LegacyTable(year, v, tenK, annual.newByTopic(), annual.newByChannel());
  }

  private static long sum(Map<String, Long> v, String... codes) {
    long s = 0;
    for (String c : codes) {
      s += v.get(c);
    }
    return s;
  }

  public long value(String code) {
    return values.get(code);
  }
}
