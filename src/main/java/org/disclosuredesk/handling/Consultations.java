package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.deadline.SuspensionKind;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Consulting a third party (Art. 32) or another agency (Art. 33, 34): 15 working days to answer,
 * and the time from sending to the answer (or the expiry) is not counted in the reply period.
 */
@Service
public class Consultations {

  public static final List<String> FIELDS =
      List.of("consultationId", "consultationKind", "party", "sentOn", "deliveredOn");
  public static final String EXPIRES_AT = "answerExpiresAt";

  public enum Kind {
    THIRD_PARTY,
    AGENCY
  }

  public enum Opinion {
    AGREE,
    OBJECT,
    NONE
  }

  public record Consultation(
      String id,
      String requestId,
      String kind,
      String party,
      LocalDate sentOn,
      LocalDate deliveredOn,
      LocalDate answerDueOn,
      LocalDate repliedOn,
      String opinion,
      String status) {

    /** Neither answered nor expired. */
    public boolean open() {
      return "OPEN".equals(status);
    }
  }

  /** The history's details of each step (dd_event). */
  record Sent(
      String consultationId, String kind, String party, LocalDate sentOn, LocalDate answerDueOn) {}

  record Answered(String consultationId, LocalDate repliedOn, String opinion) {}

  record Expired(String consultationId, LocalDate answerDueOn) {}

  private final ConsultationRepository consultations;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final RequestDeadlines deadlines;
  private final Stops stops;
  private final TaskDates dates;

  public Consultations(
      ConsultationRepository consultations,
      RequestEvents events,
      BusinessClock clock,
      RequestDeadlines deadlines,
      Stops stops,
      TaskDates dates) {
    this.consultations = consultations;
    this.events = events;
    this.clock = clock;
    this.deadlines = deadlines;
    this.stops = stops;
    this.dates = dates;
  }

  public void open(RequestRow row, StepInput in, String actor, VariableScope process) {
    Kind kind = in.code("consultationKind", Kind.class, true);
    String party = in.text("party", true, 200);
    LocalDate sentOn = in.pastDate("sentOn", true, clock.today(), row.clockStartOn(), "收到申请之日");
    LocalDate deliveredOn =
        in.present("deliveredOn")
            ? in.pastDate("deliveredOn", false, clock.today(), sentOn, "发出日期")
            : sentOn;
    String id = in.text("consultationId", false, 36);
    in.errors().throwIfAny();
    id = id == null ? UUID.randomUUID().toString() : id;
    LocalDate answerDue = deadlines.calculator().consultationAnswerLimit(deliveredOn);
    consultations.insertOpen(id, row.id(), kind.name(), party, sentOn, deliveredOn, answerDue);
    stops.open(
        row.id(),
        kind == Kind.THIRD_PARTY
            ? SuspensionKind.THIRD_PARTY_CONSULTATION
            : SuspensionKind.AGENCY_CONSULTATION,
        sentOn,
        id);
    events.record(
        row.id(), "CONSULTATION_SENT", actor, new Sent(id, kind.name(), party, sentOn, answerDue));
    deadlines.refresh(row.id());
    dates.openPeriod(process, EXPIRES_AT, answerDue, id);
  }

  /**
   * The clerk records the answer. The stop ends on the answer day, but never after the period's
   * last day: a late answer does not buy the agency more time (DOMAIN.md §3: "to answer (or to
   * expiry)").
   */
  public void replied(RequestRow row, String consultationId, StepInput in, String actor) {
    Consultation c = get(row.id(), consultationId);
    LocalDate repliedOn = in.pastDate("repliedOn", true, clock.today(), c.sentOn(), "征求意见发出日期");
    Opinion opinion = in.code("opinion", Opinion.class, true);
    in.errors().throwIfAny();
    if (!c.open()) {
      throw new ConflictException("该征求意见已经结束");
    }
    LocalDate stopEnd = repliedOn.isAfter(c.answerDueOn()) ? c.answerDueOn() : repliedOn;
    consultations.answered(c.id(), repliedOn, opinion.name());
    stops.close(c.id(), stopEnd);
    events.record(
        row.id(), "CONSULTATION_ANSWERED", actor, new Answered(c.id(), repliedOn, opinion.name()));
    deadlines.refresh(row.id());
    stops.afterClosing(row.id());
  }

  /**
   * No answer within 15 working days: a third party is taken to have no opinion, an agency to
   * agree.
   */
  public void expired(RequestRow row, String consultationId) {
    Consultation c = get(row.id(), consultationId);
    if (!c.open()) {
      return;
    }
    consultations.expired(c.id());
    stops.close(c.id(), c.answerDueOn());
    events.record(row.id(), "CONSULTATION_EXPIRED", "system", new Expired(c.id(), c.answerDueOn()));
    deadlines.refresh(row.id());
    stops.afterClosing(row.id());
  }

  public Consultation get(String requestId, String id) {
    return consultations
        .find(requestId, id)
        .orElseThrow(() -> new NotFoundException("没有这个征求意见：" + id));
  }

  public List<Consultation> list(String requestId) {
    return consultations.of(requestId);
  }
}
