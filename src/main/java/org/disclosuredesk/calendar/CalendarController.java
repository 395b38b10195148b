package org.disclosuredesk.calendar;

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
import org.disclosuredesk.deadline.CalendarImpact;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.deadline.DeadlineResult;
import org.disclosuredesk.deadline.Holiday;
import org.disclosuredesk.deadline.HolidayNoticeParser;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.deadline.YearNotice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar endpoints of API.md: the due-date calculator, a year's calendar, and the admin's
 * upload, with what helps it: reading the State Council's notice, and what an upload would move
 * before it is made.
 */
@Tag(name = ApiDocumentation.CALENDAR)
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  static final int MAX_WORKING_DAYS = 1000;

  record DueDateView(LocalDate dueOn, List<String> explanation, List<String> warnings) {}

  record YearView(
      int year,
      boolean covered,
      List<LocalDate> daysOff,
      List<LocalDate> makeUpWorkingDays,
      int workingDayCount,
      List<Holiday> holidays,
      int revision) {}

  record HolidayBody(String name, LocalDate from, LocalDate to) {}

  record YearBody(List<LocalDate> off, List<LocalDate> work, List<HolidayBody> holidays) {}

  record NoticeBody(String text) {}

  record NoticeView(
      int year,
      List<Holiday> holidays,
      List<LocalDate> off,
      List<LocalDate> work,
      List<HolidayNoticeParser.Problem> problems) {}

  record PreviewView(int year, int workingDayCount, List<?> changes, List<?> appealChanges) {}

  private final CalendarService calendars;
  private final ObjectProvider<CalendarImpact> impacts;

  CalendarController(CalendarService calendars, ObjectProvider<CalendarImpact> impacts) {
    this.calendars = calendars;
    this.impacts = impacts;
  }

  @Operation(
      summary = "计算期限",
      description =
          """
      **角色**：任何工作人员。

      从 `from` 起算若干个工作日后的日期（按法定节假日和调休），及逐步说明：`{dueOn, explanation:[...], warnings:[...]}`。\
      所需年份的日历尚未发布时在 `warnings` 中说明。""")
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      required = true,
      description = "起算日期，YYYY-MM-DD")
  @Parameter(
      name = "workingDays",
      in = ParameterIn.QUERY,
      required = true,
      description = "工作日数，0 至 1000")
  @GetMapping("/due-date")
  DueDateView dueDate(
      @RequestParam(required = false) String from,
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

  @Operation(
      summary = "查看年度工作日历",
      description =
          """
      **角色**：任何工作人员。

      `{year, covered, daysOff:[日期], makeUpWorkingDays:[日期], workingDayCount, holidays, revision}`；\
      `covered` 为 false 表示该年的国务院放假通知尚未录入，只按周末计算。""")
  @GetMapping("/{year}")
  YearView year(@PathVariable int year) {
    checkYear(year).throwIfAny();
    return view(year, calendars.calendarForYear(year), calendars.revision());
  }

  @Operation(
      summary = "录入年度放假安排",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      按国务院办公厅的放假通知替换该年的日历，无需重新部署；已受影响的期限随之重新计算。

      **请求体**：`off` 该年各节日的放假日（含假期中的周末；其余周末本就休息，不必列出，必填）；\
      `work` 调休上班日（必填，没有则为 `[]`）；`holidays` 节日 `[{name, from, to}]`。\
      可先用 `POST /api/calendar/{year}/notice` 从通知原文读出，用 `POST /api/calendar/{year}/preview` 预览影响。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例（节选）",
                              value =
                                  """
              {"off": ["2027-01-01", "2027-01-02", "2027-01-03"], "work": [],
               "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}"""))))
  @PutMapping("/{year}")
  YearView replace(@PathVariable int year, @RequestBody YearBody body, Principal who) {
    int revision = calendars.replaceYear(notice(year, body), who.getName());
    return view(year, calendars.calendar(), revision);
  }

  @Operation(
      summary = "读取国务院放假通知",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      把国务院办公厅关于该年部分节假日安排的通知原文（如“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。\
      1月4日（周日）上班。……”）读成录入年度放假安排（`PUT /api/calendar/{year}`）所需的内容，只读取，不保存。

      **请求体**：`text` 通知全文（必填）。

      **返回**：`{year, holidays:[{name, from, to}], off:[日期], work:[日期], problems:[{line, severity, message}]}`；\
      `holidays`、`off`、`work` 即 `PUT /api/calendar/{year}` 的请求体（`off` 为各节日的放假日，含假期中的周末）。\
      `problems` 逐条说明读不准或需要核对之处，`line` 为原文行号（涉及全文时为 null）：`severity` 为 `ERROR` \
      表示结果有误或不全，不能照此保存；`WARNING` 表示结果可用，但请核对（如元旦假期中属于上一年的日期，\
      不计入本年，需另行核对上一年的日历）。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例（节选）",
                              value =
                                  """
              {"text": "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\\n\
              二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。\
              2月14日（周六）、2月28日（周六）上班。"}"""))))
  @PostMapping("/{year}/notice")
  NoticeView readNotice(@PathVariable int year, @RequestBody NoticeBody body) {
    FieldErrors errors = checkYear(year);
    if (body.text() == null || body.text().isBlank()) {
      errors.add("text", "必填：国务院办公厅放假通知的全文");
    } else if (body.text().length() > HolidayNoticeParser.MAX_LENGTH) {
      errors.add("text", "超过 " + HolidayNoticeParser.MAX_LENGTH + " 字，不像是一份放假通知：请只粘贴通知本身");
    }
    errors.throwIfAny();
    HolidayNoticeParser.Result r = HolidayNoticeParser.parse(year, body.text());
    return new NoticeView(year, r.holidays(), r.off(), r.work(), r.problems());
  }

  @Operation(
      summary = "预览放假安排变更的影响",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      请求体与 `PUT /api/calendar/{year}` 相同；不保存任何内容，只列出若按此录入，哪些未办结申请、\
      正在准备答复或答辩的复议诉讼案件的期限会随之改变（与保存后实际重新计算的结果一致）。

      **返回**：`{year, workingDayCount, changes:[{requestId, trackingNumber, status, statusLabel, dueOnBefore, dueOnAfter, \
      periods:[{kind, id, lastDayBefore, lastDayAfter}]}], appealChanges:[{appealId, requestId, trackingNumber, kind, \
      caseNumber, dueOnBefore, dueOnAfter}]}`。`workingDayCount` 为按此安排该年的工作日数；`dueOnBefore`、\
      `dueOnAfter` 为答复期限（期限暂停计算或等待补正时为 null）；`periods` 为随之改变的征求意见答复期限\
      （`CONSULTATION`）或缴费期限（`FEE_NOTICE`）。请求体有误时与 `PUT` 一样返回 400，逐项指出。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "示例（节选）",
                              value =
                                  """
              {"off": ["2027-01-01", "2027-01-02", "2027-01-03"], "work": [],
               "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}"""))))
  @PostMapping("/{year}/preview")
  PreviewView preview(@PathVariable int year, @RequestBody YearBody body) {
    DeadlineCalculator proposed = calendars.proposed(notice(year, body));
    List<?> changes = List.of();
    List<?> appealChanges = List.of();
    for (CalendarImpact impact : impacts.orderedStream().toList()) {
      if (impact.kind() == CalendarImpact.Kind.REQUESTS) {
        changes = impact.wouldMove(proposed);
      } else {
        appealChanges = impact.wouldMove(proposed);
      }
    }
    return new PreviewView(year, proposed.calendar().workingDayCount(year), changes, appealChanges);
  }

  /**
   * The body of PUT (and of its preview) as a notice, every bad field named; plausibility is the
   * service's.
   */
  private static YearNotice notice(int year, YearBody body) {
    FieldErrors errors = checkYear(year);
    if (body.off() == null || body.off().isEmpty()) {
      errors.add("off", "必填：该年各节日的放假日（含假期中的周末）");
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
    return new YearNotice(year, body.off(), body.work(), holidays);
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
    return new YearView(
        year,
        cal.coveredYears().contains(year),
        cal.daysOff(year),
        cal.makeUpWorkingDays(year),
        cal.workingDayCount(year),
        cal.holidays(year),
        revision);
  }
}
