package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.deadline.CalendarChangedEvent;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.intake.RequestEvents;
import org.disclosuredesk.intake.RequestRepository;
import org.disclosuredesk.intake.RequestRow;
import org.disclosuredesk.process.TaskDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the holiday calendar changes, every open request's due date, its tasks' due dates, its reminder timers and
 * the expiry timers of open consultations and fee notices are recomputed, and each change is recorded on the
 * request. Idempotent: every node reacts to the change, only the first finds anything to move.
 */
@Component
public class CalendarChangeRecalculation {

  private static final Logger log = LoggerFactory.getLogger(CalendarChangeRecalculation.class);

  private final JdbcClient jdbc;
  private final RequestRepository requests;
  private final RequestDeadlines deadlines;
  private final RequestEvents events;
  private final TaskService tasks;
  private final ManagementService management;
  private final TaskDates dates;
  private final TransactionTemplate tx;

  public CalendarChangeRecalculation(JdbcClient jdbc, RequestRepository requests, RequestDeadlines deadlines,
      RequestEvents events, TaskService tasks, ManagementService management, TaskDates dates,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
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
    List<String> open = jdbc.sql("SELECT id FROM dd_request WHERE " + RequestRepository.OPEN).query(String.class).list();
    int moved = 0;
    for (String id : open) {
      Boolean changed = tx.execute(s -> recompute(id, change.revision()));
      moved += Boolean.TRUE.equals(changed) ? 1 : 0;
    }
    log.info("calendar revision {}: {} of {} open requests got a new due date", change.revision(), moved,
        open.size());
  }

  boolean recompute(String requestId, int revision) {
    RequestRow before = requests.lock(requestId);
    if (before.concluded()) {
      return false;
    }
    deadlines.refresh(requestId);
    RequestRow after = requests.get(requestId);
    boolean periods = movePeriods(after);
    if (Objects.equals(before.dueOn(), after.dueOn()) && !periods) {
      return false;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("calendarRevision", revision);
    details.put("previousDueOn", String.valueOf(before.dueOn()));
    details.put("dueOn", String.valueOf(after.dueOn()));
    events.record(requestId, "DUE_DATE_RECOMPUTED", "system", details);
    return true;
  }

  /** Open consultations (15 WD) and fee notices (20 WD) count working days too. */
  private boolean movePeriods(RequestRow row) {
    DeadlineCalculator calc = deadlines.calculator();
    boolean consultations = movePeriod(row, "dd_consultation", "answer_due_on", "RecordConsultationReply",
        calc::consultationAnswerLimit);
    boolean fees = movePeriod(row, "dd_fee_notice", "payment_due_on", "RecordFeePayment", calc::feePaymentLimit);
    return consultations || fees;
  }

  private boolean movePeriod(RequestRow row, String table, String lastDayColumn, String taskKey,
      java.util.function.UnaryOperator<LocalDate> lastDayAfterDelivery) {
    boolean moved = false;
    for (var open : jdbc.sql("SELECT id, delivered_on, " + lastDayColumn + " AS last_day FROM " + table
        + " WHERE request_id = ? AND status = 'OPEN'").param(row.id()).query().listOfRows()) {
      LocalDate now = lastDayAfterDelivery.apply(toDate(value(open, "delivered_on")));
      if (!now.equals(toDate(value(open, "last_day")))) {
        String id = (String) value(open, "id");
        jdbc.sql("UPDATE " + table + " SET " + lastDayColumn + " = ? WHERE id = ?").params(now, id).update();
        moveTimer(row, taskKey, id, now);
        moved = true;
      }
    }
    return moved;
  }

  private void moveTimer(RequestRow row, String taskKey, String sourceId, LocalDate lastDay) {
    for (Task t : tasks.createTaskQuery().processInstanceId(row.processInstanceId()).taskDefinitionKey(taskKey)
        .list()) {
      if (sourceId.equals(tasks.getVariableLocal(t.getId(), TaskDates.SOURCE_ID))) {
        t.setFollowUpDate(dates.due(lastDay));
        tasks.saveTask(t);
        for (Job job : management.createJobQuery().executionId(t.getExecutionId()).timers().list()) {
          management.setJobDuedate(job.getId(), dates.expiry(lastDay));
        }
      }
    }
  }

  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
  }

  private static LocalDate toDate(Object v) {
    return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
  }
}
