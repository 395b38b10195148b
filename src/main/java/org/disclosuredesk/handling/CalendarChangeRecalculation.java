package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.calendar.CalendarChangedEvent;
import org.disclosuredesk.deadline.CalendarImpact;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the holiday calendar changes, every open request's due date, its tasks' due dates, its
 * reminder timers and the expiry timers of open consultations and fee notices are recomputed, and
 * each change is recorded on the request. Idempotent: every node reacts to the change, only the
 * first finds anything to move. What a calendar not yet saved would move is {@link #change} on its
 * calculator too (the admin's preview), so the two cannot differ.
 */
@Component
public class CalendarChangeRecalculation implements CalendarImpact {

  private static final Logger log = LoggerFactory.getLogger(CalendarChangeRecalculation.class);

  /**
   * An open request whose dates a calendar moves: its reply due date, and the open periods counted
   * in working days.
   */
  /**
   * {@code statusLabel}: the status as staff read it (初审, 办理中 …), for the calendar page's preview.
   */
  public record DueDateChange(
      String requestId,
      String trackingNumber,
      String status,
      String statusLabel,
      LocalDate dueOnBefore,
      LocalDate dueOnAfter,
      List<PeriodChange> periods) {}

  /**
   * The last day to answer an open consultation ({@code CONSULTATION}) or to pay a fee notice
   * ({@code FEE_NOTICE}).
   */
  public record PeriodChange(
      String kind, String id, LocalDate lastDayBefore, LocalDate lastDayAfter) {}

  /**
   * Open consultations (15 WD) and fee notices (20 WD) count working days too; their expiry timers
   * move with them.
   */
  private record Period(
      String kind,
      String taskKey,
      Function<String, List<OpenPeriod>> open,
      BiConsumer<String, LocalDate> moveLastDay,
      BiFunction<DeadlineCalculator, LocalDate, LocalDate> lastDayAfterDelivery) {}

  /** The history's details (dd_event): the due dates as text, "null" while the clock stands. */
  record Recomputed(int calendarRevision, String previousDueOn, String dueOn) {}

  private final List<Period> periods;
  private final RequestRepository requests;
  private final RequestDeadlines deadlines;
  private final RequestEvents events;
  private final TaskService tasks;
  private final ManagementService management;
  private final TaskDates dates;
  private final TransactionTemplate tx;

  public CalendarChangeRecalculation(
      ConsultationRepository consultations,
      FeeNoticeRepository fees,
      RequestRepository requests,
      RequestDeadlines deadlines,
      RequestEvents events,
      TaskService tasks,
      ManagementService management,
      TaskDates dates,
      TransactionTemplate tx) {
    this.periods =
        List.of(
            new Period(
                "CONSULTATION",
                "RecordConsultationReply",
                consultations::openPeriods,
                consultations::moveLastDay,
                DeadlineCalculator::consultationAnswerLimit),
            new Period(
                "FEE_NOTICE",
                "RecordFeePayment",
                fees::openPeriods,
                fees::moveLastDay,
                DeadlineCalculator::feePaymentLimit));
    this.requests = requests;
    this.deadlines = deadlines;
    this.events = events;
    this.tasks = tasks;
    this.management = management;
    this.dates = dates;
    this.tx = tx;
  }

  @EventListener
  public void calendarChanged(CalendarChangedEvent change) {
    List<String> open = requests.openIds();
    int moved = 0;
    for (String id : open) {
      Boolean changed = tx.execute(s -> recompute(id, change.revision()));
      moved += Boolean.TRUE.equals(changed) ? 1 : 0;
    }
    log.info(
        "calendar revision {}: {} of {} open requests got a new due date",
        change.revision(),
        moved,
        open.size());
  }

  @Override
  public Kind kind() {
    return Kind.REQUESTS;
  }

  /** The open requests {@code proposed} would move, in the order the recalculation takes them. */
  @Override
  public List<DueDateChange> wouldMove(DeadlineCalculator proposed) {
    List<DueDateChange> out = new ArrayList<>();
    for (String id : requests.openIds()) {
      requests
          .find(id)
          .filter(row -> !row.concluded())
          .map(row -> change(row, proposed))
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * What the calendar of {@code calc} moves on this open request, or null if nothing: the one
   * calculation behind both the recalculation and the preview. Reads, never writes.
   */
  DueDateChange change(RequestRow row, DeadlineCalculator calc) {
    LocalDate after = deadlines.dueDates(row, calc).dueOn();
    List<PeriodChange> moved = new ArrayList<>();
    for (Period p : periods) {
      for (OpenPeriod open : p.open().apply(row.id())) {
        LocalDate now = p.lastDayAfterDelivery().apply(calc, open.deliveredOn());
        if (!now.equals(open.lastDay())) {
          moved.add(new PeriodChange(p.kind(), open.id(), open.lastDay(), now));
        }
      }
    }
    if (Objects.equals(row.dueOn(), after) && moved.isEmpty()) {
      return null;
    }
    return new DueDateChange(
        row.id(),
        row.trackingNumber(),
        row.status(),
        org.disclosuredesk.kernel.RequestStatus.labelOf(row.status()),
        row.dueOn(),
        after,
        List.copyOf(moved));
  }

  boolean recompute(String requestId, int revision) {
    RequestRow before = requests.lock(requestId);
    if (before.concluded()) {
      return false;
    }
    DeadlineCalculator calc = deadlines.calculator();
    DueDateChange change = change(before, calc);
    deadlines.refresh(
        requestId, calc); // also when nothing moved: the tasks and reminders follow the row
    if (change == null) {
      return false;
    }
    for (PeriodChange p : change.periods()) {
      Period period =
          periods.stream().filter(x -> x.kind().equals(p.kind())).findFirst().orElseThrow();
      period.moveLastDay().accept(p.id(), p.lastDayAfter());
      moveTimer(before, period.taskKey(), p.id(), p.lastDayAfter());
    }
    events.record(
        requestId,
        "DUE_DATE_RECOMPUTED",
        "system",
        new Recomputed(
            revision, String.valueOf(change.dueOnBefore()), String.valueOf(change.dueOnAfter())));
    return true;
  }

  private void moveTimer(RequestRow row, String taskKey, String sourceId, LocalDate lastDay) {
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceId(row.processInstanceId())
            .taskDefinitionKey(taskKey)
            .list()) {
      if (sourceId.equals(tasks.getVariableLocal(t.getId(), TaskDates.SOURCE_ID))) {
        t.setFollowUpDate(dates.due(lastDay));
        tasks.saveTask(t);
        for (Job job :
            management.createJobQuery().executionId(t.getExecutionId()).timers().list()) {
          management.setJobDuedate(job.getId(), dates.expiry(lastDay));
        }
      }
    }
  }
}
