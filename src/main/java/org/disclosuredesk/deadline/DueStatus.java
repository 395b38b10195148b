package org.disclosuredesk.deadline;

import java.time.LocalDate;

/**
 * How a statutory due date stands today, in the words a reviewer reads on a task ("法定期限
 * 2026-12-30，剩 7 个工作日").
 *
 * @param urgency for the marks and the 即将到期 / 已逾期 filters
 * @param dueOn the due date in force, null while the clock does not run
 * @param workingDaysLeft working days after today up to the due date (0 on the day, negative once
 *     overdue); while the clock stands still, what will be left when it runs again
 * @param text the line shown in Tasklist
 */
public record DueStatus(Urgency urgency, LocalDate dueOn, Integer workingDaysLeft, String text) {

  /** Same horizon as the first reminder ("期满前5个工作日提醒" in the request process). */
  public static final int DUE_SOON_WORKING_DAYS = 5;

  public enum Urgency {
    /** past the due date (the day after it: 逾期) */
    OVERDUE,
    /** due today or within {@value DueStatus#DUE_SOON_WORKING_DAYS} working days */
    DUE_SOON,
    ON_TRACK,
    /** a consultation or fee notice stops the clock (第三十二条, 第四十二条; DOMAIN.md §5) */
    PAUSED,
    /** waiting for a supplement: the period restarts when it arrives (第三十条) */
    NOT_STARTED
  }

  /** A running clock: {@code label} names the period, e.g. 法定期限 or 答复期限. */
  public static DueStatus running(String label, LocalDate dueOn, int workingDaysLeft) {
    Urgency u =
        workingDaysLeft < 0
            ? Urgency.OVERDUE
            : workingDaysLeft <= DUE_SOON_WORKING_DAYS ? Urgency.DUE_SOON : Urgency.ON_TRACK;
    String left =
        workingDaysLeft < 0
            ? "已逾期 " + -workingDaysLeft + " 个工作日"
            : workingDaysLeft == 0 ? "今日到期" : "剩 " + workingDaysLeft + " 个工作日";
    return new DueStatus(u, dueOn, workingDaysLeft, label + " " + dueOn + "，" + left);
  }

  /** The clock stands still; {@code workingDaysLeft} will be left when it runs again. */
  public static DueStatus paused(int workingDaysLeft) {
    return new DueStatus(
        Urgency.PAUSED, null, workingDaysLeft, "计时暂停（征求意见或缴费期间），恢复后剩 " + workingDaysLeft + " 个工作日");
  }

  /** Waiting for a supplement: the whole period starts again from the day it arrives. */
  public static DueStatus awaitingSupplement(LocalDate supplementDueOn, int periodWorkingDays) {
    return new DueStatus(
        Urgency.NOT_STARTED,
        null,
        periodWorkingDays,
        "等待补正"
            + (supplementDueOn == null ? "" : "（补正期限 " + supplementDueOn + "）")
            + "，收到补正后重新计算 "
            + periodWorkingDays
            + " 个工作日");
  }
}
