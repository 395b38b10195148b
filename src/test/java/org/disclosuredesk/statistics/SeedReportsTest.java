package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.junit.jupiter.api.Test;

/**
 * The request-handling tables of the published seed reports (DOMAIN.md §7), reproduced by driving
 * the same requests through the real process. Each seed has its own year, so the tests do not see
 * each other's data.
 */
class SeedReportsTest extends StatisticsTestSupport {

  private static final long[] ZERO = new long[7];

  /** Weihai HRSS 2024 (2021 format): 10 online, all 自然人; 予以公开 3, 不掌握 5, 重复申请 1, 其他 1. */
  @Test
  void weihai2024() {
    Outcome[] outcomes = {
      Outcome.DISCLOSED,
      Outcome.DISCLOSED,
      Outcome.DISCLOSED,
      Outcome.UNAVAILABLE_NOT_HELD,
      Outcome.UNAVAILABLE_NOT_HELD,
      Outcome.UNAVAILABLE_NOT_HELD,
      Outcome.UNAVAILABLE_NOT_HELD,
      Outcome.UNAVAILABLE_NOT_HELD,
      Outcome.NOT_PROCESSED_DUPLICATE,
      Outcome.OTHER
    };
    for (int i = 0; i < outcomes.length; i++) {
      LocalDate on = d(2024, 1 + i, 8);
      String id = register("ONLINE", on, "NATURAL_PERSON", "社保信息");
      decide(id, outcomes[i], on.plusDays(6));
    }
    AnnualTable t = statistics.table(2024);
    assertThat(t.rows().get("NEW_THIS_YEAR")).containsExactly(10, 0, 0, 0, 0, 0, 10);
    assertThat(t.rows().get("CARRIED_OVER_FROM_LAST_YEAR")).containsExactly(ZERO);
    assertThat(t.rows().get("DISCLOSED")).containsExactly(3, 0, 0, 0, 0, 0, 3);
    assertThat(t.rows().get("UNAVAILABLE_NOT_HELD")).containsExactly(5, 0, 0, 0, 0, 0, 5);
    assertThat(t.rows().get("NOT_PROCESSED_DUPLICATE")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(t.rows().get("OTHER")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(t.rows().get("CONCLUDED_TOTAL")).containsExactly(10, 0, 0, 0, 0, 0, 10);
    assertThat(t.rows().get("CARRIED_FORWARD_TO_NEXT_YEAR")).containsExactly(ZERO);
    for (Outcome o : Outcome.values()) {
      if (!Map.of(
              Outcome.DISCLOSED,
              1,
              Outcome.UNAVAILABLE_NOT_HELD,
              1,
              Outcome.NOT_PROCESSED_DUPLICATE,
              1,
              Outcome.OTHER,
              1)
          .containsKey(o)) {
        assertThat(t.rows().get(o.name())).as(o.name()).containsExactly(ZERO);
      }
    }
    t.appeals().values().forEach(row -> assertThat(row).containsExactly(0, 0, 0, 0, 0));
    assertThat(t.consistent()).isTrue();
    assertThat(t.onTimeRate()).isEqualTo(1.0);
    String p = Paragraph.annual(t, 1);
    assertThat(p)
        .startsWith("2024年，共收到政府信息公开申请10件，上年结转0件。")
        .contains("从申请渠道看，互联网渠道10件，占100.0%。")
        .contains("按时答复率100.0%")
        .contains("予以公开3件，占30.0%；本机关不掌握相关政府信息5件，占50.0%；重复申请1件，占10.0%；其他1件，占10.0%。");
  }

  /** Wendeng HRSS 2021 (2021 format): 3 new 自然人; 予以公开 2 (66.7%), 重复申请 1 (33.3%). */
  @Test
  void wendeng2021() {
    String a = register("ONLINE", d(2021, 3, 2), "NATURAL_PERSON", "社保信息");
    decide(a, Outcome.DISCLOSED, d(2021, 3, 9));
    String b = register("IN_PERSON", d(2021, 6, 15), "NATURAL_PERSON", "就业信息");
    decide(b, Outcome.DISCLOSED, d(2021, 6, 22));
    String c = register("ONLINE", d(2021, 9, 6), "NATURAL_PERSON", "社保信息");
    decide(c, Outcome.NOT_PROCESSED_DUPLICATE, d(2021, 9, 8), "relatedRequestId", a);
    AnnualTable t = statistics.table(2021);
    assertThat(t.rows().get("NEW_THIS_YEAR")).containsExactly(3, 0, 0, 0, 0, 0, 3);
    assertThat(t.rows().get("CARRIED_OVER_FROM_LAST_YEAR")).containsExactly(ZERO);
    assertThat(t.rows().get("DISCLOSED")).containsExactly(2, 0, 0, 0, 0, 0, 2);
    assertThat(t.rows().get("NOT_PROCESSED_DUPLICATE")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(t.rows().get("CONCLUDED_TOTAL")).containsExactly(3, 0, 0, 0, 0, 0, 3);
    assertThat(t.rows().get("CARRIED_FORWARD_TO_NEXT_YEAR")).containsExactly(ZERO);
    assertThat(t.consistent()).isTrue();
    assertThat(Paragraph.annual(t, 1))
        .contains("予以公开2件，占66.7%；重复申请1件，占33.3%。")
        .contains("社保信息2件，占66.7%；就业信息1件，占33.3%。");
  }

  /**
   * Weihai HRSS 2017 (old template): 6 received (网络 5, 信函 1), all on time; 同意公开 3, 非本机关 2, 不存在 1.
   */
  @Test
  void weihai2017() {
    String[] topics = {"职称信息", "工资文件", "社保信息", "社保信息", "社保信息", "社保信息"};
    String[] notHeld = {null, null, null, "OTHER_AGENCY", "OTHER_AGENCY", "DOES_NOT_EXIST"};
    for (int i = 0; i < 6; i++) {
      LocalDate on = d(2017, 2 + i, 13);
      String id = register(i == 5 ? "POST_REGISTERED" : "ONLINE", on, "NATURAL_PERSON", topics[i]);
      if (notHeld[i] == null) {
        decide(id, Outcome.DISCLOSED, on.plusDays(7));
      } else {
        decide(id, Outcome.UNAVAILABLE_NOT_HELD, on.plusDays(7), "notHeldReason", notHeld[i]);
      }
    }
    LegacyTable t = statistics.legacyTable(2017);
    assertThat(t.value("RECEIVED_TOTAL")).isEqualTo(6);
    assertThat(t.value("RECEIVED_ONLINE")).isEqualTo(5);
    assertThat(t.value("RECEIVED_LETTER")).isEqualTo(1);
    assertThat(t.value("RECEIVED_IN_PERSON") + t.value("RECEIVED_FAX") + t.value("RECEIVED_OTHER"))
        .isZero();
    assertThat(t.value("CONCLUDED_TOTAL")).isEqualTo(6);
    assertThat(t.value("CONCLUDED_ON_TIME")).isEqualTo(6);
    assertThat(t.value("CONCLUDED_EXTENDED")).isZero();
    assertThat(t.value("ANSWERED_TOTAL")).isEqualTo(6);
    assertThat(t.value("ANSWERED_DISCLOSED")).isEqualTo(3);
    assertThat(t.value("ANSWERED_NOT_THIS_AGENCY")).isEqualTo(2);
    assertThat(t.value("ANSWERED_DOES_NOT_EXIST")).isEqualTo(1);
    assertThat(t.value("ANSWERED_WITHHELD")).isZero();
    assertThat(t.value("RECONSIDERATION_TOTAL") + t.value("LITIGATION_TOTAL")).isZero();
    assertThat(t.feesTenThousandYuan()).isEqualByComparingTo("0");
    // the seed's own shares, in whole percent: 83% / 17%; 17% / 17% / 66%; 50% / 33% / 17%
    assertThat(Paragraph.legacy(t, 0))
        .contains("以网上提交表单形式申请5件，占83%；以信函形式申请1件，占17%。")
        .contains("社保信息4件，占66%；工资文件1件，占17%；职称信息1件，占17%。")
        .contains("“同意公开答复”3件，占50%；“非本机关政府信息”2件，占33%；“申请信息不存在”1件，占17%。");
  }

  /** Shandong HRSS 2018 (old template, scanned): only the published cells are checked. */
  @Test
  void shandong2018() {
    int n = 0;
    String first = null;
    // 128 received: 当面 19, 网络 94, 信函 15
    String[] channels = new String[128];
    for (int i = 0; i < 128; i++) {
      channels[i] = i < 19 ? "IN_PERSON" : i < 34 ? "POST_REGISTERED" : "ONLINE";
    }
    // answers: 已主动公开 32, 同意公开 30, 不同意公开 28 (不是《条例》所指政府信息 16), 非本机关 15, 不存在 14, 告知更改补充 9
    for (int i = 0; i < 128; i++) {
      LocalDate on = d(2018, 1 + i % 11, 5 + i % 20);
      String id =
          register(
              channels[i], on, i % 7 == 0 ? "COMMERCIAL_ENTERPRISE" : "NATURAL_PERSON", "社保信息");
      if (first == null) {
        first = id;
      }
      LocalDate by = on.plusDays(5);
      if (i < 32) {
        decide(id, Outcome.DISCLOSED, by, "alreadyPublic", true);
      } else if (i < 62) {
        decide(id, Outcome.DISCLOSED, by);
      } else if (i < 70) {
        decide(id, Outcome.WITHHELD_PROCESS_INFORMATION, by);
      } else if (i < 78) {
        decide(id, Outcome.WITHHELD_INTERNAL_AFFAIRS, by);
      } else if (i < 84) {
        decide(
            id, Outcome.WITHHELD_THIRD_PARTY_RIGHTS, by, "thirdPartyInterest", "PERSONAL_PRIVACY");
      } else if (i < 90) {
        decide(id, Outcome.WITHHELD_SECURITY_STABILITY, by);
      } else if (i < 105) {
        decide(id, Outcome.UNAVAILABLE_NOT_HELD, by, "notHeldReason", "OTHER_AGENCY");
      } else if (i < 119) {
        decide(id, Outcome.UNAVAILABLE_NOT_HELD, by);
      } else {
        supplementRequest(id, on.plusDays(1), on.plusDays(15));
        supplement(id, on.plusDays(3));
        decide(id, Outcome.UNAVAILABLE_STILL_UNCLEAR, on.plusDays(6));
      }
      n++;
    }
    appeal(first, "RECONSIDERATION", d(2018, 5, 3), "UPHELD", d(2018, 7, 2));
    assertThat(n).isEqualTo(128);
    LegacyTable t = statistics.legacyTable(2018);
    Map<String, Long> published =
        Map.ofEntries(
            Map.entry("RECEIVED_TOTAL", 128L),
            Map.entry("RECEIVED_IN_PERSON", 19L),
            Map.entry("RECEIVED_FAX", 0L),
            Map.entry("RECEIVED_ONLINE", 94L),
            Map.entry("RECEIVED_LETTER", 15L),
            Map.entry("RECEIVED_OTHER", 0L),
            Map.entry("CONCLUDED_TOTAL", 128L),
            Map.entry("CONCLUDED_ON_TIME", 128L),
            Map.entry("CONCLUDED_EXTENDED", 0L),
            Map.entry("ANSWERED_TOTAL", 128L),
            Map.entry("ANSWERED_ALREADY_PUBLIC", 32L),
            Map.entry("ANSWERED_DISCLOSED", 30L),
            Map.entry("ANSWERED_PARTIALLY_DISCLOSED", 0L),
            Map.entry("ANSWERED_WITHHELD", 28L),
            Map.entry("WITHHELD_TRADE_SECRET", 0L),
            Map.entry("WITHHELD_NOT_GOVERNMENT_INFORMATION", 16L),
            Map.entry("WITHHELD_OTHER_LEGAL", 0L),
            Map.entry("ANSWERED_NOT_THIS_AGENCY", 15L),
            Map.entry("ANSWERED_DOES_NOT_EXIST", 14L),
            Map.entry("ANSWERED_ASKED_TO_AMEND", 9L),
            Map.entry("ANSWERED_OTHER_CHANNEL", 0L),
            Map.entry("RECONSIDERATION_TOTAL", 1L),
            Map.entry("RECONSIDERATION_UPHELD", 1L));
    published.forEach((code, value) -> assertThat(t.value(code)).as(code).isEqualTo(value));
    // the same year in the 2021 table adds up too
    assertThat(statistics.table(2018).consistent()).isTrue();
    assertThat(statistics.table(2018).appeals().get("RECONSIDERATION"))
        .containsExactly(1, 0, 0, 0, 1);
  }
}
