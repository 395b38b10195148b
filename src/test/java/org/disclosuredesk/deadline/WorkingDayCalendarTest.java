package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosuredesk.deadline.ShippedCalendar.CALENDAR;
import static org.disclosuredesk.deadline.ShippedCalendar.NOTICES;
import static org.disclosuredesk.deadline.ShippedCalendar.naiveAdd;
import static org.disclosuredesk.deadline.ShippedCalendar.naiveWorking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  /**
   * The one weekday listed as a working day: Monday 2020-02-03, after the Spring Festival break was
   * extended to 02-02 (国办发明电〔2020〕1号). Harmless (a weekday works anyway), but an admin upload like
   * it would be refused.
   */
  static final LocalDate COVID_MONDAY = LocalDate.of(2020, 2, 3);

  static Stream<LocalDate> makeUpDays() {
    return NOTICES.values().stream().flatMap(n -> n.work().stream());
  }

  @TestFactory
  Stream<DynamicTest> everyMakeUpDayIsAWorkingWeekendDay() {
    return makeUpDays()
        .map(
            d ->
                dynamicTest(
                    d.toString(),
                    () -> {
                      assertThat(YearNotice.isWeekend(d) || d.equals(COVID_MONDAY)).isTrue();
                      assertThat(CALENDAR.isWorkingDay(d)).isTrue();
                      assertThat(CALENDAR.isMakeUpWorkingDay(d)).isTrue();
                      assertThat(CALENDAR.addWorkingDays(d.minusDays(1), 1)).isEqualTo(d);
                      assertThat(CALENDAR.workingDaysBetween(d.minusDays(1), d)).isEqualTo(1);
                      assertThat(CALENDAR.nextWorkingDayOnOrAfter(d)).isEqualTo(d);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyHolidayBlock() {
    List<Holiday> blocks = CALENDAR.holidays();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(10 * 6);
    return blocks.stream()
        .map(
            h ->
                dynamicTest(
                    h.name() + " " + h.from() + ".." + h.to(),
                    () -> {
                      for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                        assertThat(CALENDAR.isWorkingDay(d)).as(d.toString()).isFalse();
                        assertThat(CALENDAR.holidayName(d)).contains(h.name());
                      }
                      LocalDate firstAfter = naiveAdd(h.to(), 1);
                      assertThat(CALENDAR.addWorkingDays(h.to(), 1)).isEqualTo(firstAfter);
                      assertThat(CALENDAR.nextWorkingDayOnOrAfter(h.from())).isEqualTo(firstAfter);
                      // entering the block from before it skips all of it
                      assertThat(CALENDAR.addWorkingDays(h.from().minusDays(1), 1))
                          .isEqualTo(firstAfter);
                      assertThat(CALENDAR.workingDaysBetween(h.from().minusDays(1), h.to()))
                          .isZero();
                      for (int n : new int[] {1, 3, 10, 20}) {
                        LocalDate from = h.from().minusDays(3);
                        assertThat(CALENDAR.addWorkingDays(from, n))
                            .as("%s + %d", from, n)
                            .isEqualTo(naiveAdd(from, n));
                      }
                    }));
  }

  @Test
  void agreesWithTheNaiveCountOnEveryDayOfTheCoveredYears() {
    for (LocalDate d = LocalDate.of(2017, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
      assertEquals(naiveWorking(d), CALENDAR.isWorkingDay(d), d.toString());
      for (int n : new int[] {0, 1, 5, 7, 15, 20, 40}) {
        LocalDate due = CALENDAR.addWorkingDays(d, n);
        assertEquals(naiveAdd(d, n), due, d + " + " + n);
        assertEquals(n, CALENDAR.workingDaysBetween(d, due), d + " .. " + due);
      }
    }
  }

  @ParameterizedTest(name = "{0} + {1} WD = {2}")
  @CsvSource({
    // 2024 National Day: 09-29 and 10-12 are make-up days, 10-01..07 off (counted by hand)
    "2024-09-27, 20, 2024-10-30",
    // 2024 Spring Festival: 02-04 and 02-18 make-up, 02-10..17 off
    "2024-02-05, 20, 2024-03-08",
    "2024-02-02, 20, 2024-03-06",
    // across New Year
    "2024-12-20, 20, 2025-01-20",
    "2018-12-28, 5, 2019-01-07",
    // 2023 Mid-Autumn + National Day: first working day is the make-up Saturday 10-07
    "2023-09-28, 1, 2023-10-07",
    "2025-01-27, 1, 2025-02-05",
    "2025-01-27, 5, 2025-02-10",
    "2024-03-01, 20, 2024-03-29",
    "2024-03-01, 40, 2024-04-28",
    "2024-03-11, 20, 2024-04-09",
    "2024-09-27, 0, 2024-09-27",
  })
  void handPicked(LocalDate from, int n, LocalDate due) {
    assertThat(CALENDAR.addWorkingDays(from, n)).isEqualTo(due);
  }

  @Test
  void yearListing() {
    assertThat(CALENDAR.workingDayCount(2024)).isEqualTo(251);
    assertThat(CALENDAR.daysOff(2024)).contains(LocalDate.of(2024, 10, 7)).hasSize(28);
    assertThat(CALENDAR.makeUpWorkingDays(2024)).contains(LocalDate.of(2024, 2, 4)).hasSize(8);
    assertThat(CALENDAR.holidays(2024))
        .extracting(Holiday::name)
        .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
    assertThat(CALENDAR.holidays(2019).get(0))
        .isEqualTo(new Holiday("元旦", LocalDate.of(2018, 12, 30), LocalDate.of(2019, 1, 1)));
    assertThat(CALENDAR.holidayName(LocalDate.of(2023, 10, 1))).contains("中秋节、国庆节");
    assertThat(CALENDAR.notice(2024)).contains(NOTICES.get(2024));
    assertThat(CALENDAR.notice(2030)).isEmpty();
  }

  @Test
  void litigationDefenceRollsPastTheHolidayLikeTheOracle() {
    // 2025-10-05 is in the National Day break: the next working day is 10-09
    assertThat(CALENDAR.addCalendarDaysRolledToWorkingDay(LocalDate.of(2025, 9, 20), 15))
        .isEqualTo(LocalDate.of(2025, 10, 9));
    assertThat(CALENDAR.addCalendarDaysRolledToWorkingDay(LocalDate.of(2024, 12, 1), 15))
        .isEqualTo(LocalDate.of(2024, 12, 16));
    for (LocalDate d = LocalDate.of(2017, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
      LocalDate due = d.plusDays(15);
      while (!naiveWorking(due)) {
        due = due.plusDays(1);
      }
      assertEquals(due, CALENDAR.addCalendarDaysRolledToWorkingDay(d, 15), d.toString());
    }
  }

  @Test
  void outsideTheCoveredYearsFallsBackToMondayToFridayAndSaysSo() {
    LocalDate mon = LocalDate.of(2027, 3, 1);
    assertThat(CALENDAR.covers(mon)).isFalse();
    assertThat(CALENDAR.covers(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(CALENDAR.addWorkingDays(mon, 5)).isEqualTo(LocalDate.of(2027, 3, 8));
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue(); // unknown: a Friday
    assertThat(CALENDAR.uncoveredYears(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 20)))
        .containsExactly(2027);
    // from 2016 into 2017's New Year break
    assertThat(CALENDAR.addWorkingDays(LocalDate.of(2016, 12, 30), 1))
        .isEqualTo(LocalDate.of(2017, 1, 3));
    assertThat(CALENDAR.addWorkingDays(LocalDate.of(2016, 12, 1), 1))
        .isEqualTo(LocalDate.of(2016, 12, 2));
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2016, 12, 30), LocalDate.of(2027, 1, 8)))
        .isEqualTo(
            IntStream.range(0, 3661)
                .filter(i -> naiveWorking(LocalDate.of(2016, 12, 31).plusDays(i)))
                .count());
    assertThat(CALENDAR.workingDayCount(2027)).isEqualTo(261);
    // no notice at all: Monday–Friday everywhere, and no date covered
    WorkingDayCalendar none = WorkingDayCalendar.of(List.of());
    assertThat(none.addWorkingDays(LocalDate.of(2024, 9, 27), 20))
        .isEqualTo(LocalDate.of(2024, 10, 25));
    assertThat(none.covers(LocalDate.of(2024, 1, 1))).isFalse();
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> CALENDAR.addWorkingDays(LocalDate.of(2024, 1, 1), -1))
        .isInstanceOf(IllegalArgumentException.class);
    LocalDate d = LocalDate.of(2030, 1, 5);
    assertThatThrownBy(() -> new WorkingDayCalendar(List.of(2030), Map.of(d, "x"), List.of(d)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkingDayCalendar(List.of(2029), Map.of(d, "x"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shippedNoticesArePlausibleAndMatchTheSharedData() throws Exception {
    NOTICES.values().stream()
        .filter(n -> n.year() != 2020)
        .forEach(n -> assertThat(n.problems()).as("year %d", n.year()).isEmpty());
    assertThat(NOTICES.get(2020).problems()).containsOnlyKeys("work[1]");
    assertThat(NOTICES.keySet())
        .containsExactly(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
    Path shared = Path.of("/work/shared/data/holidays-cn.json");
    Assumptions.assumeTrue(
        Files.exists(shared), "shared data not present: the shipped copy stands alone");
    try (InputStream in = new FileInputStream(shared.toFile())) {
      Map<Integer, YearNotice> source = YearNotice.readAll(in);
      source.forEach(
          (y, n) -> {
            assertThat(NOTICES.get(y).off()).isEqualTo(n.off());
            assertThat(NOTICES.get(y).work()).isEqualTo(n.work());
          });
    }
  }

  /**
   * Working days, names and coverage of two calendars, day by day over the years either covers and
   * one around.
   */
  static void assertSameCalendar(WorkingDayCalendar a, WorkingDayCalendar b) {
    assertThat(a.coveredYears()).isEqualTo(b.coveredYears());
    assertThat(a.holidays()).isEqualTo(b.holidays());
    for (LocalDate d = LocalDate.of(a.coveredYears().first() - 1, 1, 1);
        d.getYear() <= a.coveredYears().last() + 1;
        d = d.plusDays(1)) {
      assertThat(a.isWorkingDay(d)).as(d.toString()).isEqualTo(b.isWorkingDay(d));
      assertThat(a.holidayName(d)).as(d.toString()).isEqualTo(b.holidayName(d));
    }
    assertThat(a.addWorkingDays(LocalDate.of(2016, 12, 1), 3000))
        .isEqualTo(b.addWorkingDays(LocalDate.of(2016, 12, 1), 3000));
  }

  @Test
  void withAYearIsTheCalendarAsItWillBeOnceTheYearIsStored() {
    // a year replaced: 2024 without 国庆节
    YearNotice changed =
        new YearNotice(
            2024,
            NOTICES.get(2024).off().stream().filter(d -> d.getMonthValue() != 10).toList(),
            NOTICES.get(2024).work().stream()
                .filter(d -> !d.equals(LocalDate.of(2024, 10, 12)))
                .toList(),
            NOTICES.get(2024).holidays().stream().filter(h -> !h.name().equals("国庆节")).toList());
    Map<Integer, YearNotice> notices = new java.util.TreeMap<>(NOTICES);
    notices.put(2024, changed);
    WorkingDayCalendar proposed = CALENDAR.withYear(changed);
    assertSameCalendar(proposed, WorkingDayCalendar.of(notices.values()));
    assertThat(proposed.isWorkingDay(LocalDate.of(2024, 10, 4))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 10, 4)))
        .as("the calendar itself stays")
        .isFalse();

    // a year added
    YearNotice next =
        new YearNotice(
            2027,
            List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 3)),
            List.of(),
            List.of(new Holiday("元旦", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3))));
    notices = new java.util.TreeMap<>(NOTICES);
    notices.put(2027, next);
    assertSameCalendar(CALENDAR.withYear(next), WorkingDayCalendar.of(notices.values()));
    assertThat(CALENDAR.withYear(next).workingDayCount(2027))
        .isEqualTo(CALENDAR.workingDayCount(2027) - 1);

    // every shipped year put back as it is changes nothing
    NOTICES.values().forEach(n -> assertSameCalendar(CALENDAR.withYear(n), CALENDAR));
  }
}
