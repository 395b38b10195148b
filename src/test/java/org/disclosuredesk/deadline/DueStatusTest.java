package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.disclosuredesk.deadline.DueStatus.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueStatusTest {

  private static final LocalDate DUE = LocalDate.of(2026, 12, 30);

  @ParameterizedTest(name = "{0} working days left → {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20 | ON_TRACK | 法定期限 2026-12-30，剩 20 个工作日",
        " 7 | ON_TRACK | 法定期限 2026-12-30，剩 7 个工作日",
        " 6 | ON_TRACK | 法定期限 2026-12-30，剩 6 个工作日",
        " 5 | DUE_SOON | 法定期限 2026-12-30，剩 5 个工作日",
        " 1 | DUE_SOON | 法定期限 2026-12-30，剩 1 个工作日",
        " 0 | DUE_SOON | 法定期限 2026-12-30，今日到期",
        "-1 | OVERDUE  | 法定期限 2026-12-30，已逾期 1 个工作日",
        "-12 | OVERDUE | 法定期限 2026-12-30，已逾期 12 个工作日"
      })
  void runningClock(int left, Urgency urgency, String text) {
    DueStatus s = DueStatus.running("法定期限", DUE, left);
    assertThat(s.urgency()).isEqualTo(urgency);
    assertThat(s.text()).isEqualTo(text);
    assertThat(s.dueOn()).isEqualTo(DUE);
    assertThat(s.workingDaysLeft()).isEqualTo(left);
  }

  @Test
  void pausedClockSaysWhatIsLeftWhenItRunsAgain() {
    DueStatus s = DueStatus.paused(11);
    assertThat(s.urgency()).isEqualTo(Urgency.PAUSED);
    assertThat(s.dueOn()).isNull();
    assertThat(s.text()).isEqualTo("计时暂停（征求意见或缴费期间），恢复后剩 11 个工作日");
  }

  @Test
  void awaitingSupplementRestartsTheWholePeriod() {
    assertThat(DueStatus.awaitingSupplement(LocalDate.of(2026, 12, 15), 20).text())
        .isEqualTo("等待补正（补正期限 2026-12-15），收到补正后重新计算 20 个工作日");
    assertThat(DueStatus.awaitingSupplement(null, 20).urgency()).isEqualTo(Urgency.NOT_STARTED);
  }

  @Test
  void dueSoonHorizonIsTheFirstReminders() {
    assertThat(DueStatus.DUE_SOON_WORKING_DAYS).isEqualTo(5);
  }
}
