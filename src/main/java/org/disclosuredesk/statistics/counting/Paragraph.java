package org.disclosuredesk.statistics.counting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.Outcome;

/**
 * The annual-report paragraph on requests, in the style of the seed reports (totals, channel
 * shares, on-time rate, topics, outcome shares). Shares: largest remainder so the parts add to 100%
 * (DOMAIN.md §6).
 */
public final class Paragraph {

  private Paragraph() {}

  public static String annual(AnnualTable t, int decimals) {
    StringBuilder s = new StringBuilder();
    s.append(t.year())
        .append("年，共收到政府信息公开申请")
        .append(t.total("NEW_THIS_YEAR"))
        .append("件，上年结转")
        .append(t.total("CARRIED_OVER_FROM_LAST_YEAR"))
        .append("件。");
    List<String> channelNames = new ArrayList<>();
    List<Long> channelCounts = new ArrayList<>();
    for (Channel c : Channel.values()) {
      channelNames.add(c.label());
      channelCounts.add(t.newByChannel().getOrDefault(c.name(), 0L));
    }
    appendShares(s, "从申请渠道看，", channelNames, channelCounts, decimals);
    appendShares(
        s,
        "从申请内容看，",
        new ArrayList<>(t.newByTopic().keySet()),
        new ArrayList<>(t.newByTopic().values()),
        decimals);
    s.append("本年度办结")
        .append(t.concluded())
        .append("件，按时答复率")
        .append(rate(t.onTimeRate(), decimals))
        .append("，结转下年度继续办理")
        .append(t.total("CARRIED_FORWARD_TO_NEXT_YEAR"))
        .append("件。");
    List<String> outcomeNames = new ArrayList<>();
    List<Long> outcomeCounts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      outcomeNames.add(o.label());
      outcomeCounts.add(t.total(o.name()));
    }
    appendShares(s, "从办理结果看，", outcomeNames, outcomeCounts, decimals);
    s.append("本年度收取信息处理费")
        .append(t.feesYuan().setScale(2, RoundingMode.HALF_UP).toPlainString())
        .append("元（")
        .append(tenThousand(t.feesYuan()))
        .append("万元）。");
    return s.toString();
  }

  public static String legacy(LegacyTable t, int decimals) {
    StringBuilder s = new StringBuilder();
    s.append(t.year()).append("年，共收到公开政府信息申请").append(t.value("RECEIVED_TOTAL")).append("件。");
    List<Long> counts = LEGACY_CHANNEL_ROWS.stream().map(t::value).toList();
    appendShares(s, "其中：", LEGACY_CHANNEL_NAMES, counts, decimals);
    appendShares(
        s,
        "从依申请公开政府信息内容上来分，",
        new ArrayList<>(t.newByTopic().keySet()),
        new ArrayList<>(t.newByTopic().values()),
        decimals);
    long concluded = t.value("CONCLUDED_TOTAL");
    s.append("本年度已答复")
        .append(t.value("ANSWERED_TOTAL"))
        .append("件，其中按时办结")
        .append(t.value("CONCLUDED_ON_TIME"))
        .append("件，延期办结")
        .append(t.value("CONCLUDED_EXTENDED"))
        .append("件，逾期办结")
        .append(t.value("CONCLUDED_OVERDUE"))
        .append("件，按时答复率")
        .append(
            rate(
                concluded == 0
                    ? null
                    : (double) (concluded - t.value("CONCLUDED_OVERDUE")) / concluded,
                decimals))
        .append("。");
    List<String> answerNames = new ArrayList<>();
    List<Long> answerCounts = new ArrayList<>();
    for (String code : LEGACY_ANSWER_ROWS) {
      answerNames.add("“" + ANSWER_NAMES.get(code) + "”");
      answerCounts.add(t.value(code));
    }
    appendShares(s, "在所有已答复件中，", answerNames, answerCounts, decimals);
    s.append("收取费用").append(t.feesTenThousandYuan().toPlainString()).append("万元。");
    return s.toString();
  }

  /**
   * The legacy paragraph's channels and answers, with the rows of the template they are counted in
   * (by which the drill-down lists them).
   */
  public static final List<String> LEGACY_CHANNEL_ROWS =
      List.of(
          "RECEIVED_IN_PERSON",
          "RECEIVED_FAX",
          "RECEIVED_ONLINE",
          "RECEIVED_LETTER",
          "RECEIVED_OTHER");

  public static final List<String> LEGACY_CHANNEL_NAMES =
      List.of("当面申请", "以传真形式申请", "以网上提交表单形式申请", "以信函形式申请", "以其他形式申请");
  public static final List<String> LEGACY_ANSWER_ROWS =
      List.of(
          "ANSWERED_ALREADY_PUBLIC",
          "ANSWERED_DISCLOSED",
          "ANSWERED_PARTIALLY_DISCLOSED",
          "ANSWERED_WITHHELD",
          "ANSWERED_NOT_THIS_AGENCY",
          "ANSWERED_DOES_NOT_EXIST",
          "ANSWERED_ASKED_TO_AMEND",
          "ANSWERED_OTHER_CHANNEL");

  public static final Map<String, String> ANSWER_NAMES =
      Map.of(
          "ANSWERED_ALREADY_PUBLIC", "属于已主动公开范围",
          "ANSWERED_DISCLOSED", "同意公开答复",
          "ANSWERED_PARTIALLY_DISCLOSED", "同意部分公开答复",
          "ANSWERED_WITHHELD", "不同意公开答复",
          "ANSWERED_NOT_THIS_AGENCY", "非本机关政府信息",
          "ANSWERED_DOES_NOT_EXIST", "申请信息不存在",
          "ANSWERED_ASKED_TO_AMEND", "告知作出更改补充",
          "ANSWERED_OTHER_CHANNEL", "告知通过其他途径办理");

  /**
   * "{lead}A 3件，占50.0%；B 3件，占50.0%。" listing only the parts that occur; nothing when all are zero.
   */
  private static void appendShares(
      StringBuilder s, String lead, List<String> names, List<Long> counts, int decimals) {
    long[] c = counts.stream().mapToLong(Long::longValue).toArray();
    List<BigDecimal> shares = Shares.of(c, decimals);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      if (c[i] > 0) {
        parts.add(names.get(i) + c[i] + "件，占" + shares.get(i).toPlainString() + "%");
      }
    }
    if (!parts.isEmpty()) {
      s.append(lead).append(String.join("；", parts)).append("。");
    }
  }

  /** A rate as a person reads it: "87.5%", or "—" when there is nothing to rate (null). */
  public static String rate(Double rate, int decimals) {
    return rate == null ? "—" : percent(rate, decimals) + "%";
  }

  private static String percent(double rate, int decimals) {
    return BigDecimal.valueOf(rate * 100).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  public static String tenThousand(BigDecimal yuan) {
    return yuan.divide(BigDecimal.valueOf(10000), 4, RoundingMode.HALF_UP).toPlainString();
  }
}
