package org.disclosuredesk.handling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * 补正 (Art. 30): one notice within 7 working days; the clock restarts when the supplement arrives.
 */
@Service
public class Supplements {

  public static final List<String> FIELDS = List.of("noticeOn", "supplementDueOn", "items");
  public static final String EXPIRES_AT = "supplementExpiresAt";

  /**
   * The history's details of each step (dd_event); {@code warning} only for a notice after the Art.
   * 30 limit.
   */
  record Requested(
      LocalDate noticeOn,
      LocalDate supplementDueOn,
      String items,
      @JsonInclude(Include.NON_NULL) String warning) {}

  record Received(LocalDate receivedOn) {}

  record Expired(LocalDate supplementDueOn) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final RequestDeadlines deadlines;
  private final TaskDates dates;
  private final Mailer mailer;

  public Supplements(
      RequestRepository requests,
      RequestEvents events,
      BusinessClock clock,
      RequestDeadlines deadlines,
      TaskDates dates,
      Mailer mailer) {
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    this.deadlines = deadlines;
    this.dates = dates;
    this.mailer = mailer;
  }

  /** The reviewer asks for a supplement: the reply clock waits until it arrives. */
  public void request(RequestRow row, StepInput in, String actor, VariableScope process) {
    LocalDate noticeOn = in.pastDate("noticeOn", true, clock.today(), row.receivedOn(), "收到申请之日");
    LocalDate dueOn = in.date("supplementDueOn", true);
    String items = in.text("items", true, StepInput.TEXT_MAX);
    if (noticeOn != null && dueOn != null && !dueOn.isAfter(noticeOn)) {
      in.errors().add("supplementDueOn", "补正期限应晚于告知日期");
    }
    in.errors().throwIfAny();
    if (row.supplementNoticeOn() != null) {
      throw new ConflictException("补正只能要求一次（第三十条）");
    }
    DeadlineCalculator calc = deadlines.calculator();
    LocalDate limit = calc.supplementNoticeLimit(row.receivedOn());
    Columns cols = new Columns();
    cols.set("supplement_notice_on", noticeOn);
    cols.set("supplement_due_on", dueOn);
    cols.set("supplement_items", items);
    cols.set("status", RequestStatus.AWAITING_SUPPLEMENT.name());
    requests.update(row.id(), cols);
    events.record(
        row.id(),
        "SUPPLEMENT_REQUESTED",
        actor,
        new Requested(noticeOn, dueOn, items, noticeOn.isAfter(limit) ? lateNotice(limit) : null));
    deadlines.refresh(row.id());
    process.setVariable(EXPIRES_AT, dates.expiry(dueOn));
    if (row.applicantEmail() != null) {
      mailer.queue(
          row.id(),
          "SUPPLEMENT_NOTICE",
          row.applicantEmail(),
          "补正申请告知：" + row.trackingNumber(),
          "supplement-notice",
          new SupplementMail(row, items, dueOn),
          List.of());
    }
  }

  /** Warning text for a notice sent after the Art. 30 limit (accepted, but flagged). */
  public static String lateNotice(LocalDate limit) {
    return "补正告知晚于收到申请后7个工作日（应不迟于 " + limit + "，第三十条）";
  }

  /**
   * The clerk records the supplement: back to screening, the 20 working days start again (Art. 30).
   */
  public void received(RequestRow row, StepInput in, String actor) {
    LocalDate on =
        in.pastDate("receivedOn", true, clock.today(), row.supplementNoticeOn(), "补正告知日期");
    in.errors().throwIfAny();
    if (on.isAfter(row.supplementDueOn())) {
      throw new ConflictException("补正期限（" + row.supplementDueOn() + "）已过，不能再登记补正");
    }
    Columns cols = new Columns();
    cols.set("supplement_received_on", on);
    cols.set("clock_start_on", on);
    cols.set("status", RequestStatus.SCREENING.name());
    requests.update(row.id(), cols);
    events.record(row.id(), "SUPPLEMENT_RECEIVED", actor, new Received(on));
    deadlines.refresh(row.id());
  }

  /** The period ran out: deemed abandoned, concluded the day after its last day. */
  public void expired(RequestRow row) {
    LocalDate concluded = DeadlineCalculator.expiryConclusionDate(row.supplementDueOn());
    Columns cols = new Columns();
    cols.set("outcome", Outcome.OTHER_NO_SUPPLEMENT.name());
    cols.set("decided_on", concluded);
    cols.set("outcome_reason", "申请人逾期未补正，视为放弃申请（第三十条）");
    requests.update(row.id(), cols);
    events.record(row.id(), "SUPPLEMENT_EXPIRED", "system", new Expired(row.supplementDueOn()));
  }

  /** The supplement notice's model (mail/supplement-notice.mustache). */
  public record SupplementMail(RequestRow request, String items, LocalDate dueOn) {}
}
