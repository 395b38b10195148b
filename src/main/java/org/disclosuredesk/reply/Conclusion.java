package org.disclosuredesk.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.handling.Decisions;
import org.disclosuredesk.handling.Stops;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Concluding a request: the reply date is the conclusion date (DOMAIN.md §6) — for a signed-off
 * refusal the later of decision and sign-off — and the reply, with the applicant's rights, is
 * mailed when an address was given.
 */
@Service
public class Conclusion {

  /** The history's details (dd_event); {@code deliveryMethod} only when one was recorded. */
  record Concluded(
      String outcome,
      LocalDate concludedOn,
      @JsonInclude(Include.NON_NULL) String deliveryMethod) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final Stops stops;
  private final Mailer mailer;
  private final Agencies agencies;
  private final Decisions decisions;

  public Conclusion(
      RequestRepository requests,
      RequestEvents events,
      Stops stops,
      Mailer mailer,
      Agencies agencies,
      Decisions decisions) {
    this.requests = requests;
    this.events = events;
    this.stops = stops;
    this.mailer = mailer;
    this.agencies = agencies;
    this.decisions = decisions;
  }

  public void conclude(String requestId, String actor) {
    RequestRow row = requests.lock(requestId);
    if (row.concluded()) {
      return;
    }
    LocalDate on =
        row.signedOffOn() != null && row.signedOffOn().isAfter(row.decidedOn())
            ? row.signedOffOn()
            : row.decidedOn();
    Outcome outcome = Outcome.valueOf(row.outcome());
    Columns cols = new Columns();
    cols.set("concluded_on", on);
    cols.set("status", RequestStatus.CONCLUDED.name());
    requests.update(requestId, cols);
    stops.closeAll(requestId, on);
    events.record(
        requestId, "CONCLUDED", actor, new Concluded(outcome.name(), on, row.deliveryMethod()));
    if (row.applicantEmail() != null) {
      // Art. 36(5): an agency of the platform is named with its contact
      String contact =
          decisions
              .responsibleAgency(row)
              .map(Decisions.ResponsibleAgency::contact)
              .filter(c -> !c.isEmpty())
              .orElse(null);
      // in the request's agency's name: its reconsideration body and court
      ReplyMail model =
          new ReplyMail(
              row,
              outcome.label(),
              row.outcomeReason(),
              row.responsibleAgency(),
              contact,
              on,
              rightsNotice(outcome, agencies.get(row.agencyCode())));
      mailer.queue(
          requestId,
          "REPLY",
          row.applicantEmail(),
          "政府信息公开申请答复：" + row.trackingNumber(),
          "reply",
          model,
          List.of());
    }
  }

  /**
   * The rights notice every reply carries (行政复议法 2023 第二十条、第二十三条; 行政诉讼法 第四十六条): refusals and
   * partial disclosure must go to reconsideration first; everything else may go to either. The
   * bodies are those of the agency that replies (行政复议法 第二十四条: a department's own government; 行政诉讼法
   * 第十八条: its court).
   */
  public static String rightsNotice(Outcome outcome, Agency agency) {
    if (outcome.reconsiderationFirst()) {
      return "如对本答复不服，可以自收到本答复之日起60日内向"
          + agency.reconsiderationBody()
          + "申请行政复议；对行政复议决定不服的，可以依法提起行政诉讼（《中华人民共和国行政复议法》第二十条、第二十三条）。";
    }
    return "如对本答复不服，可以自收到本答复之日起60日内向"
        + agency.reconsiderationBody()
        + "申请行政复议，或者自收到本答复之日起6个月内向"
        + agency.court()
        + "提起行政诉讼（《中华人民共和国行政复议法》第二十条，《中华人民共和国行政诉讼法》第四十六条）。";
  }

  /** The reply mail's model (mail/reply.mustache). */
  public record ReplyMail(
      RequestRow request,
      String outcomeLabel,
      String reason,
      String responsibleAgency,
      String responsibleAgencyContact,
      LocalDate concludedOn,
      String rightsNotice) {}
}
