package org.disclosuredesk.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DeadlineResult;
import org.disclosuredesk.handling.Decisions;
import org.disclosuredesk.handling.RequestDeadlines;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.letters.LetterKind;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.request.RequestEvent;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * What the applicant sees of their application (API.md "Public channel"): the status, the dates,
 * the supplement notice, the letters addressed to them, and a timeline in plain Chinese in their
 * terms. Never a staff name, an internal note, a consulted party or anyone else's data: every line
 * is written here, none copied from a note.
 */
@Component
public class PublicStatus {

  private final RequestRepository requests;
  private final RequestEvents events;
  private final RequestDeadlines deadlines;
  private final Letters letters;
  private final BusinessClock clock;
  private final Agencies agencies;
  private final SubmissionRepository submissions;

  public PublicStatus(
      RequestRepository requests,
      RequestEvents events,
      RequestDeadlines deadlines,
      Letters letters,
      BusinessClock clock,
      Agencies agencies,
      SubmissionRepository submissions) {
    this.agencies = agencies;
    this.submissions = submissions;
    this.requests = requests;
    this.events = events;
    this.deadlines = deadlines;
    this.letters = letters;
    this.clock = clock;
  }

  /** What the applicant reads: a submission not (yet) registered, or the request it became. */
  public sealed interface View permits Unregistered, Registered {}

  /**
   * {@code {submissionNumber, submittedOn, agency, status, timeline, letters}} before confirmation
   * (or never).
   */
  public record Unregistered(
      String submissionNumber,
      String submittedOn,
      PublicAgency agency,
      String status,
      List<Line> timeline,
      List<LetterLine> letters)
      implements View {}

  /**
   * The registered request: the outcome only once concluded, the supplement notice only while
   * awaited.
   */
  public record Registered(
      String submissionNumber,
      String submittedOn,
      PublicAgency agency,
      String status,
      String trackingNumber,
      String receivedOn,
      String dueOn,
      Integer remainingWorkingDays,
      @JsonInclude(Include.NON_NULL) String outcome,
      @JsonInclude(Include.NON_NULL) String outcomeLabel,
      @JsonInclude(Include.NON_NULL) String concludedOn,
      @JsonInclude(Include.NON_NULL) Referral referral,
      @JsonInclude(Include.NON_NULL) SupplementRequest supplementRequest,
      List<Line> timeline,
      List<LetterLine> letters)
      implements View {}

  /**
   * {@code {code, name, address, phone}}: public facts of the registry (API.md {@code
   * /public/api/agencies}).
   */
  public record PublicAgency(String code, String name, String address, String phone) {}

  /**
   * Art. 36(5): the agency on this platform that holds the information, where the applicant may
   * apply.
   */
  public record Referral(PublicAgency agency, String description) {}

  public record SupplementRequest(String items, String dueOn) {}

  /** One line of the timeline: the day (none for what is still to come) and what happened. */
  public record Line(String on, String text) {}

  public record LetterLine(String id, String title, String createdOn) {}

  public View of(SubmissionRow s) {
    Map<String, Agency> registry = new LinkedHashMap<>();
    agencies.all().forEach(a -> registry.put(a.code(), a));
    PublicAgency agency = publicAgency(registry.get(s.agencyCode()), s.agencyCode());
    List<Line> timeline = new ArrayList<>();
    timeline.add(line(s.submittedOn(), "提交网上申请"));
    // 转送 (DOMAIN.md §8): where it went and why, in the receiving agency's name
    for (SubmissionRepository.Forwarding f : submissions.forwardings(s.id())) {
      Agency to = registry.get(f.toAgency());
      timeline.add(
          line(
              f.at().toLocalDate(),
              "转送" + (to == null ? f.toAgency() : to.name()) + "办理。理由：" + f.reason()));
    }
    RequestRow r = s.requestId() == null ? null : requests.get(s.requestId());
    if (r == null) {
      if (s.statusCode() == SubmissionStatus.REJECTED) {
        timeline.add(
            line(s.decidedAt().toLocalDate(), "经审查不属于政府信息公开申请，不予受理。理由：" + s.rejectionReason()));
      } else if (s.statusCode() == SubmissionStatus.WITHDRAWN) {
        timeline.add(line(s.withdrawnAt().toLocalDate(), "申请人撤回，未予登记"));
      } else {
        timeline.add(line(null, "等待工作人员确认：最迟于提交后的第一个工作日确认，确认之日为收到申请之日"));
      }
      return new Unregistered(
          s.submissionNumber(),
          s.submittedOn().toString(),
          agency,
          s.status(),
          timeline,
          List.of());
    }
    DeadlineResult deadline = deadlines.compute(r);
    Integer remaining = deadlines.remainingWorkingDays(r, deadline, clock.today());
    var history = events.list(r.id());
    String outcome = null;
    String outcomeLabel = null;
    String concludedOn = null;
    Referral referral = null;
    if (r.concluded()) {
      outcome = r.outcome();
      outcomeLabel = Outcome.valueOf(r.outcome()).label();
      concludedOn = r.concludedOn().toString();
      Agency holder =
          Decisions.responsibleAgency(r, history).map(a -> registry.get(a.code())).orElse(null);
      if (holder != null && holder.active() && !holder.code().equals(r.agencyCode())) {
        // Art. 36(5): the agency that holds it is on this platform; the applicant may apply there
        // themselves
        referral = new Referral(publicAgency(holder, holder.code()), r.description());
      }
    }
    SupplementRequest supplement =
        r.statusCode() != RequestStatus.AWAITING_SUPPLEMENT
            ? null
            : new SupplementRequest(
                r.supplementItems(),
                r.supplementDueOn() == null ? null : r.supplementDueOn().toString());
    for (var e : history) {
      String text = text(e);
      if (text != null) {
        timeline.add(line(day(e), text));
      }
    }
    List<LetterLine> letterLines =
        letters.list(r.id()).stream()
            .filter(l -> addressedToApplicant(l.kind()))
            .map(
                l ->
                    new LetterLine(
                        l.id(),
                        l.title() + (l.version() > 1 ? "（第" + l.version() + "版）" : ""),
                        l.createdAt().toLocalDate().toString()))
            .toList();
    return new Registered(
        s.submissionNumber(),
        s.submittedOn().toString(),
        agency,
        r.status(),
        r.trackingNumber(),
        r.receivedOn().toString(),
        r.dueOn() == null ? null : r.dueOn().toString(),
        remaining,
        outcome,
        outcomeLabel,
        concludedOn,
        referral,
        supplement,
        timeline,
        letterLines);
  }

  private static PublicAgency publicAgency(Agency a, String code) {
    return new PublicAgency(
        code,
        a == null ? code : a.name(),
        a == null ? null : a.address(),
        a == null ? null : a.phone());
  }

  /** Every letter but the consultation letters, which go to the consulted party. */
  static boolean addressedToApplicant(String kind) {
    return !LetterKind.CONSULTATION.name().equals(kind);
  }

  /**
   * The applicant's words for what happened; null for what is internal (reminders, mails,
   * screening, sign-off).
   */
  private static String text(RequestEvent e) {
    return switch (String.valueOf(e.get("type"))) {
      case "REGISTERED" ->
          "确认并登记，受理编号 "
              + e.get("trackingNumber")
              + "；收到申请之日为 "
              + e.get("receivedOn")
              + "，法定答复期限为 "
              + e.get("dueOn");
      case "SUPPLEMENT_REQUESTED" -> "要求补正申请内容，请于 " + e.get("supplementDueOn") + " 前补正；补正后答复期限重新计算";
      case "ONLINE_SUPPLEMENT", "SUPPLEMENT_RECEIVED" ->
          "ONLINE_SUPPLEMENT".equals(e.get("type"))
              ? "在网上提交补正内容"
              : "收到补正，答复期限自 " + e.get("receivedOn") + " 起重新计算";
      case "SUPPLEMENT_EXPIRED" -> "补正期限届满未补正";
      case "CONSULTATION_SENT" -> "征求第三方或其他机关意见；征求意见期间不计入答复期限";
      case "CONSULTATION_ANSWERED", "CONSULTATION_EXPIRED" -> "征求意见结束，继续计算答复期限";
      case "FEE_NOTICE" ->
          Boolean.TRUE.equals(e.get("waived"))
              ? "信息处理费予以减免"
              : "发出信息处理费收费通知（"
                  + e.get("amountYuan")
                  + " 元），请于 "
                  + e.get("paymentDueOn")
                  + " 前缴纳；缴费期间不计入答复期限";
      case "FEE_PAID" -> "收到信息处理费，继续计算答复期限";
      case "FEE_EXPIRED" -> "逾期未缴纳信息处理费";
      case "EXTENSION_APPROVED" ->
          "答复期限延长 " + e.get("workingDays") + " 个工作日，延长后的答复期限为 " + e.get("dueOn");
      case "CUSTOM_PERIOD" -> "确定了更长的合理答复期限（第三十五条）";
      case "DUE_DATE_RECOMPUTED" -> "因节假日安排调整，答复期限调整为 " + e.get("dueOn");
      case "WITHDRAWN" -> "申请人撤回申请";
      case "CONCLUDED" -> "已办结：" + Outcome.valueOf(String.valueOf(e.get("outcome"))).label();
      default -> null;
    };
  }

  /** The business date of the step where the event names one, else the day it was recorded. */
  private LocalDate day(RequestEvent e) {
    for (String key :
        List.of(
            "noticeOn",
            "receivedOn",
            "sentOn",
            "paidOn",
            "decidedOn",
            "withdrawnOn",
            "concludedOn")) {
      if (e.get(key) instanceof String s
          && s.matches("\\d{4}-\\d{2}-\\d{2}")
          && !"REGISTERED".equals(e.get("type"))) {
        return LocalDate.parse(s);
      }
    }
    return java.time.OffsetDateTime.parse(String.valueOf(e.get("at")))
        .atZoneSameInstant(clock.zone())
        .toLocalDate();
  }

  private static Line line(LocalDate on, String text) {
    return new Line(on == null ? null : on.toString(), text);
  }
}
