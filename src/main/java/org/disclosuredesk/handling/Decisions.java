package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.intake.DeliveryChannel;
import org.disclosuredesk.intake.RequestEvents;
import org.disclosuredesk.intake.RequestRepository;
import org.disclosuredesk.intake.RequestRow;
import org.disclosuredesk.process.RequestStatusService;
import org.disclosuredesk.process.StepInput;
import org.springframework.stereotype.Service;

/** The decision (决定) with its extra fields (DOMAIN.md §5), and the office head's sign-off of refusals. */
@Service
public class Decisions {

  public static final List<String> FIELDS = List.of("outcome", "decidedOn", "deliveryMethod", "reason",
      "alreadyPublic", "thirdPartyInterest", "notHeldReason", "responsibleAgency", "relatedRequestId",
      "relatedReference", "reviewedBy", "reviewedOn");

  private final RequestRepository requests;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final RequestStatusService status;

  public Decisions(RequestRepository requests, RequestEvents events, BusinessClock clock,
      RequestStatusService status) {
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    this.status = status;
  }

  /** Records the decision; answers whether the office head must sign it off first. */
  public boolean record(RequestRow row, StepInput in, String actor) {
    LocalDate today = clock.today();
    Outcome outcome = in.code("outcome", Outcome.class, true);
    LocalDate decidedOn = in.pastDate("decidedOn", true, today, row.clockStartOn(), "收到申请（或补正）之日");
    DeliveryChannel delivery = in.code("deliveryMethod", DeliveryChannel.class, false);
    String reason = in.text("reason", outcome == Outcome.OTHER, StepInput.TEXT_MAX);
    Boolean alreadyPublic = in.bool("alreadyPublic", false);
    ThirdPartyInterest interest = in.code("thirdPartyInterest", ThirdPartyInterest.class,
        outcome == Outcome.WITHHELD_THIRD_PARTY_RIGHTS);
    NotHeldReason notHeld = in.code("notHeldReason", NotHeldReason.class, outcome == Outcome.UNAVAILABLE_NOT_HELD);
    String agency = in.text("responsibleAgency", notHeld == NotHeldReason.OTHER_AGENCY, 200);
    String relatedId = in.text("relatedRequestId", false, 36);
    String relatedRef = in.text("relatedReference", false, StepInput.TEXT_MAX);
    boolean disclosure = outcome != null && outcome.isDisclosure();
    String reviewedBy = in.text("reviewedBy", disclosure, StepInput.NAME_MAX);
    LocalDate reviewedOn = in.pastDate("reviewedOn", disclosure, today, row.receivedOn(), "收到申请之日");
    if (outcome != null && outcome.isProcessOutcome()) {
      in.errors().add("outcome", "该结果由系统在期限届满时自动认定，不能手工选择");
    }
    if (disclosure && reviewedOn != null && decidedOn != null && reviewedOn.isAfter(decidedOn)) {
      in.errors().add("reviewedOn", "保密审查应在公开决定之前或当日完成（第十七条）");
    }
    if (relatedId != null && requests.find(relatedId).isEmpty()) {
      in.errors().add("relatedRequestId", "没有这个申请");
    }
    in.errors().throwIfAny();
    if (outcome.needsSupplementFirst() && row.supplementReceivedOn() == null) {
      throw new ConflictException("“补正后申请内容仍不明确”只能在申请人补正之后作出（第三十条）");
    }
    // our reading: no decision while a consultation or fee notice is open — its answer or payment comes first
    if (status.hasOpenStop(row.id())) {
      throw new ConflictException("征求意见或缴费期间尚未结束，请先登记答复或缴费");
    }
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("outcome", outcome.name());
    cols.put("decided_on", decidedOn);
    cols.put("signed_off_on", null);
    cols.put("delivery_method", delivery == null ? null : delivery.name());
    cols.put("outcome_reason", reason);
    cols.put("already_public", outcome == Outcome.DISCLOSED ? Boolean.TRUE.equals(alreadyPublic) : null);
    cols.put("third_party_interest", interest == null ? null : interest.name());
    cols.put("not_held_reason", notHeld == null ? null : notHeld.name());
    cols.put("responsible_agency", agency);
    cols.put("related_request_id", relatedId);
    cols.put("related_reference", relatedRef);
    cols.put("confidentiality_reviewed_by", reviewedBy);
    cols.put("confidentiality_reviewed_on", reviewedOn);
    requests.update(row.id(), cols);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", outcome.name());
    details.put("decidedOn", decidedOn.toString());
    if (reason != null) {
      details.put("reason", reason);
    }
    events.record(row.id(), "DECIDED", actor, details);
    return outcome.needsSignOff();
  }

  /** Sign-off (签发): approved → the reply may leave; refused → back to handling. */
  public boolean signOff(RequestRow row, StepInput in, String actor) {
    Boolean approved = in.bool("approved", true);
    // the reply cannot be signed before it was decided
    LocalDate on = in.pastDate("decidedOn", true, clock.today(), row.decidedOn(), "决定日期");
    String comment = in.text("comment", false, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("approved", approved);
    details.put("decidedOn", on.toString());
    if (comment != null) {
      details.put("comment", comment);
    }
    if (approved) {
      requests.update(row.id(), "signed_off_on", on);
      events.record(row.id(), "SIGNED_OFF", actor, details);
    } else {
      Map<String, Object> cols = new LinkedHashMap<>();
      cols.put("outcome", null);
      cols.put("decided_on", null);
      requests.update(row.id(), cols);
      events.record(row.id(), "SIGN_OFF_REFUSED", actor, details);
    }
    return approved;
  }
}
