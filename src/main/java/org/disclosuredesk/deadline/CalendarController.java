package org.disclosuredesk.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.FieldErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calendar endpoints of API.md: the due-date calculator, a year's calendar, and the admin's upload. */
@Tag(name = ApiDocumentation.CALENDAR)
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  static final int MAX_WORKING_DAYS = 1000;

  record DueDateView(LocalDate dueOn, List<String> explanation, List<String> warnings) {}

  record YearView(int year, boolean covered, List<LocalDate> daysOff, List<LocalDate> makeUpWorkingDays,
      int workingDayCount, List<Holiday> holidays, int revision) {}

  record HolidayBody(String name, LocalDate from, LocalDate to) {}

  record YearBody(List<LocalDate> off, List<LocalDate> work, List<HolidayBody> holidays) {}

  private final CalendarService calendars;

  CalendarController(CalendarService calendars) {
    this.calendars = calendars;
  }

  @Operation(summary = "计算期限", description = """
      **角色**：任何工作人员。

      从 `from` 起算若干个工作日后的日期（按法定节假日和调休），及逐步说明：`{dueOn, explanation:[...], warnings:[...]}`。\
      所需年份的日历尚未发布时在 `warnings` 中说明。""")
  @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "起算日期，YYYY-MM-DD")
  @Parameter(name = "workingDays", in = ParameterIn.QUERY, required = true, description = "工作日数，0 至 1000")
  @GetMapping("/due-date")
  DueDateView dueDate(@RequestParam(required = false) String from,
      @RequestParam(required = false) String workingDays) {
    FieldErrors errors = new FieldErrors();
    LocalDate start = null;
    if (from == null || from.isBlank()) {
      errors.add("from", "必填，格式 YYYY-MM-DD");
    } else {
      try {
        start = LocalDate.parse(from.trim());
        if (start.getYear() < 1900 || start.getYear() > 2200) {
          errors.add("from", "日期超出支持范围（1900–2200 年）");
        }
      } catch (DateTimeParseException e) {
        errors.add("from", "日期格式无效，应为 YYYY-MM-DD：" + from);
      }
    }
    int n = 0;
    if (workingDays == null || workingDays.isBlank()) {
      errors.add("workingDays", "必填，0 至 " + MAX_WORKING_DAYS + " 的整数");
    } else {
      try {
        n = Integer.parseInt(workingDays.trim());
        if (n < 0 || n > MAX_WORKING_DAYS) {
          errors.add("workingDays", "须为 0 至 " + MAX_WORKING_DAYS + " 的整数");
        }
      } catch (NumberFormatException e) {
        errors.add("workingDays", "须为 0 至 " + MAX_WORKING_DAYS + " 的整数：" + workingDays);
      }
    }
    errors.throwIfAny();
    DeadlineResult r = calendars.workingDaysAfter(start, n);
    return new DueDateView(r.dueOn(), r.explanation(), r.warnings());
  }

  @Operation(summary = "查看年度工作日历", description = """
      **角色**：任何工作人员。

      `{year, covered, daysOff:[日期], makeUpWorkingDays:[日期], workingDayCount, holidays, revision}`；\
      `covered` 为 false 表示该年的国务院放假通知尚未录入，只按周末计算。""")
  @GetMapping("/{year}")
  YearView year(@PathVariable int year) {
    checkYear(year).throwIfAny();
    return view(year, calendars.calendarForYear(year), calendars.revision());
  }

  @Operation(summary = "录入年度放假安排", description = """
      **角色**：系统管理员（camunda-admin）。

      按国务院办公厅的放假通知替换该年的日历，无需重新部署；已受影响的期限随之重新计算。

      **请求体**：`off` 该年全部放假日（含周末，必填）；`work` 调休上班日（必填，没有则为 `[]`）；\
      `holidays` 节日 `[{name, from, to}]`。""",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
          examples = @ExampleObject(name = "示例（节选）", value = """
              {"off": ["2027-01-01", "2027-01-02", "2027-01-03"], "work": [],
               "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}"""))))
  @PutMapping("/{year}")
  YearView replace(@PathVariable int year, @RequestBody YearBody body, Principal who) {
    FieldErrors errors = checkYear(year);
    if (body.off() == null || body.off().isEmpty()) {
      errors.add("off", "必填：该年的放假日（含周末）");
    }
    if (body.work() == null) {
      errors.add("work", "必填：该年的调休上班日，没有则为 []");
    }
    noNulls(errors, "off", body.off());
    noNulls(errors, "work", body.work());
    List<Holiday> holidays = new ArrayList<>();
    List<HolidayBody> hb = body.holidays() == null ? List.of() : body.holidays();
    for (int i = 0; i < hb.size(); i++) {
      HolidayBody h = hb.get(i);
      String f = "holidays[" + i + "]";
      if (h == null || h.name() == null || h.from() == null || h.to() == null) {
        errors.add(f, "须有 name、from、to");
      } else if (h.to().isBefore(h.from())) {
        errors.add(f + ".to", "结束日期早于开始日期");
      } else {
        holidays.add(new Holiday(h.name(), h.from(), h.to()));
      }
    }
    errors.throwIfAny();
    int revision = calendars.replaceYear(new YearNotice(year, body.off(), body.work(), holidays), who.getName());
    return view(year, calendars.calendar(), revision);
  }

  private static FieldErrors checkYear(int year) {
    FieldErrors errors = new FieldErrors();
    if (year < YearNotice.MIN_YEAR || year > YearNotice.MAX_YEAR) {
      errors.add("year", "年份须在 " + YearNotice.MIN_YEAR + " 至 " + YearNotice.MAX_YEAR + " 之间");
    }
    return errors;
  }

  private static void noNulls(FieldErrors errors, String field, List<LocalDate> days) {
    if (days != null) {
      for (int i = 0; i < days.size(); i++) {
        if (days.get(i) == null) {
          errors.add(field + "[" + i + "]", "不能为空");
        }
      }
    }
  }

  private static YearView view(int year, WorkingDayCalendar cal, int revision) {
    return new YearView(year, cal.coveredYears().contains(year), cal.daysOff(year), cal.makeUpWorkingDays(year),
        cal.workingDayCount(year), cal.holidays(year), revision);
  }
}
