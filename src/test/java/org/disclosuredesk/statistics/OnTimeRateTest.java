package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.junit.jupiter.api.Test;

/** A year with nothing concluded has no on-time rate: "—" (JSON null), never 100.0%. */
class OnTimeRateTest {

  @Test
  void nothingConcludedIsADashNotAHundredPercent() {
    AnnualTable empty = AnnualTable.compute(2026, List.of());
    assertThat(empty.onTimeRate()).isNull();
    assertThat(Paragraph.annual(empty, 1))
        .contains("本年度办结0件，按时答复率—，结转下年度继续办理0件。")
        .doesNotContain("100.0%");
    assertThat(Charts.onTime(null, 1)).isEqualTo(new Charts.OnTime(0, "—"));
  }

  @Test
  void aRateIsAPercentWithItsDecimals() {
    assertThat(Paragraph.rate(0.875, 1)).isEqualTo("87.5%");
    assertThat(Paragraph.rate(1.0, 1)).isEqualTo("100.0%");
    assertThat(Paragraph.rate(2.0 / 3, 2)).isEqualTo("66.67%");
    assertThat(Paragraph.rate(null, 1)).isEqualTo("—");
  }
}
