package org.disclosuredesk.handling;

import org.disclosuredesk.request.DescriptionSimilarity;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DeadlineResult;
import org.disclosuredesk.security.PersonalData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code GET /api/requests/{id}}: the request, its due date explained, its stops, duplicates, letters, history. */
@Component
public class RequestView {

  /** Letters and appeals are contributed by their features, when present. */
  public interface Section {
    String name();

    List<Map<String, Object>> items(String requestId);
  }

  private final RequestRepository requests;
  private final RequestEvents events;
  private final RequestDeadlines deadlines;
  private final Consultations consultations;
  private final Fees fees;
  private final JdbcClient jdbc;
  private final BusinessClock clock;
  private final ObjectProvider<Section> sections;
  private final Agencies agencies;

  public RequestView(RequestRepository requests, RequestEvents events, RequestDeadlines deadlines,
      Consultations consultations, Fees fees, JdbcClient jdbc, BusinessClock clock,
      ObjectProvider<Section> sections, Agencies agencies) {
    this.agencies = agencies;
    this.requests = requests;
    this.events = events;
    this.deadlines = deadlines;
    this.consultations = consultations;
    this.fees = fees;
    this.jdbc = jdbc;
    this.clock = clock;
    this.sections = sections;
  }

  public Map<String, Object> summary(RequestRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("trackingNumber", r.trackingNumber());
    m.put("agency", agency(r));
    m.put("receivedOn", r.receivedOn());
    m.put("dueOn", r.dueOn());
    m.put("status", r.status());
    m.put("outcome", r.outcome());
    m.put("concludedOn", r.concludedOn());
    return m;
  }

  public Map<String, Object> full(String id, boolean maskPersonalData) {
    RequestRow r = requests.get(id);
    DeadlineResult deadline = deadlines.compute(r);
    List<Map<String, Object>> history = events.list(id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("trackingNumber", r.trackingNumber());
    m.put("agency", agency(r));
    m.put("channel", r.channel());
    m.put("arrivedOn", r.arrivedOn());
    m.put("confirmedOn", r.confirmedOn());
    m.put("receivedOn", r.receivedOn());
    m.put("dueOn", r.dueOn());
    m.put("originalDueOn", r.originalDueOn());
    m.put("remainingWorkingDays", deadlines.remainingWorkingDays(r, deadline, clock.today()));
    m.put("status", r.status());
    m.put("outcome", r.outcome());
    m.put("concludedOn", r.concludedOn());
    m.put("onTime", r.concludedOn() == null || r.dueOn() == null ? null : !r.concludedOn().isAfter(r.dueOn()));
    m.put("extended", r.extended());
    m.put("periodWorkingDays", r.periodWorkingDays());
    m.put("applicant", applicant(r, maskPersonalData));
    m.put("agent", r.agentName() == null ? null : agent(r, maskPersonalData));
    m.put("description", r.description());
    m.put("topic", r.topic());
    m.put("requestedForms", r.requestedForms() == null ? List.of() : List.of(r.requestedForms().split(",")));
    m.put("deliveryChannel", r.deliveryChannel());
    m.put("externalReference", r.externalReference());
    m.put("supplement", r.supplementNoticeOn() == null ? null : supplement(r));
    m.put("decision", r.outcome() == null ? null : decision(r, history));
    m.put("feesCollectedYuan", r.feesCollectedYuan());
    m.put("suspensions", deadlines.suspensions(id).stream()
        .map(s -> {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("kind", s.kind().name());
          x.put("from", s.from());
          x.put("to", s.to());
          return x;
        }).toList());
    m.put("consultations", consultations.list(id));
    m.put("feeNotices", fees.list(id));
    m.put("deadlineExplanation", deadline.explanation());
    m.put("possibleDuplicates", possibleDuplicates(r));
    m.put("letters", List.of());
    m.put("appeals", List.of());
    sections.orderedStream().forEach(s -> m.put(s.name(), s.items(id)));
    m.put("warnings", warnings(deadline, history));
    m.put("events", history);
    return m;
  }

  /** {@code {code, name}} of the request's agency (API.md "Agencies"). */
  private Map<String, Object> agency(RequestRow r) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("code", r.agencyCode());
    a.put("name", agencies.all().stream().filter(x -> x.code().equals(r.agencyCode())).map(Agency::name)
        .findFirst().orElse(r.agencyCode()));
    return a;
  }

  private static List<String> warnings(DeadlineResult d, List<Map<String, Object>> history) {
    List<String> out = new ArrayList<>(d.warnings());
    history.stream().map(e -> e.get("warning")).filter(w -> w instanceof String).map(String.class::cast)
        .forEach(out::add);
    return out;
  }

  private static Map<String, Object> applicant(RequestRow r, boolean mask) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", r.applicantType());
    a.put("name", r.applicantName());
    a.put("idNumber", mask ? PersonalData.maskIdNumber(r.applicantIdNumber()) : r.applicantIdNumber());
    a.put("creditCode", r.applicantCreditCode());
    a.put("email", r.applicantEmail());
    a.put("phone", mask ? PersonalData.maskPhone(r.applicantPhone()) : r.applicantPhone());
    a.put("address", r.applicantAddress());
    return a;
  }

  private static Map<String, Object> agent(RequestRow r, boolean mask) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", r.agentName());
    a.put("idNumber", mask ? PersonalData.maskIdNumber(r.agentIdNumber()) : r.agentIdNumber());
    a.put("phone", mask ? PersonalData.maskPhone(r.agentPhone()) : r.agentPhone());
    return a;
  }

  private static Map<String, Object> supplement(RequestRow r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("noticeOn", r.supplementNoticeOn());
    s.put("supplementDueOn", r.supplementDueOn());
    s.put("items", r.supplementItems());
    s.put("receivedOn", r.supplementReceivedOn());
    return s;
  }

  private static Map<String, Object> decision(RequestRow r, List<Map<String, Object>> history) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("outcome", r.outcome());
    d.put("decidedOn", r.decidedOn());
    d.put("signedOffOn", r.signedOffOn());
    d.put("deliveryMethod", r.deliveryMethod());
    d.put("reason", r.outcomeReason());
    d.put("alreadyPublic", r.alreadyPublic());
    d.put("thirdPartyInterest", r.thirdPartyInterest());
    d.put("notHeldReason", r.notHeldReason());
    d.put("responsibleAgency", r.responsibleAgency());
    // an agency of the platform named under Art. 36(5): {code, name} as the decision recorded it
    Decisions.responsibleAgency(r, history).ifPresent(a -> {
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("code", a.code());
      named.put("name", a.name());
      d.put("responsiblePlatformAgency", named);
    });
    d.put("relatedRequestId", r.relatedRequestId());
    d.put("relatedReference", r.relatedReference());
    if (r.confidentialityReviewedBy() != null) {
      d.put("confidentialityReview", Map.of("reviewedBy", r.confidentialityReviewedBy(),
          "reviewedOn", String.valueOf(r.confidentialityReviewedOn())));
    }
    return d;
  }

  /** Same applicant, similar description, received in the 12 months before (shown, never decided). */
  public List<Map<String, Object>> possibleDuplicates(RequestRow r) {
    LocalDate since = r.receivedOn().minusMonths(12);
    List<Map<String, Object>> out = new ArrayList<>();
    jdbc.sql("SELECT id, tracking_number, received_on, description, outcome FROM dd_request"
            + " WHERE applicant_key = ? AND id <> ? AND received_on >= ? AND received_on <= ? AND agency_code = ?"
            + " ORDER BY received_on")
        // a repeat is one to the same agency (Art. 36(7)), and another agency's requests are not this one's to show
        .params(r.applicantKey(), r.id(), since, r.receivedOn(), r.agencyCode())
        .query((rs, i) -> {
          double sim = DescriptionSimilarity.of(r.description(), rs.getString("description"));
          if (sim >= DescriptionSimilarity.THRESHOLD) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", rs.getString("id"));
            d.put("trackingNumber", rs.getString("tracking_number"));
            d.put("receivedOn", rs.getObject("received_on", LocalDate.class));
            d.put("outcome", rs.getString("outcome"));
            d.put("similarity", Math.round(sim * 100) / 100.0);
            out.add(d);
          }
          return null;
        }).list();
    return out;
  }
}
