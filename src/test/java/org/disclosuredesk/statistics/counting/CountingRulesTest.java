package org.disclosuredesk.statistics.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.statistics.counting.Tally.Facet;
import org.junit.jupiter.api.Test;

/** The pure counting rules, without Spring. */
class CountingRulesTest {

  @Test
  void sharesAddUpToHundred() {
    assertThat(Shares.of(new long[] {1, 1, 1}, 1))
        .extracting(BigDecimal::toPlainString)
        .containsExactly("33.4", "33.3", "33.3");
    assertThat(Shares.of(new long[] {5, 1}, 0))
        .extracting(BigDecimal::toPlainString)
        .containsExactly("83", "17");
    assertThat(Shares.of(new long[] {4, 1, 1}, 0))
        .extracting(BigDecimal::toPlainString)
        .containsExactly("66", "17", "17");
    assertThat(Shares.of(new long[] {0, 0}, 1))
        .extracting(BigDecimal::toPlainString)
        .containsExactly("0.0", "0.0");
    long[] many = {7, 13, 29, 1, 1, 1, 3, 97, 2};
    assertThat(Shares.of(many, 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("100");
  }

  @Test
  void timeliness() {
    LocalDate due = LocalDate.of(2024, 3, 1);
    LocalDate extended = LocalDate.of(2024, 3, 29);
    assertThat(Timeliness.of(due, due, due, 0)).isEqualTo(Timeliness.ON_TIME);
    assertThat(Timeliness.of(due.plusDays(1), due, due, 0)).isEqualTo(Timeliness.OVERDUE);
    assertThat(Timeliness.of(due.plusDays(1), due, extended, 20)).isEqualTo(Timeliness.EXTENDED);
    assertThat(Timeliness.of(extended.plusDays(1), due, extended, 20))
        .isEqualTo(Timeliness.OVERDUE);
    assertThat(Timeliness.of(due, null, null, 0)).isEqualTo(Timeliness.ON_TIME);
  }

  @Test
  void identityBreaksPerColumn() {
    List<Tally> tallies =
        List.of(
            new Tally(
                Facet.NEW,
                "NATURAL_PERSON",
                "ONLINE",
                null,
                null,
                null,
                null,
                3,
                2,
                BigDecimal.ZERO),
            new Tally(
                Facet.CONCLUDED,
                "NATURAL_PERSON",
                "DISCLOSED",
                "N",
                null,
                null,
                "ON_TIME",
                0,
                1,
                BigDecimal.ZERO),
            Tally.of(Facet.CARRIED_FORWARD, "NATURAL_PERSON", 1),
            new Tally(
                Facet.NEW,
                "COMMERCIAL_ENTERPRISE",
                "ONLINE",
                null,
                null,
                null,
                null,
                3,
                1,
                BigDecimal.ZERO),
            // concluded without a known outcome: in no row, so 一+二 ≠ 三（七）+四 for 商业企业 and 总计
            new Tally(
                Facet.CONCLUDED,
                "COMMERCIAL_ENTERPRISE",
                null,
                "N",
                null,
                null,
                "ON_TIME",
                0,
                1,
                BigDecimal.ZERO));
    AnnualTable t = AnnualTable.compute(2030, tallies);
    assertThat(t.consistent()).isFalse();
    assertThat(t.brokenColumns()).containsExactly("COMMERCIAL_ENTERPRISE", "TOTAL");
    assertThat(t.rows().get("CONCLUDED_TOTAL")).containsExactly(1, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void layoutFollowsTheOfficialTable() {
    assertThat(Layout.ROWS).hasSize(25);
    assertThat(Layout.ROWS.get(0).code()).isEqualTo("NEW_THIS_YEAR");
    assertThat(Layout.ROWS.get(3).label()).isEqualTo("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    assertThat(Layout.ROWS.get(4).group()).isEqualTo("（三）不予公开");
    assertThat(Layout.ROWS.get(4).label()).isEqualTo("1.属于国家秘密");
    assertThat(Layout.ROWS.get(23).label()).isEqualTo("（七）总计");
    assertThat(Layout.ROWS.get(24).label()).isEqualTo("四、结转下年度继续办理");
  }
}
