package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.deadline.DeadlineFacts;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Extension (Art. 33 ¶2): at most 20 working days, once, approved by the office head on or before
 * the due date in force, and the applicant is told. Also the Art. 35 longer period for excessive
 * requests.
 */
@Service
public class Extensions {

  public static final List<String> FIELDS = List.of("requestedOn", "workingDays", "reason");

  /** An extension waiting for the office head's approval. */
  public record Pending(String id, LocalDate requestedOn, int workingDays, String reason) {}

  /**
   * An approved extension: how long, why, and when it was approved (letters, the ledger's export).
   */
  public record Approved(String requestId, int workingDays, String reason, LocalDate decidedOn) {}

  /**
   * The history's details of each step (dd_event); {@code dueOn} as the due date then in force,
   * "null" if none.
   */
  record Requested(LocalDate requestedOn, int workingDays, String reason) {}

  record Refused(LocalDate decidedOn) {}

  record Granted(LocalDate decidedOn, int workingDays, String dueOn) {}

  record LongerPeriod(LocalDate decidedOn, int workingDays, String reason, String dueOn) {}

  private final ExtensionRepository extensions;
  private final RequestRepository requests;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final RequestDeadlines deadlines;
  private final Mailer mailer;

  public Extensions(
      ExtensionRepository extensions,
      RequestRepository requests,
      RequestEvents events,
      BusinessClock clock,
      RequestDeadlines deadlines,
      Mailer mailer) {
    this.extensions = extensions;
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    this.deadlines = deadlines;
    this.mailer = mailer;
  }

  public void request(RequestRow row, StepInput in, String actor) {
    LocalDate requestedOn =
        in.pastDate("requestedOn", true, clock.today(), row.receivedOn(), "收到申请之日");
    Integer days = in.integer("workingDays", true, 1, DeadlineFacts.MAX_EXTENSION);
    String reason = in.text("reason", true, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    // a refused extension does not use up the one extension Art. 33 allows; an approved or pending
    // one does
    if (row.extended() || extensions.pendingOrApproved(row.id())) {
      throw new ConflictException("延期答复只能申请一次（第三十三条第二款）");
    }
    extensions.insertPending(row.id(), requestedOn, days, reason);
    events.record(row.id(), "EXTENSION_REQUESTED", actor, new Requested(requestedOn, days, reason));
  }

  public void decide(RequestRow row, StepInput in, String actor) {
    Boolean approved = in.bool("approved", true);
    Pending ext =
        extensions.pending(row.id()).orElseThrow(() -> new ConflictException("没有待审批的延期申请"));
    LocalDate decidedOn =
        in.pastDate("decidedOn", true, clock.today(), ext.requestedOn(), "延期申请日期");
    in.errors().throwIfAny();
    int days = ext.workingDays();
    if (approved && row.dueOn() != null && decidedOn.isAfter(row.dueOn())) {
      throw new ConflictException("批准日期晚于现行答复期限（" + row.dueOn() + "），已不能延期（第三十三条第二款）");
    }
    extensions.decide(ext.id(), approved, decidedOn, actor);
    if (!approved) {
      events.record(row.id(), "EXTENSION_REFUSED", actor, new Refused(decidedOn));
      return;
    }
    requests.update(row.id(), "extension_working_days", days);
    deadlines.refresh(row.id());
    RequestRow now = requests.get(row.id());
    events.record(
        row.id(),
        "EXTENSION_APPROVED",
        actor,
        new Granted(decidedOn, days, String.valueOf(now.dueOn())));
    if (row.applicantEmail() != null) {
      mailer.queue(
          row.id(),
          "EXTENSION_NOTICE",
          row.applicantEmail(),
          "延期答复告知：" + row.trackingNumber(),
          "extension-notice",
          new PeriodMail(now, ext.reason(), days, String.valueOf(now.dueOn())),
          List.of());
    }
  }

  /**
   * Art. 35: a longer reasonable period for requests clearly beyond a reasonable number or
   * frequency. Our reading: {@code workingDays} is the new total reply period counted from receipt
   * (replacing the 20), so it must exceed 20.
   */
  public void customPeriod(RequestRow row, StepInput in, String actor) {
    LocalDate decidedOn = in.pastDate("decidedOn", true, clock.today(), row.receivedOn(), "收到申请之日");
    Integer days = in.integer("workingDays", true, DeadlineFacts.REPLY_PERIOD + 1, 1000);
    String reason = in.text("reason", true, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    if (row.concluded()) {
      throw new ConflictException("申请已办结");
    }
    Columns cols = new Columns();
    cols.set("period_working_days", days);
    cols.set("custom_period_reason", reason);
    requests.update(row.id(), cols);
    deadlines.refresh(row.id());
    RequestRow now = requests.get(row.id());
    events.record(
        row.id(),
        "CUSTOM_PERIOD",
        actor,
        new LongerPeriod(decidedOn, days, reason, String.valueOf(now.dueOn())));
    if (row.applicantEmail() != null) {
      mailer.queue(
          row.id(),
          "CUSTOM_PERIOD_NOTICE",
          row.applicantEmail(),
          "延迟答复告知：" + row.trackingNumber(),
          "custom-period-notice",
          new PeriodMail(now, reason, days, String.valueOf(now.dueOn())),
          List.of());
    }
  }

  /** The approved extensions of these requests, the latest decision first. */
  public List<Approved> approved(java.util.Collection<String> requestIds) {
    return extensions.approved(requestIds);
  }

  /**
   * The extension and longer-period notices' model (mail/extension-notice, custom-period-notice).
   */
  public record PeriodMail(RequestRow request, String reason, int workingDays, String dueOn) {}
}
