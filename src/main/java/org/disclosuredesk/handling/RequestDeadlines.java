package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.deadline.DeadlineFacts;
import org.disclosuredesk.deadline.DeadlineResult;
import org.disclosuredesk.deadline.DueStatus;
import org.disclosuredesk.deadline.Suspension;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * The request's statutory due date, always recomputed from its facts (receipt, supplement restart,
 * stops, extension, Art. 35 period) so it can be explained line by line, and pushed to the
 * process's tasks and timers.
 */
@Service
public class RequestDeadlines {

  public static final int REPLY_WORKING_DAYS = DeadlineFacts.REPLY_PERIOD;

  private final RequestRepository requests;
  private final SuspensionRepository stops;
  private final CalendarService calendars;
  private final DeadlineTimers timers;

  public RequestDeadlines(
      RequestRepository requests,
      SuspensionRepository stops,
      CalendarService calendars,
      DeadlineTimers timers) {
    this.requests = requests;
    this.stops = stops;
    this.calendars = calendars;
    this.timers = timers;
  }

  public DeadlineCalculator calculator() {
    return calendars.calculator();
  }

  /**
   * The due date in force and its explanation; while waiting for a supplement the clock has not
   * started.
   */
  public DeadlineResult compute(RequestRow row) {
    return calculator().replyDue(facts(row, row.extensionWorkingDays()));
  }

  public boolean awaitingSupplement(RequestRow row) {
    return row.statusCode() == RequestStatus.AWAITING_SUPPLEMENT;
  }

  /**
   * Working days left after {@code today} up to the due date (negative once overdue); while the
   * clock stands still, what will be left when it runs again; while waiting for a supplement, the
   * whole period (第三十条). Null once concluded.
   */
  public Integer remainingWorkingDays(RequestRow row, DeadlineResult deadline, LocalDate today) {
    if (row.concluded()) {
      return null;
    }
    if (awaitingSupplement(row)) {
      return row.periodWorkingDays() + row.extensionWorkingDays();
    }
    return deadline.dueOn() == null
        ? deadline.remainingWorkingDays()
        : deadline.remainingWorkingDaysAsOf(today);
  }

  /**
   * How the request's statutory due date stands today, as Tasklist shows it; null once concluded.
   */
  public DueStatus status(RequestRow row, LocalDate today) {
    DeadlineResult deadline = compute(row);
    Integer left = remainingWorkingDays(row, deadline, today);
    if (left == null) {
      return null;
    }
    if (awaitingSupplement(row)) {
      return DueStatus.awaitingSupplement(row.supplementDueOn(), left);
    }
    return deadline.dueOn() == null
        ? DueStatus.paused(left)
        : DueStatus.running("法定期限", deadline.dueOn(), left);
  }

  /**
   * What the row's {@code due_on} and {@code original_due_on} are on {@code calc}: the due date in
   * force (null while waiting for a supplement) and the one before any extension. Reads, never
   * writes.
   */
  public record DueDates(LocalDate dueOn, LocalDate originalDueOn, DeadlineResult result) {}

  public DueDates dueDates(RequestRow row, DeadlineCalculator calc) {
    DeadlineResult now = calc.replyDue(facts(row, row.extensionWorkingDays()));
    LocalDate due = awaitingSupplement(row) ? null : now.dueOn();
    LocalDate original =
        row.extensionWorkingDays() == 0 ? now.dueOn() : calc.replyDue(facts(row, 0)).dueOn();
    return new DueDates(due, original, now);
  }

  /**
   * Recomputes and stores the due date, then moves the tasks' due dates and the reminder timers.
   */
  public DeadlineResult refresh(String requestId) {
    return refresh(requestId, calculator());
  }

  /** As {@link #refresh(String)}, on the calculator the caller already counted with. */
  public DeadlineResult refresh(String requestId, DeadlineCalculator calc) {
    RequestRow row = requests.get(requestId);
    DueDates dates = dueDates(row, calc);
    Columns cols = new Columns();
    cols.set("due_on", dates.dueOn());
    cols.set("original_due_on", dates.originalDueOn());
    if (!java.util.Objects.equals(dates.dueOn(), row.dueOn())
        || !java.util.Objects.equals(dates.originalDueOn(), row.originalDueOn())) {
      requests.update(requestId, cols);
    }
    if (!row.concluded()) {
      timers.sync(requests.get(requestId));
    }
    return dates.result();
  }

  private DeadlineFacts facts(RequestRow row, int extension) {
    return new DeadlineFacts(
        row.receivedOn(),
        Channel.valueOf(row.channel()).label(),
        row.clockStartOn() == null ? row.receivedOn() : row.clockStartOn(),
        row.periodWorkingDays(),
        suspensions(row.id()),
        extension);
  }

  public List<Suspension> suspensions(String requestId) {
    return stops.of(requestId);
  }
}
