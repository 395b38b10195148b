package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.deadline.ShippedCalendar.CALENDAR;
import static org.disclosuredesk.deadline.ShippedCalendar.naiveWorking;
import static org.disclosuredesk.deadline.SuspensionKind.AGENCY_CONSULTATION;
import static org.disclosuredesk.deadline.SuspensionKind.FEE_NOTICE;
import static org.disclosuredesk.deadline.SuspensionKind.THIRD_PARTY_CONSULTATION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeadlineCalculatorTest {

  private final DeadlineCalculator calc = new DeadlineCalculator(CALENDAR);
  private static final LocalDate MAR_1 = LocalDate.of(2024, 3, 1);

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void nationalDay2024IsExplainedLineByLine() {
    DeadlineResult r = calc.replyDue(DeadlineFacts.received(d("2024-09-27")).withChannel("互联网渠道"));
    assertThat(r.dueOn()).isEqualTo(d("2024-10-30"));
    assertThat(r.remainingWorkingDays()).isNull();
    assertThat(r.warnings()).isEmpty();
    assertThat(r.explanation())
        .containsExactly(
            "收到申请 2024-09-27（星期五）（互联网渠道），即收到申请之日（第三十一条）",
            "自次日起算 20 个工作日（《政府信息公开条例》第三十三条）",
            "2024-09-29（星期日） 调休上班，计入",
            "国庆节休息 2024-10-01至10-07，不计入",
            "2024-10-12（星期六） 调休上班，计入",
            "第20个工作日为 2024-10-30（星期三），即答复期限");
  }

  @Test
  void springFestival2024() {
    DeadlineResult r = calc.replyDue(DeadlineFacts.received(d("2024-02-05")));
    assertThat(r.dueOn()).isEqualTo(d("2024-03-08"));
    assertThat(r.explanation())
        .contains("春节休息 2024-02-10至02-17，不计入", "2024-02-18（星期日） 调休上班，计入")
        .doesNotContain("2024-02-04（星期日） 调休上班，计入");
  }

  @Test
  void acrossNewYear() {
    DeadlineResult r = calc.replyDue(DeadlineFacts.received(d("2024-12-20")));
    assertThat(r.dueOn()).isEqualTo(d("2025-01-20"));
    assertThat(r.explanation()).contains("元旦休息 2025-01-01，不计入");
    assertThat(calc.replyDue(DeadlineFacts.received(d("2018-12-20"))).explanation())
        .contains("元旦休息 2018-12-30至2019-01-01，不计入");
  }

  @ParameterizedTest
  @EnumSource(SuspensionKind.class)
  void everyStopKindExcludesTheWorkingDaysAfterItsStartUpToItsEnd(SuspensionKind kind) {
    // 5 WD used up to and including 03-08; 15 left after 03-15
    DeadlineResult r =
        calc.replyDue(
            DeadlineFacts.received(MAR_1)
                .withSuspensions(List.of(new Suspension(kind, d("2024-03-08"), d("2024-03-15")))));
    assertThat(r.dueOn()).isEqualTo(d("2024-04-08"));
    assertThat(r.explanation())
        .contains(kind.label() + " 2024-03-08至03-15 期间不计入，扣除 5 个工作日（" + kind.basis() + "）")
        .contains("清明节休息 2024-04-04至04-06，不计入", "2024-04-07（星期日） 调休上班，计入")
        .last()
        .isEqualTo("扣除不计入的期间后，第20个工作日为 2024-04-08（星期一），即答复期限");
    assertThat(r.remainingWorkingDaysAsOf(d("2024-03-12"))).isEqualTo(15);
    assertThat(r.remainingWorkingDaysAsOf(d("2024-04-08"))).isZero();
    assertThat(r.remainingWorkingDaysAsOf(d("2024-04-10"))).isEqualTo(-2);
  }

  @Test
  void overlappingStopsCountOnce() {
    DeadlineResult r =
        calc.replyDue(
            DeadlineFacts.received(MAR_1)
                .withSuspensions(
                    List.of(
                        new Suspension(AGENCY_CONSULTATION, d("2024-03-13"), d("2024-03-20")),
                        new Suspension(THIRD_PARTY_CONSULTATION, d("2024-03-08"), d("2024-03-15")),
                        new Suspension(FEE_NOTICE, d("2024-03-11"), d("2024-03-12")))));
    assertThat(r.dueOn()).isEqualTo(d("2024-04-11"));
    assertThat(r.explanation())
        .contains(
            "第三方征求意见 2024-03-08至03-15 期间不计入，扣除 5 个工作日（第三十二条、第三十三条第三款）",
            "缴纳信息处理费 2024-03-11至03-12，与前述中止期间重叠，不再重复扣除",
            "征求其他机关意见 2024-03-13至03-20 期间不计入，扣除 3 个工作日（第三十三条第三款、第三十四条）；与前述中止期间重叠的部分只计一次");
  }

  @Test
  void anOpenStopFreezesTheClock() {
    DeadlineResult r =
        calc.replyDue(
            DeadlineFacts.received(MAR_1)
                .withSuspensions(List.of(new Suspension(FEE_NOTICE, d("2024-03-08"), null))));
    assertThat(r.dueOn()).isNull();
    assertThat(r.suspended()).isTrue();
    assertThat(r.remainingWorkingDays()).isEqualTo(15);
    assertThat(r.suspendedSince()).isEqualTo(d("2024-03-08"));
    assertThat(r.remainingWorkingDaysAsOf(d("2024-05-20"))).isEqualTo(15);
    assertThat(r.remainingWorkingDaysAsOf(d("2024-03-05"))).isEqualTo(18);
    assertThat(r.explanation()).last().asString().contains("已用 5 个工作日，尚余 15 个工作日");
  }

  @Test
  void anExtensionAddsItsWorkingDaysAfterTheDueDateItExtends() {
    DeadlineFacts f =
        DeadlineFacts.received(MAR_1)
            .withSuspensions(
                List.of(
                    new Suspension(THIRD_PARTY_CONSULTATION, d("2024-03-08"), d("2024-03-15"))));
    LocalDate before = calc.replyDue(f).dueOn();
    DeadlineResult r = calc.replyDue(f.withExtension(20));
    assertThat(r.dueOn()).isEqualTo(CALENDAR.addWorkingDays(before, 20)).isEqualTo(d("2024-05-08"));
    assertThat(r.explanation())
        .contains("经政府信息公开工作机构负责人同意延长 20 个工作日（第三十三条第二款），共计 40 个工作日", "劳动节休息 2024-05-01至05-05，不计入");
  }

  @Test
  void aSupplementRestartsTheClock() {
    DeadlineResult r = calc.replyDue(DeadlineFacts.received(MAR_1).withClockStart(d("2024-03-11")));
    assertThat(r.dueOn()).isEqualTo(d("2024-04-09"));
    assertThat(r.explanation()).contains("2024-03-11（星期一） 收到补正后的申请，答复期限自该日重新起算（第三十条）");
  }

  @Test
  void stopsOutsideTheCountedSpanDoNotMove() {
    DeadlineResult r =
        calc.replyDue(
            DeadlineFacts.received(MAR_1)
                .withClockStart(d("2024-03-11"))
                .withSuspensions(
                    List.of(
                        new Suspension(FEE_NOTICE, d("2024-03-04"), d("2024-03-08")),
                        new Suspension(
                            THIRD_PARTY_CONSULTATION, d("2024-04-09"), d("2024-04-20")))));
    assertThat(r.dueOn()).isEqualTo(d("2024-04-09"));
    assertThat(r.explanation())
        .contains(
            "缴纳信息处理费 2024-03-04至03-08，在答复期限起算之前，不影响期限",
            "第三方征求意见 2024-04-09至04-20，在期限最后一日或之后开始，不影响期限");
  }

  @Test
  void articleThirtyFivePeriod() {
    DeadlineResult r = calc.replyDue(DeadlineFacts.received(MAR_1).withPeriod(40));
    assertThat(r.dueOn()).isEqualTo(d("2024-04-28"));
    assertThat(r.explanation()).contains("自次日起算 40 个工作日（依第三十五条确定的延迟答复合理期限）");
  }

  @Test
  void outsideTheCalendarWarnsAndUsesMondayToFriday() {
    DeadlineResult r = calc.replyDue(DeadlineFacts.received(d("2026-12-18")));
    assertThat(r.dueOn()).isEqualTo(d("2027-01-15"));
    assertThat(r.uncoveredYears()).containsExactly(2027);
    assertThat(r.warnings()).singleElement().asString().startsWith("2027年的节假日安排尚未录入本系统");
    assertThat(calc.workingDaysAfter(d("2024-01-02"), 5).warnings()).isEmpty();
  }

  @Test
  void helpers() {
    assertThat(calc.supplementNoticeLimit(d("2024-09-27"))).isEqualTo(d("2024-10-12"));
    assertThat(calc.consultationAnswerLimit(d("2024-09-27"))).isEqualTo(d("2024-10-23"));
    assertThat(calc.feePaymentLimit(d("2024-09-27"))).isEqualTo(d("2024-10-30"));
    assertThat(DeadlineCalculator.expiryConclusionDate(d("2024-10-30"))).isEqualTo(d("2024-10-31"));
    assertThat(calc.reconsiderationReplyDue(d("2025-04-10"), false)).isEqualTo(d("2025-04-24"));
    assertThat(calc.litigationDefenceDue(d("2025-09-20"))).isEqualTo(d("2025-10-09"));
    DeadlineResult zero = calc.workingDaysAfter(d("2024-10-01"), 0);
    assertThat(zero.dueOn()).isEqualTo(d("2024-10-01"));
  }

  /** Random stops against a day-by-day count of the rule in DOMAIN.md §3. */
  @Test
  void randomStopsAgreeWithADayByDayCount() {
    Random rnd = new Random(42);
    SuspensionKind[] kinds = SuspensionKind.values();
    for (int i = 0; i < 5000; i++) {
      LocalDate recv = d("2017-01-01").plusDays(rnd.nextInt(3200));
      LocalDate start = recv.plusDays(rnd.nextInt(3) == 0 ? rnd.nextInt(20) : 0);
      List<Suspension> stops = new ArrayList<>();
      for (int k = rnd.nextInt(4); k > 0; k--) {
        LocalDate s = recv.plusDays(rnd.nextInt(60));
        stops.add(new Suspension(kinds[rnd.nextInt(3)], s, s.plusDays(rnd.nextInt(30))));
      }
      int ext = rnd.nextBoolean() ? 0 : rnd.nextInt(21);
      DeadlineFacts f = new DeadlineFacts(recv, null, start, 20, stops, ext);
      assertThat(calc.replyDue(f).dueOn()).as(f.toString()).isEqualTo(naive(f));
    }
  }

  private static LocalDate naive(DeadlineFacts f) {
    int left = f.periodWorkingDays() + f.extensionWorkingDays();
    LocalDate x = f.clockStartOn();
    while (left > 0) {
      x = x.plusDays(1);
      LocalDate day = x;
      boolean stopped =
          f.suspensions().stream().anyMatch(s -> day.isAfter(s.from()) && !day.isAfter(s.to()));
      if (naiveWorking(x) && !stopped) {
        left--;
      }
    }
    return x;
  }

  @Test
  void yearNoticeValidationNamesTheSuspiciousDays() {
    YearNotice n =
        new YearNotice(
            2030,
            List.of(
                d("2030-10-01"),
                d("2030-10-05"),
                d("2030-06-08"),
                d("2029-12-31"),
                d("2030-01-06")),
            List.of(d("2030-01-06"), d("2030-10-09")),
            List.of(
                new Holiday(" ", d("2030-10-01"), d("2030-10-07")),
                new Holiday("春节", d("2031-02-01"), d("2031-02-03"))));
    // 2030-10-01 Tue..10-05 Sat: 10-05 alone is a weekend day off without a weekday next to it in
    // the list
    assertThat(n.problems())
        .containsOnlyKeys(
            "off[1]",
            "off[2]",
            "off[3]",
            "off[4]",
            "work[1]",
            "holidays[0].name",
            "holidays[1].from");
    assertThat(n.problems().get("off[3]")).contains("不在 2030 年内");
    assertThat(n.problems().get("off[4]")).contains("不能同时是放假日和调休上班日");
    assertThat(n.problems().get("work[1]")).contains("本就是工作日");
  }
}
