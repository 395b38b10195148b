package org.disclosuredesk.handling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.kernel.DeliveryChannel;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.request.RequestEvent;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * The decision (决定) with its extra fields (DOMAIN.md §5), and the office head's sign-off of
 * refusals.
 */
@Service
public class Decisions {

  public static final List<String> FIELDS =
      List.of(
          "outcome",
          "decidedOn",
          "deliveryMethod",
          "reason",
          "alreadyPublic",
          "thirdPartyInterest",
          "notHeldReason",
          "responsibleAgency",
          "relatedRequestId",
          "relatedReference",
          "reviewedBy",
          "reviewedOn");

  /**
   * An agency of the platform named as responsible in an Art. 36(5) reply, as it was in the
   * registry when the decision was made (kept in the DECIDED event, so a regenerated letter says
   * the same; without an email when the registry had none).
   */
  public record ResponsibleAgency(
      String code,
      String name,
      String address,
      String phone,
      @JsonInclude(Include.NON_NULL) String email) {

    static ResponsibleAgency of(Agency a) {
      return new ResponsibleAgency(a.code(), a.name(), a.address(), a.phone(), a.email());
    }

    /** 联系地址：…，联系电话：…: the contact Art. 36(5) asks the reply to give. */
    public String contact() {
      StringBuilder s = new StringBuilder();
      if (address != null && !address.isBlank()) {
        s.append("联系地址：").append(address);
      }
      if (phone != null && !phone.isBlank()) {
        s.append(s.isEmpty() ? "" : "，").append("联系电话：").append(phone);
      }
      return s.toString();
    }
  }

  /** The history's details (dd_event): {@code reason} and the platform's agency only when given. */
  record Decided(
      String outcome,
      LocalDate decidedOn,
      @JsonInclude(Include.NON_NULL) String reason,
      @JsonInclude(Include.NON_NULL) ResponsibleAgency responsibleAgency) {}

  /** {@code comment} only when given. */
  record SignOff(
      boolean approved, LocalDate decidedOn, @JsonInclude(Include.NON_NULL) String comment) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final Stops stops;
  private final Agencies agencies;

  public Decisions(
      RequestRepository requests,
      RequestEvents events,
      BusinessClock clock,
      Stops stops,
      Agencies agencies) {
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    this.stops = stops;
    this.agencies = agencies;
  }

  /** Records the decision; answers whether the office head must sign it off first. */
  public boolean record(RequestRow row, StepInput in, String actor) {
    LocalDate today = clock.today();
    Outcome outcome = in.code("outcome", Outcome.class, true);
    LocalDate decidedOn = in.pastDate("decidedOn", true, today, row.clockStartOn(), "收到申请（或补正）之日");
    DeliveryChannel delivery = in.code("deliveryMethod", DeliveryChannel.class, false);
    String reason = in.text("reason", outcome == Outcome.OTHER, StepInput.TEXT_MAX);
    Boolean alreadyPublic = in.bool("alreadyPublic", false);
    ThirdPartyInterest interest =
        in.code(
            "thirdPartyInterest",
            ThirdPartyInterest.class,
            outcome == Outcome.WITHHELD_THIRD_PARTY_RIGHTS);
    NotHeldReason notHeld =
        in.code("notHeldReason", NotHeldReason.class, outcome == Outcome.UNAVAILABLE_NOT_HELD);
    String agency = in.text("responsibleAgency", notHeld == NotHeldReason.OTHER_AGENCY, 200);
    Agency named =
        notHeld == NotHeldReason.OTHER_AGENCY && agency != null ? onPlatform(agency.strip()) : null;
    if (named != null && named.code().equals(row.agencyCode())) {
      in.errors().add("responsibleAgency", "不能是本机关：信息由本机关负责公开时不能答复“不属于本机关负责公开”（第三十六条第（五）项）");
    } else if (named != null && !named.active()) {
      in.errors().add("responsibleAgency", named.name() + "已撤销，请写明现在负责公开该信息的机关");
    }
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
    // our reading: no decision while a consultation or fee notice is open — its answer or payment
    // comes first
    if (stops.anyOpen(row.id())) {
      throw new ConflictException("征求意见或缴费期间尚未结束，请先登记答复或缴费");
    }
    Columns cols = new Columns();
    cols.set("outcome", outcome.name());
    cols.set("decided_on", decidedOn);
    cols.set("signed_off_on", null);
    cols.set("delivery_method", delivery == null ? null : delivery.name());
    cols.set("outcome_reason", reason);
    cols.set(
        "already_public", outcome == Outcome.DISCLOSED ? Boolean.TRUE.equals(alreadyPublic) : null);
    cols.set("third_party_interest", interest == null ? null : interest.name());
    cols.set("not_held_reason", notHeld == null ? null : notHeld.name());
    // the full name, so the ledger, the mail and its export read as before; the code is in the
    // DECIDED event
    cols.set("responsible_agency", named == null ? agency : named.name());
    cols.set("related_request_id", relatedId);
    cols.set("related_reference", relatedRef);
    cols.set("confidentiality_reviewed_by", reviewedBy);
    cols.set("confidentiality_reviewed_on", reviewedOn);
    requests.update(row.id(), cols);
    events.record(
        row.id(),
        "DECIDED",
        actor,
        new Decided(
            outcome.name(), decidedOn, reason, named == null ? null : ResponsibleAgency.of(named)));
    return outcome.needsSignOff();
  }

  /**
   * The platform's agency a reviewer names by its code (any case) or its full name; null for one
   * outside it.
   */
  private Agency onPlatform(String text) {
    return agencies.all().stream()
        .filter(a -> a.code().equalsIgnoreCase(text) || a.name().equals(text))
        .findFirst()
        .orElse(null);
  }

  /** The agency of the platform an Art. 36(5) decision of this request names, if it names one. */
  public Optional<ResponsibleAgency> responsibleAgency(RequestRow row) {
    if (!NotHeldReason.OTHER_AGENCY.name().equals(row.notHeldReason())
        || row.responsibleAgency() == null) {
      return Optional.empty();
    }
    return responsibleAgency(row, events.list(row.id()));
  }

  /**
   * The same from the request's history ({@link RequestEvents#list}): the latest decision's, as
   * long as the request still names that agency (a later change of the text, e.g. a correction in
   * the database, wins).
   */
  public static Optional<ResponsibleAgency> responsibleAgency(
      RequestRow row, List<RequestEvent> history) {
    if (!NotHeldReason.OTHER_AGENCY.name().equals(row.notHeldReason())
        || row.responsibleAgency() == null) {
      return Optional.empty();
    }
    for (int i = history.size() - 1; i >= 0; i--) {
      RequestEvent e = history.get(i);
      if (!"DECIDED".equals(e.type())) {
        continue;
      }
      if (e.get("responsibleAgency") instanceof Map<?, ?> a
          && row.responsibleAgency().equals(a.get("name"))) {
        return Optional.of(
            new ResponsibleAgency(
                string(a.get("code")),
                string(a.get("name")),
                string(a.get("address")),
                string(a.get("phone")),
                string(a.get("email"))));
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  /** Sign-off (签发): approved → the reply may leave; refused → back to handling. */
  public boolean signOff(RequestRow row, StepInput in, String actor) {
    Boolean approved = in.bool("approved", true);
    // the reply cannot be signed before it was decided
    LocalDate on = in.pastDate("decidedOn", true, clock.today(), row.decidedOn(), "决定日期");
    String comment = in.text("comment", false, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    SignOff details = new SignOff(approved, on, comment);
    if (approved) {
      requests.update(row.id(), "signed_off_on", on);
      events.record(row.id(), "SIGNED_OFF", actor, details);
    } else {
      Columns cols = new Columns();
      cols.set("outcome", null);
      cols.set("decided_on", null);
      requests.update(row.id(), cols);
      events.record(row.id(), "SIGN_OFF_REFUSED", actor, details);
    }
    return approved;
  }
}
