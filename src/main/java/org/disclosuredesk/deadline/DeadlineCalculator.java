package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Statutory periods of the 《政府信息公开条例》 on one {@link WorkingDayCalendar}, each due date explained
 * line by line in Chinese (DOMAIN.md §3). Stateless apart from the calendar; thread-safe.
 */
public final class DeadlineCalculator {

  public static final int SUPPLEMENT_NOTICE_PERIOD = 7; // 第三十条
  public static final int CONSULTATION_ANSWER_PERIOD = 15; // 第三十二条、第三十四条
  public static final int FEE_PAYMENT_PERIOD = 20; // 国办函〔2020〕109号
  public static final int RECONSIDERATION_REPLY_PERIOD = 10; // 《行政复议法》第四十八条
  public static final int RECONSIDERATION_SIMPLE_REPLY_PERIOD = 5; // 《行政复议法》第五十四条
  public static final int LITIGATION_DEFENCE_CALENDAR_DAYS = 15; // 《行政诉讼法》第六十七条

  private final WorkingDayCalendar calendar;

  public DeadlineCalculator(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /** The reply due date of a request, with stops, a supplement restart and an extension. */
  public DeadlineResult replyDue(DeadlineFacts f) {
    List<String> head = new ArrayList<>();
    head.add(
        "收到申请 "
            + day(f.receivedOn())
            + (f.channelLabel() == null || f.channelLabel().isBlank()
                ? ""
                : "（" + f.channelLabel() + "）")
            + "，即收到申请之日（第三十一条）");
    if (!f.clockStartOn().equals(f.receivedOn())) {
      head.add(day(f.clockStartOn()) + " 收到补正后的申请，答复期限自该日重新起算（第三十条）");
    }
    head.add(
        "自次日起算 "
            + f.periodWorkingDays()
            + " 个工作日"
            + (f.periodWorkingDays() == DeadlineFacts.REPLY_PERIOD
                ? "（《政府信息公开条例》第三十三条）"
                : "（依第三十五条确定的延迟答复合理期限）"));
    int total = f.periodWorkingDays() + f.extensionWorkingDays();
    if (f.extensionWorkingDays() > 0) {
      head.add(
          "经政府信息公开工作机构负责人同意延长 "
              + f.extensionWorkingDays()
              + " 个工作日（第三十三条第二款），共计 "
              + total
              + " 个工作日");
    }
    return compute(head, f.receivedOn(), f.clockStartOn(), total, f.suspensions(), "即答复期限");
  }

  /** The n-th working day after {@code from}, explained (the due-date calculator of the API). */
  public DeadlineResult workingDaysAfter(LocalDate from, int n) {
    List<String> head = new ArrayList<>();
    head.add("起算日 " + day(from) + "，当日不计入");
    head.add("自次日起算 " + n + " 个工作日");
    return compute(head, from, from, n, List.of(), "即期限届满之日");
  }

  /** Last day to send the one supplement notice (第三十条: within 7 working days of receipt). */
  public LocalDate supplementNoticeLimit(LocalDate receivedOn) {
    return calendar.addWorkingDays(receivedOn, SUPPLEMENT_NOTICE_PERIOD);
  }

  /** Last day for a third party or another agency to answer (第三十二条、第三十四条: 15 working days). */
  public LocalDate consultationAnswerLimit(LocalDate deliveredOn) {
    return calendar.addWorkingDays(deliveredOn, CONSULTATION_ANSWER_PERIOD);
  }

  /**
   * Last day to pay the information-processing fee (国办函〔2020〕109号: 20 working days of the notice).
   */
  public LocalDate feePaymentLimit(LocalDate deliveredOn) {
    return calendar.addWorkingDays(deliveredOn, FEE_PAYMENT_PERIOD);
  }

  /** An expired period ends the request on the calendar day after its last day (DOMAIN.md §3). */
  public static LocalDate expiryConclusionDate(LocalDate periodLastDay) {
    return periodLastDay.plusDays(1);
  }

  /**
   * Written reply and evidence in a reconsideration (《行政复议法》第四十八条; 第五十四条 for the simple procedure).
   */
  public LocalDate reconsiderationReplyDue(LocalDate copyReceivedOn, boolean simpleProcedure) {
    return calendar.addWorkingDays(
        copyReceivedOn,
        simpleProcedure ? RECONSIDERATION_SIMPLE_REPLY_PERIOD : RECONSIDERATION_REPLY_PERIOD);
  }

  /**
   * Defence in litigation: 15 calendar days (《行政诉讼法》第六十七条), rolled past holidays (《民事诉讼法》第八十五条).
   */
  public LocalDate litigationDefenceDue(LocalDate complaintReceivedOn) {
    return calendar.addCalendarDaysRolledToWorkingDay(
        complaintReceivedOn, LITIGATION_DEFENCE_CALENDAR_DAYS);
  }

  // ---- the count
  // ----------------------------------------------------------------------------------------------

  private record Line(LocalDate on, String text) {}

  private DeadlineResult compute(
      List<String> head,
      LocalDate receivedOn,
      LocalDate start,
      int total,
      List<Suspension> suspensions,
      String dueWording) {
    List<Suspension> sorted =
        suspensions.stream().sorted(Comparator.comparing(Suspension::from)).toList();

    // merge the stops into disjoint intervals (a, b]; an open one runs to LocalDate.MAX
    List<LocalDate[]> merged = new ArrayList<>();
    for (Suspension s : sorted) {
      LocalDate a = s.from().isBefore(start) ? start : s.from();
      LocalDate b = s.open() ? LocalDate.MAX : s.to();
      if (!b.isAfter(a)) {
        continue;
      }
      LocalDate[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !a.isAfter(last[1])) {
        if (b.isAfter(last[1])) {
          last[1] = b;
        }
      } else {
        merged.add(new LocalDate[] {a, b});
      }
    }

    // walk the counted segments (pos, a] between the stops
    LocalDate pos = start;
    int rem = total;
    LocalDate frozenAt = null;
    List<LocalDate[]> counted = new ArrayList<>();
    List<LocalDate[]> closedStops = new ArrayList<>();
    for (LocalDate[] m : merged) {
      int c = calendar.workingDaysBetween(pos, m[0]);
      if (c >= rem) {
        break;
      }
      rem -= c;
      counted.add(new LocalDate[] {pos, m[0]});
      if (m[1].equals(LocalDate.MAX)) {
        frozenAt = m[0];
        break;
      }
      closedStops.add(m);
      pos = m[1];
    }
    LocalDate due = null;
    if (frozenAt == null) {
      due = calendar.addWorkingDays(pos, rem);
      counted.add(new LocalDate[] {pos, due});
    }
    LocalDate end = due != null ? due : frozenAt;

    List<Line> lines = new ArrayList<>();
    for (Holiday h : calendar.holidaysBetween(start.plusDays(1), end)) {
      boolean matters =
          calendar.daysOffBetween(h.from(), h.to()).keySet().stream()
              .anyMatch(d -> isWeekday(d) && inAny(d, counted));
      if (matters) {
        lines.add(new Line(h.from(), h.name() + "休息 " + range(h.from(), h.to()) + "，不计入"));
      }
    }
    if (end.isAfter(start)) {
      for (LocalDate d : calendar.makeUpWorkingDaysBetween(start.plusDays(1), end)) {
        if (inAny(d, counted)) {
          lines.add(new Line(d, day(d) + " 调休上班，计入"));
        }
      }
    }
    LocalDate coveredUntil = start;
    boolean anyStop = false;
    for (Suspension s : sorted) {
      String what =
          s.kind().label() + " " + (s.open() ? day(s.from()) + " 起尚未结束" : range(s.from(), s.to()));
      LocalDate a = s.from().isBefore(coveredUntil) ? coveredUntil : s.from();
      LocalDate b = s.open() ? LocalDate.MAX : s.to();
      String text;
      if (!b.isAfter(start)) {
        text = what + "，在答复期限起算之前，不影响期限";
      } else if (due != null && !a.isBefore(due)) {
        text = what + "，在期限最后一日或之后开始，不影响期限";
      } else if (!b.isAfter(a)) {
        text = what + "，与前述中止期间重叠，不再重复扣除";
      } else {
        anyStop = true;
        String overlap = a.isAfter(s.from()) && a.isAfter(start) ? "；与前述中止期间重叠的部分只计一次" : "";
        text =
            s.open()
                ? what + "，期限暂停计算（" + s.kind().basis() + "）" + overlap
                : what
                    + " 期间不计入，扣除 "
                    + calendar.workingDaysBetween(a, b)
                    + " 个工作日（"
                    + s.kind().basis()
                    + "）"
                    + overlap;
      }
      lines.add(new Line(s.from(), text));
      if (b.isAfter(coveredUntil)) {
        coveredUntil = b;
      }
    }
    lines.sort(Comparator.comparing(Line::on));

    List<String> explanation = new ArrayList<>(head);
    lines.forEach(l -> explanation.add(l.text()));
    if (due != null) {
      explanation.add(
          (anyStop ? "扣除不计入的期间后，" : "") + "第" + total + "个工作日为 " + day(due) + "，" + dueWording);
    } else {
      explanation.add(
          "期限暂停计算：截至 "
              + day(frozenAt)
              + " 已用 "
              + (total - rem)
              + " 个工作日，尚余 "
              + rem
              + " 个工作日，中止结束后自次日起继续计算");
    }

    SortedSet<Integer> uncovered =
        calendar.uncoveredYears(receivedOn, end.isBefore(receivedOn) ? receivedOn : end);
    List<String> warnings = new ArrayList<>();
    if (!uncovered.isEmpty()) {
      warnings.add(
          uncovered.stream().map(y -> y + "年").collect(Collectors.joining("、"))
              + "的节假日安排尚未录入本系统，已按周一至周五计算工作日，期限可能不准确；请系统管理员录入国务院办公厅放假通知后核对");
    }
    return new DeadlineResult(
        due,
        due == null ? rem : null,
        frozenAt,
        total,
        explanation,
        warnings,
        uncovered,
        calendar,
        start,
        closedStops);
  }

  private static boolean inAny(LocalDate d, List<LocalDate[]> segments) {
    for (LocalDate[] s : segments) {
      if (d.isAfter(s[0]) && !d.isAfter(s[1])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWeekday(LocalDate d) {
    return !YearNotice.isWeekend(d);
  }

  static String day(LocalDate d) {
    return d + "（" + YearNotice.weekday(d) + "）";
  }

  static String range(LocalDate from, LocalDate to) {
    if (from.equals(to)) {
      return from.toString();
    }
    String t = to.getYear() == from.getYear() ? to.toString().substring(5) : to.toString();
    return from + "至" + t;
  }
}
