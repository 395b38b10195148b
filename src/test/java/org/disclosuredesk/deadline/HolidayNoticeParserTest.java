package org.disclosuredesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.disclosuredesk.deadline.HolidayNoticeParser.Problem;
import org.disclosuredesk.deadline.HolidayNoticeParser.Result;
import org.disclosuredesk.deadline.HolidayNoticeParser.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The State Council notices 2017–2026 as published (src/test/resources/calendar/notices,
 * reconstructed and checked against the shipped calendar), read back into exactly the shipped days
 * off and make-up days; and what a notice pasted wrongly gives.
 */
public class HolidayNoticeParserTest {

  public static String notice(int year) {
    try (InputStream in =
        HolidayNoticeParserTest.class.getResourceAsStream("/calendar/notices/" + year + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static YearNotice shipped(int year) {
    return ShippedCalendar.NOTICES.get(year);
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static List<LocalDate> days(String... iso) {
    return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
  }

  static List<LocalDate> union(List<LocalDate> a, List<LocalDate> b) {
    return List.copyOf(new TreeSet<>(concat(a, b)));
  }

  static List<LocalDate> concat(List<LocalDate> a, List<LocalDate> b) {
    List<LocalDate> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static List<String> ranges(List<Holiday> holidays) {
    return holidays.stream().map(h -> h.from() + ".." + h.to()).toList();
  }

  static List<String> messages(Result r, Severity s) {
    return r.problems().stream().filter(p -> p.severity() == s).map(Problem::message).toList();
  }

  // ---- the notices as published
  // ----------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {2017, 2021, 2023, 2024, 2025, 2026})
  void aNoticeGivesExactlyTheShippedYear(int year) {
    Result r = HolidayNoticeParser.parse(year, notice(year));
    assertThat(messages(r, Severity.ERROR)).isEmpty();
    assertThat(r.off()).isEqualTo(shipped(year).off());
    assertThat(r.work()).isEqualTo(shipped(year).work());
    assertThat(ranges(r.holidays())).isEqualTo(ranges(shipped(year).holidays()));
    assertThat(r.notice().problems()).as("PUT /api/calendar/%d takes it", year).isEmpty();
  }

  @Test
  void theNamesAreTheNoticesOwn() {
    Result r = HolidayNoticeParser.parse(2026, notice(2026));
    assertThat(r.holidays())
        .containsExactly(
            new Holiday("元旦", d("2026-01-01"), d("2026-01-03")),
            new Holiday("春节", d("2026-02-15"), d("2026-02-23")),
            new Holiday("清明节", d("2026-04-04"), d("2026-04-06")),
            new Holiday("劳动节", d("2026-05-01"), d("2026-05-05")),
            new Holiday("端午节", d("2026-06-19"), d("2026-06-21")),
            new Holiday("中秋节", d("2026-09-25"), d("2026-09-27")),
            new Holiday("国庆节", d("2026-10-01"), d("2026-10-07")));
    assertThat(r.problems()).isEmpty();
    // 2025 put 国庆节 first; the shipped file (from holiday-cn) says 中秋节、国庆节 for the same days
    assertThat(HolidayNoticeParser.parse(2025, notice(2025)).holidays().get(5))
        .isEqualTo(new Holiday("国庆节、中秋节", d("2025-10-01"), d("2025-10-08")));
  }

  @Test
  void twoThousandTwentyFourEncouragesADayOffThatIsNotOne() {
    Result r = HolidayNoticeParser.parse(2024, notice(2024));
    assertThat(r.off()).doesNotContain(d("2024-02-09")); // 除夕: "鼓励……安排职工在除夕（2月9日）休息"
    assertThat(r.work())
        .containsExactlyElementsOf(
            days(
                "2024-02-04",
                "2024-02-18",
                "2024-04-07",
                "2024-04-28",
                "2024-05-11",
                "2024-09-14",
                "2024-09-29",
                "2024-10-12"));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aCompensatoryDayIsADayOff() {
    // 2017: "1月1日放假，1月2日（星期一）补休"
    Result r = HolidayNoticeParser.parse(2017, notice(2017));
    assertThat(r.holidays().get(0)).isEqualTo(new Holiday("元旦", d("2017-01-01"), d("2017-01-02")));
    assertThat(r.holidays().get(3)).isEqualTo(new Holiday("劳动节", d("2017-05-01"), d("2017-05-01")));
  }

  @Test
  void newYearFromTheYearBeforeIsReportedAndBelongsToThatYear() {
    Result r2023 = HolidayNoticeParser.parse(2023, notice(2023));
    assertThat(r2023.off()).startsWith(d("2023-01-01"), d("2023-01-02"));
    assertThat(r2023.offInOtherYears()).containsExactly(d("2022-12-31"));
    assertThat(r2023.holidays().get(0))
        .isEqualTo(new Holiday("元旦", d("2022-12-31"), d("2023-01-02")));
    assertThat(r2023.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.message())
                  .isEqualTo(
                      "第5行「一、元旦」：2022年12月31日（星期六）放假，属于2022年，不计入2023年的日历；"
                          + "请核对2022年的日历是否已含这些日期，没有则另行录入2022年的安排");
            });
    // the shipped 2022 is the 2022 notice plus what the 2023 notice says of 2022
    Result r2022 = HolidayNoticeParser.parse(2022, notice(2022));
    assertThat(r2022.problems()).isEmpty();
    assertThat(union(r2022.off(), r2023.offInOtherYears())).isEqualTo(shipped(2022).off());
    assertThat(r2022.work()).isEqualTo(shipped(2022).work());

    // 2019: a make-up Saturday in 2018 too
    Result r2019 = HolidayNoticeParser.parse(2019, notice(2019));
    assertThat(r2019.offInOtherYears()).containsExactly(d("2018-12-30"), d("2018-12-31"));
    assertThat(r2019.workInOtherYears()).containsExactly(d("2018-12-29"));
    assertThat(r2019.holidays().get(0))
        .isEqualTo(new Holiday("元旦", d("2018-12-30"), d("2019-01-01")));
    assertThat(messages(r2019, Severity.WARNING))
        .singleElement()
        .asString()
        .contains(
            "第5行「一、元旦」", "2018年12月30日（星期日）、2018年12月31日（星期一）放假", "2018年12月29日（星期六）上班", "不计入2019年");
    Result r2018 = HolidayNoticeParser.parse(2018, notice(2018));
    assertThat(r2018.problems()).isEmpty();
    assertThat(union(r2018.off(), r2019.offInOtherYears())).isEqualTo(shipped(2018).off());
    assertThat(union(r2018.work(), r2019.workInOtherYears())).isEqualTo(shipped(2018).work());
  }

  @Test
  void twoThousandNineteenAsAmendedInMarch() {
    // 国务院办公厅关于调整2019年劳动节假期安排的通知 (2019-03): 5月1日至4日放假调休，共4天；4月28日、5月5日上班
    String amended =
        notice(2019).replace("四、劳动节：5月1日放假。", "四、劳动节：5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。");
    assertThat(amended).isNotEqualTo(notice(2019));
    Result r = HolidayNoticeParser.parse(2019, amended);
    assertThat(messages(r, Severity.ERROR)).isEmpty();
    assertThat(r.off()).isEqualTo(shipped(2019).off());
    assertThat(r.work()).isEqualTo(shipped(2019).work());
    assertThat(ranges(r.holidays())).isEqualTo(ranges(shipped(2019).holidays()));
    // as first published, 劳动节 was the one day
    assertThat(HolidayNoticeParser.parse(2019, notice(2019)).holidays().get(3))
        .isEqualTo(new Holiday("劳动节", d("2019-05-01"), d("2019-05-01")));
  }

  @Test
  void twoThousandTwentyAsPublishedThenExtended() {
    Result r = HolidayNoticeParser.parse(2020, notice(2020));
    assertThat(r.problems()).isEmpty();
    // 国务院办公厅关于延长2020年春节假期的通知 (2020-01-26): off to 2月2日, work again from 2月3日 (a Monday, which the
    // shipped file lists as 上班); the 2月1日 make-up Saturday fell away
    List<LocalDate> off = union(r.off(), days("2020-01-31", "2020-02-01", "2020-02-02"));
    List<LocalDate> work = new ArrayList<>(r.work());
    work.remove(d("2020-02-01"));
    assertThat(off).isEqualTo(shipped(2020).off());
    assertThat(union(work, days("2020-02-03"))).isEqualTo(shipped(2020).work());
    assertThat(r.holidays().get(1)).isEqualTo(new Holiday("春节", d("2020-01-24"), d("2020-01-30")));
    assertThat(r.holidays().get(5))
        .isEqualTo(new Holiday("国庆节、中秋节", d("2020-10-01"), d("2020-10-08")));
  }

  // ---- how it may be pasted
  // --------------------------------------------------------------------------------------

  @Test
  void allOnOneLineAsTheItemsFollowEachOther() {
    String oneLine = notice(2026).replace("\n", "").replace("　", "");
    Result r = HolidayNoticeParser.parse(2026, oneLine);
    assertThat(r.off()).isEqualTo(shipped(2026).off());
    assertThat(r.work()).isEqualTo(shipped(2026).work());
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void justTheItemsWithAsciiPunctuationFullWidthDigitsAndSpaces() {
    String text =
        """
        一、元旦: １月１日(周三)放假１天，不调休。
        二、春节: 1 月 28 日（农历除夕、周二）至 2 月 4 日（农历正月初七、周二）放假调休, 共 8 天。1月26日(周日)、2月8日(周六)上班。
        三、清明节：4月4日（周五）至6日（周日）放假，共3天。\r
        四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。\r
        五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
        六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
        """;
    Result r = HolidayNoticeParser.parse(2025, text);
    assertThat(r.problems()).isEmpty();
    assertThat(r.off()).isEqualTo(shipped(2025).off());
    assertThat(r.work()).isEqualTo(shipped(2025).work());
  }

  @Test
  void linesBrokenInsideASentenceAsCopiedFromAPdf() {
    String text =
        """
        二、春节：2月15日（农历腊月二
        十八、周日）至23日（农历正月初七、周一）放假调休，共9
        天。2月14日（周六）、2月28日（周六）上
        班。
        三、清明节：4月4日（周六）至6日（周一）放假，共3天。
        """;
    Result r = HolidayNoticeParser.parse(2026, text);
    assertThat(messages(r, Severity.ERROR)).isEmpty();
    assertThat(r.holidays())
        .containsExactly(
            new Holiday("春节", d("2026-02-15"), d("2026-02-23")),
            new Holiday("清明节", d("2026-04-04"), d("2026-04-06")));
    assertThat(r.work()).containsExactly(d("2026-02-14"), d("2026-02-28"));
    // numbering starts at 二 and five holidays are missing: said, not fatal
    assertThat(messages(r, Severity.WARNING))
        .hasSize(6)
        .anySatisfy(m -> assertThat(m).isEqualTo("第1行「二、春节」：第一个条目的编号应为“一、”，请核对是否漏贴了前面的段落"))
        .anySatisfy(m -> assertThat(m).isEqualTo("通知中没有元旦的安排，请核对是否漏贴了这一段"));
  }

  @Test
  void aNewYearWrittenWithoutItsYearsStartsInTheYearBefore() {
    Result r = HolidayNoticeParser.parse(2023, "一、元旦：12月31日至1月2日放假调休，共3天。");
    assertThat(r.holidays()).containsExactly(new Holiday("元旦", d("2022-12-31"), d("2023-01-02")));
    assertThat(r.off()).containsExactly(d("2023-01-01"), d("2023-01-02"));
    r = HolidayNoticeParser.parse(2019, "一、元旦：2018年12月30日至1月1日放假调休，共3天。");
    assertThat(r.holidays()).containsExactly(new Holiday("元旦", d("2018-12-30"), d("2019-01-01")));
  }

  // ---- what is wrong is said, naming the line
  // ------------------------------------------------------------------

  static Problem only(Result r, Severity s) {
    List<Problem> ps = r.problems().stream().filter(p -> p.severity() == s).toList();
    assertThat(ps).as(r.problems().toString()).hasSize(1);
    return ps.get(0);
  }

  @Test
  void nothingToRead() {
    for (String text : new String[] {null, "", "   \n　"}) {
      Result r = HolidayNoticeParser.parse(2027, text);
      assertThat(r.problems())
          .containsExactly(
              new Problem(null, Severity.ERROR, "通知正文为空：请粘贴国务院办公厅关于2027年部分节假日安排的通知全文"));
      assertThat(r.off()).isEmpty();
      assertThat(r.hasErrors()).isTrue();
    }
    assertThat(
            HolidayNoticeParser.parse(2027, "一".repeat(HolidayNoticeParser.MAX_LENGTH + 1))
                .problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("超过 20000 字"));
    assertThat(HolidayNoticeParser.parse(1999, notice(2026)).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("年份须在 2000 至 2100 之间"));
    Result prose = HolidayNoticeParser.parse(2027, "经国务院批准，现将2027年元旦放假安排通知如下：元旦放假三天。");
    assertThat(prose.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.ERROR);
              assertThat(p.message()).startsWith("未找到节日条目");
            });
  }

  @Test
  void theBriefsQuotationOfTwentyTwentySixListsOneDayForThree() {
    Result r =
        HolidayNoticeParser.parse(
            2026,
            "一、元旦：1月1日（周四）放假调休，共3天。1月4日（周日）上班。二、春节：2月15日"
                + "（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。");
    assertThat(only(r, Severity.ERROR))
        .isEqualTo(
            new Problem(1, Severity.ERROR, "第1行「一、元旦」：通知写明共3天，但所列放假日期为1天（2026年1月1日（星期四）），请核对"));
  }

  @Test
  void aWeekdayThatDoesNotMatchTheDateIsAMistypedDate() {
    Result r = HolidayNoticeParser.parse(2026, notice(2026).replace("2月28日（周六）", "2月27日（周六）"));
    assertThat(messages(r, Severity.ERROR))
        .contains(
            "第6行「二、春节」：2026年2月27日是星期五，通知中写作“周六”，请核对日期",
            // and PUT would refuse a Friday as a make-up day: said with the line it came from
            "第6行「二、春节」：2026-02-27 是星期五，本就是工作日，无需列为调休上班日，请核对");
  }

  @Test
  void aNoticeOfAnotherYear() {
    Result r = HolidayNoticeParser.parse(2027, notice(2026));
    assertThat(r.problems().get(0))
        .isEqualTo(new Problem(1, Severity.ERROR, "第1行：这是2026年的放假通知，与所录的2027年不符，请核对年份或通知"));
    assertThat(messages(r, Severity.ERROR))
        .anySatisfy(m -> assertThat(m).contains("2027年1月1日是星期五，通知中写作“周四”"));
  }

  @Test
  void datesThatDoNotExistOrLackAMonth() {
    Result r =
        HolidayNoticeParser.parse(
            2026,
            """
        一、元旦：1月1日至3日放假调休，共3天。
        二、春节：2月30日放假。
        三、清明节：6日放假。
        """);
    assertThat(messages(r, Severity.ERROR))
        .containsExactly(
            "第2行「二、春节」：“2月30日”不是有效日期",
            "第2行「二、春节」：未找到放假日期（应如“10月1日至7日放假调休，共7天”）",
            "第3行「三、清明节」：“6日”缺少月份",
            "第3行「三、清明节」：未找到放假日期（应如“10月1日至7日放假调休，共7天”）");
    assertThat(r.off()).containsExactly(d("2026-01-01"), d("2026-01-02"), d("2026-01-03"));
  }

  @Test
  void rangesThatRunBackwardsOrTooLong() {
    Result r =
        HolidayNoticeParser.parse(
            2026,
            """
        七、国庆节：10月7日至1日放假调休，共7天。
        八、国庆节：10月1日至11月15日放假调休。
        """);
    assertThat(messages(r, Severity.ERROR))
        .contains("第1行「七、国庆节」：“10月7日至1日”结束日期早于开始日期", "第2行「八、国庆节」：“10月1日至11月15日”超过31天，不像是一个假期，请核对");
  }

  @Test
  void separatorsOtherThanToAndTheEnumerationComma() {
    Result r = HolidayNoticeParser.parse(2026, "一、元旦：1月1日—3日放假调休，共3天。");
    assertThat(messages(r, Severity.ERROR))
        .first()
        .isEqualTo("第1行「一、元旦」：无法识别“1月1日—3日”中日期之间的“—”（日期之间应为“至”或“、”）");
  }

  @Test
  void datesWhoseKindIsNotSaid() {
    Result r =
        HolidayNoticeParser.parse(
            2020,
            """
        二、春节：1月24日至30日放假调休，共7天。1月19日（星期日），2月1日（星期六）上班。
        四、劳动节：5月1日至5日放假调休5月9日（星期六）上班。
        五、端午节：放假时间为6月25日至27日。
        六、中秋节：10月1日至8日。
        """);
    assertThat(messages(r, Severity.ERROR))
        .contains(
            "第1行「二、春节」：“1月19日（星期日）”没有说明是放假还是上班，其中的日期未计入",
            "第2行「四、劳动节」：“5月1日至5日放假调休5月9日（星期六）上班”中既有放假又有上班，无法区分各日期，请分开写",
            "第3行「五、端午节」：“放假时间为6月25日至27日”中“放假”之后的日期无法判断是放假还是上班，未计入");
    assertThat(messages(r, Severity.WARNING))
        .contains("第4行「六、中秋节」：“10月1日至8日”没有说明是放假还是上班，其中的日期未计入，请核对");
    assertThat(r.work()).containsExactly(d("2020-02-01"));
  }

  @Test
  void aMissingColonADayInTwoHolidaysAndALoneSaturday() {
    Result r =
        HolidayNoticeParser.parse(
            2026,
            """
        一、元旦：1月1日至3日放假调休，共3天。
        二、春节2月15日至23日放假调休，共9天。
        三、清明节：2月23日放假。
        四、端午节：6月20日放假。
        """);
    assertThat(messages(r, Severity.ERROR))
        .containsExactly(
            "第2行「二、春节」：节日名称后缺少冒号“：”（应如“二、春节：……”）",
            "第3行「三、清明节」：2026年2月23日已在「二、春节」中放假，不能再属于这个节日",
            "第4行「四、端午节」：2026-06-20 是星期六，本就休息，且不与任何工作日放假相连，请核对");
    assertThat(r.holidays()).extracting(Holiday::name).contains("春节");
  }

  @Test
  void aParagraphLostInCopying() {
    Result r = HolidayNoticeParser.parse(2026, notice(2026).replaceAll("三、清明节：[^\n]*\n", ""));
    assertThat(r.problems())
        .containsExactly(
            new Problem(null, Severity.WARNING, "通知中没有清明节的安排，请核对是否漏贴了这一段"),
            new Problem(7, Severity.WARNING, "第7行「四、劳动节」：上一条是“二、”，这一条却是“四、”，请核对是否漏贴或重复了一段"));
  }

  @Test
  void aWholeHolidayInAnotherYear() {
    Result r = HolidayNoticeParser.parse(2026, "一、元旦：2025年1月1日放假，共1天。");
    assertThat(messages(r, Severity.ERROR))
        .containsExactly("第1行「一、元旦」：假期2025年1月1日至2025年1月1日不在2026年内，请核对年份");
    assertThat(r.holidays()).isEmpty();
    assertThat(r.off()).isEmpty();
  }

  @Test
  void aDateOutsideTheItemsIsNotCountedButSaid() {
    Result r = HolidayNoticeParser.parse(2026, "另：1月2日放假。\n" + notice(2026));
    assertThat(r.problems())
        .containsExactly(
            new Problem(1, Severity.WARNING, "第1行：“另：1月2日放假”不在任何节日条目（如“一、元旦：……”）中，其中的日期未计入"));
    assertThat(r.off()).isEqualTo(shipped(2026).off());
  }

  @Test
  void chineseNumbers() {
    assertThat(HolidayNoticeParser.chineseNumber("一")).isEqualTo(1);
    assertThat(HolidayNoticeParser.chineseNumber("十")).isEqualTo(10);
    assertThat(HolidayNoticeParser.chineseNumber("十二")).isEqualTo(12);
    assertThat(HolidayNoticeParser.chineseNumber("二十")).isEqualTo(20);
    assertThat(HolidayNoticeParser.chineseNumber("二十三")).isEqualTo(23);
    assertThat(HolidayNoticeParser.chineseNumber("8")).isEqualTo(8);
    Result r = HolidayNoticeParser.parse(2026, "一、元旦：1月1日至3日放假调休，共三天。");
    assertThat(messages(r, Severity.ERROR)).isEmpty();
  }
}
