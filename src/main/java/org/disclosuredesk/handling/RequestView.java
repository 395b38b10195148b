package org.disclosuredesk.handling;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DeadlineResult;
import org.disclosuredesk.handling.Consultations.Consultation;
import org.disclosuredesk.handling.Fees.FeeNotice;
import org.disclosuredesk.handling.PossibleDuplicates.PossibleDuplicate;
import org.disclosuredesk.request.RequestEvent;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.security.PersonalData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/requests/{id}}: the request, its due date explained, its stops, duplicates,
 * letters, history.
 */
@Component
public class RequestView {

  /** Letters, appeals and 督办 are contributed by their features, when present. */
  public interface Section {
    String name();

    /** The items of the section, each written as JSON. */
    List<?> items(String requestId);
  }

  /** {@code {code, name}} of an agency (API.md "Agencies"). */
  public record AgencyRef(String code, String name) {}

  /**
   * Registration's answer: {@code {id, trackingNumber, agency, receivedOn, dueOn, status, outcome,
   * concludedOn}}.
   */
  public record Summary(
      String id,
      String trackingNumber,
      AgencyRef agency,
      LocalDate receivedOn,
      LocalDate dueOn,
      String status,
      String outcome,
      LocalDate concludedOn) {}

  /**
   * The request file. {@code letters} and {@code appeals} are there (empty) even without their
   * features; any other feature's section is written beside them under its name.
   */
  public record RequestFile(
      String id,
      String trackingNumber,
      AgencyRef agency,
      String channel,
      LocalDate arrivedOn,
      LocalDate confirmedOn,
      LocalDate receivedOn,
      LocalDate dueOn,
      LocalDate originalDueOn,
      Integer remainingWorkingDays,
      String status,
      String outcome,
      LocalDate concludedOn,
      Boolean onTime,
      boolean extended,
      int periodWorkingDays,
      Applicant applicant,
      Agent agent,
      String description,
      String topic,
      List<String> requestedForms,
      String deliveryChannel,
      String externalReference,
      Supplement supplement,
      Decision decision,
      BigDecimal feesCollectedYuan,
      List<Stop> suspensions,
      List<Consultation> consultations,
      List<FeeNotice> feeNotices,
      List<String> deadlineExplanation,
      List<PossibleDuplicate> possibleDuplicates,
      List<?> letters,
      List<?> appeals,
      @JsonIgnore Map<String, List<?>> otherSections,
      List<String> warnings,
      List<RequestEvent> events) {

    @JsonAnyGetter
    public Map<String, List<?>> sections() {
      return otherSections;
    }
  }

  /** Identity numbers and phone masked for those who see personal data masked. */
  public record Applicant(
      String type,
      String name,
      String idNumber,
      String creditCode,
      String email,
      String phone,
      String address) {}

  public record Agent(String name, String idNumber, String phone) {}

  public record Supplement(
      LocalDate noticeOn, LocalDate supplementDueOn, String items, LocalDate receivedOn) {}

  /**
   * The decision as recorded; {@code responsiblePlatformAgency} only when an agency of the platform
   * is named (Art. 36(5)), {@code confidentialityReview} only once reviewed.
   */
  public record Decision(
      String outcome,
      LocalDate decidedOn,
      LocalDate signedOffOn,
      String deliveryMethod,
      String reason,
      Boolean alreadyPublic,
      String thirdPartyInterest,
      String notHeldReason,
      String responsibleAgency,
      @JsonInclude(Include.NON_NULL) AgencyRef responsiblePlatformAgency,
      String relatedRequestId,
      String relatedReference,
      @JsonInclude(Include.NON_NULL) ConfidentialityReview confidentialityReview) {}

  public record ConfidentialityReview(String reviewedBy, String reviewedOn) {}

  /** A clock stop: {@code to} is null while it lasts. */
  public record Stop(String kind, LocalDate from, LocalDate to) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final RequestDeadlines deadlines;
  private final Consultations consultations;
  private final Fees fees;
  private final PossibleDuplicates duplicates;
  private final BusinessClock clock;
  private final ObjectProvider<Section> sections;
  private final Agencies agencies;

  public RequestView(
      RequestRepository requests,
      RequestEvents events,
      RequestDeadlines deadlines,
      Consultations consultations,
      Fees fees,
      PossibleDuplicates duplicates,
      BusinessClock clock,
      ObjectProvider<Section> sections,
      Agencies agencies) {
    this.agencies = agencies;
    this.requests = requests;
    this.events = events;
    this.deadlines = deadlines;
    this.consultations = consultations;
    this.fees = fees;
    this.duplicates = duplicates;
    this.clock = clock;
    this.sections = sections;
  }

  public Summary summary(RequestRow r) {
    return new Summary(
        r.id(),
        r.trackingNumber(),
        agency(r),
        r.receivedOn(),
        r.dueOn(),
        r.status(),
        r.outcome(),
        r.concludedOn());
  }

  public RequestFile full(String id, boolean maskPersonalData) {
    RequestRow r = requests.get(id);
    DeadlineResult deadline = deadlines.compute(r);
    List<RequestEvent> history = events.list(id);
    Map<String, List<?>> contributed = new LinkedHashMap<>();
    sections.orderedStream().forEach(s -> contributed.put(s.name(), s.items(id)));
    List<?> letters =
        contributed.containsKey("letters") ? contributed.remove("letters") : List.of();
    List<?> appeals =
        contributed.containsKey("appeals") ? contributed.remove("appeals") : List.of();
    return new RequestFile(
        r.id(),
        r.trackingNumber(),
        agency(r),
        r.channel(),
        r.arrivedOn(),
        r.confirmedOn(),
        r.receivedOn(),
        r.dueOn(),
        r.originalDueOn(),
        deadlines.remainingWorkingDays(r, deadline, clock.today()),
        r.status(),
        r.outcome(),
        r.concludedOn(),
        r.concludedOn() == null || r.dueOn() == null ? null : !r.concludedOn().isAfter(r.dueOn()),
        r.extended(),
        r.periodWorkingDays(),
        applicant(r, maskPersonalData),
        r.agentName() == null ? null : agent(r, maskPersonalData),
        r.description(),
        r.topic(),
        r.requestedForms() == null ? List.of() : List.of(r.requestedForms().split(",")),
        r.deliveryChannel(),
        r.externalReference(),
        r.supplementNoticeOn() == null ? null : supplement(r),
        r.outcome() == null ? null : decision(r, history),
        r.feesCollectedYuan(),
        deadlines.suspensions(id).stream()
            .map(s -> new Stop(s.kind().name(), s.from(), s.to()))
            .toList(),
        consultations.list(id),
        fees.list(id),
        deadline.explanation(),
        duplicates.of(r),
        letters,
        appeals,
        contributed,
        warnings(deadline, history),
        history);
  }

  private AgencyRef agency(RequestRow r) {
    return new AgencyRef(
        r.agencyCode(),
        agencies.all().stream()
            .filter(x -> x.code().equals(r.agencyCode()))
            .map(Agency::name)
            .findFirst()
            .orElse(r.agencyCode()));
  }

  private static List<String> warnings(DeadlineResult d, List<RequestEvent> history) {
    List<String> out = new ArrayList<>(d.warnings());
    history.stream()
        .map(e -> e.get("warning"))
        .filter(w -> w instanceof String)
        .map(String.class::cast)
        .forEach(out::add);
    return out;
  }

  private static Applicant applicant(RequestRow r, boolean mask) {
    return new Applicant(
        r.applicantType(),
        r.applicantName(),
        mask ? PersonalData.maskIdNumber(r.applicantIdNumber()) : r.applicantIdNumber(),
        r.applicantCreditCode(),
        r.applicantEmail(),
        mask ? PersonalData.maskPhone(r.applicantPhone()) : r.applicantPhone(),
        r.applicantAddress());
  }

  private static Agent agent(RequestRow r, boolean mask) {
    return new Agent(
        r.agentName(),
        mask ? PersonalData.maskIdNumber(r.agentIdNumber()) : r.agentIdNumber(),
        mask ? PersonalData.maskPhone(r.agentPhone()) : r.agentPhone());
  }

  private static Supplement supplement(RequestRow r) {
    return new Supplement(
        r.supplementNoticeOn(), r.supplementDueOn(), r.supplementItems(), r.supplementReceivedOn());
  }

  private static Decision decision(RequestRow r, List<RequestEvent> history) {
    // an agency of the platform named under Art. 36(5): {code, name} as the decision recorded it
    AgencyRef named =
        Decisions.responsibleAgency(r, history)
            .map(a -> new AgencyRef(a.code(), a.name()))
            .orElse(null);
    ConfidentialityReview review =
        r.confidentialityReviewedBy() == null
            ? null
            : new ConfidentialityReview(
                r.confidentialityReviewedBy(), String.valueOf(r.confidentialityReviewedOn()));
    return new Decision(
        r.outcome(),
        r.decidedOn(),
        r.signedOffOn(),
        r.deliveryMethod(),
        r.outcomeReason(),
        r.alreadyPublic(),
        r.thirdPartyInterest(),
        r.notHeldReason(),
        r.responsibleAgency(),
        named,
        r.relatedRequestId(),
        r.relatedReference(),
        review);
  }
}
