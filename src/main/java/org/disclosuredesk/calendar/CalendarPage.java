package org.disclosuredesk.calendar;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.Holiday;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.deadline.YearNotice;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's 工作日历 ({@code /calendar}): a year shown as a calendar (days off, make-up working
 * days), and the yearly job of entering next year's State Council notice: paste (or load) the
 * notice, check what was read, see which open requests' due dates it would move, then save. The
 * page's script uses the calendar API for each step.
 */
@Controller
class CalendarPage {

  record Day(int day, String kind, String title, boolean blank) {}

  record Week(List<Day> days) {}

  record Month(String name, List<Week> weeks) {}

  record YearLink(int year, String href, boolean current, boolean covered) {}

  record HolidayLine(String name, String from, String to) {}

  record Model(
      DeskLayout.Page page,
      int year,
      boolean covered,
      int workingDayCount,
      List<YearLink> years,
      List<Month> months,
      List<HolidayLine> holidays,
      String holidaysText,
      String workText,
      String source,
      boolean saved) {}

  private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final CalendarService calendars;
  private final CalendarRepository repository;
  private final BusinessClock clock;

  CalendarPage(
      DeskTemplates templates,
      DeskLayout layout,
      CalendarService calendars,
      CalendarRepository repository,
      BusinessClock clock) {
    this.templates = templates;
    this.layout = layout;
    this.calendars = calendars;
    this.repository = repository;
    this.clock = clock;
  }

  @GetMapping("/calendar")
  ResponseEntity<String> page(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String saved,
      Authentication auth,
      HttpServletRequest request) {
    int thisYear = clock.today().getYear();
    WorkingDayCalendar calendar;
    // in November and December the admin's job is next year's notice
    int y =
        year != null && year >= YearNotice.MIN_YEAR && year <= YearNotice.MAX_YEAR
            ? year
            : clock.today().getMonthValue() >= 11 ? thisYear + 1 : thisYear;
    calendar = calendars.calendarForYear(y);
    boolean covered = calendar.coveredYears().contains(y);
    List<YearLink> years = new ArrayList<>();
    for (int i = thisYear - 2; i <= thisYear + 1; i++) {
      years.add(
          new YearLink(i, "/calendar?year=" + i, i == y, calendar.coveredYears().contains(i)));
    }
    List<Month> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(month(calendar, YearMonth.of(y, m), covered));
    }
    List<Holiday> holidays = covered ? calendar.holidays(y) : List.of();
    String holidaysText =
        holidays.stream()
            .map(h -> h.name() + " " + h.from() + " " + h.to())
            .collect(Collectors.joining("\n"));
    String workText =
        covered
            ? calendar.makeUpWorkingDays(y).stream()
                .map(LocalDate::toString)
                .collect(Collectors.joining("\n"))
            : "";
    return templates.page(
        "calendar",
        new Model(
            layout.page("工作日历", "/calendar", auth, request),
            y,
            covered,
            calendar.workingDayCount(y),
            years,
            months,
            holidays.stream()
                .map(h -> new HolidayLine(h.name(), h.from().toString(), h.to().toString()))
                .toList(),
            holidaysText,
            workText,
            covered ? repository.source(y).orElse("") : "",
            saved != null));
  }

  /**
   * A month as weeks from Monday; each day a working day, weekend, holiday or make-up working day.
   */
  static Month month(WorkingDayCalendar calendar, YearMonth ym, boolean covered) {
    List<Week> weeks = new ArrayList<>();
    List<Day> week = new ArrayList<>();
    for (int i = 1; i < ym.atDay(1).getDayOfWeek().getValue(); i++) {
      week.add(new Day(0, "blank", null, true));
    }
    for (int d = 1; d <= ym.lengthOfMonth(); d++) {
      LocalDate date = ym.atDay(d);
      String kind;
      String title;
      boolean weekend =
          date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (covered && calendar.isMakeUpWorkingDay(date)) {
        kind = "makeup";
        title = date + " 调休上班";
      } else if (covered
          && calendar.isDayOff(date)
          && calendar.holidayName(date).filter(n -> !n.isBlank()).isPresent()) {
        kind = "holiday";
        title = date + " " + calendar.holidayName(date).get() + "放假";
      } else if (weekend || (covered && calendar.isDayOff(date))) {
        kind = "weekend";
        title = date + " 休息日";
      } else {
        kind = "work";
        title = date + " 工作日（星期" + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + "）";
      }
      week.add(new Day(d, kind, title, false));
      if (week.size() == 7) {
        weeks.add(new Week(week));
        week = new ArrayList<>();
      }
    }
    if (!week.isEmpty()) {
      while (week.size() < 7) {
        week.add(new Day(0, "blank", null, true));
      }
      weeks.add(new Week(week));
    }
    return new Month(ym.getMonthValue() + "月", weeks);
  }
}
