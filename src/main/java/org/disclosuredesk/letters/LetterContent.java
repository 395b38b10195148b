package org.disclosuredesk.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.handling.Consultations;
import org.disclosuredesk.handling.Decisions;
import org.disclosuredesk.handling.Extensions;
import org.disclosuredesk.handling.Fees;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.DeliveryChannel;
import org.disclosuredesk.kernel.FeeMethod;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.reply.Conclusion;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What goes into a letter: picks the template for the kind (and, for replies, the outcome) and
 * fills the model from the request's current data, so a regenerated letter says what the file says
 * now. Every letter is in the name of the request's agency (DOMAIN.md §8, Art. 4): its name,
 * address and phone, and its reconsideration body and court in the rights notice, from the
 * registry.
 */
@Component
public class LetterContent {

  private static final String LAW = "《中华人民共和国政府信息公开条例》";

  /**
   * A letter ready to render: its template, and what it says (the heading every letter has, and its
   * kind's).
   */
  public record Prepared(
      LetterKind kind,
      String template,
      String title,
      LetterFields.Heading heading,
      LetterFields.Part fields) {

    /** The template's data model, by tag name. */
    Map<String, ?> tags() {
      return LetterFields.tags(heading, fields);
    }
  }

  private final RequestRepository requests;
  private final RequestEvents events;
  private final Extensions extensions;
  private final Consultations consultations;
  private final Fees fees;
  private final Decisions decisions;
  private final Agencies agencies;
  private final String seal;

  public LetterContent(
      RequestRepository requests,
      RequestEvents events,
      Extensions extensions,
      Consultations consultations,
      Fees fees,
      Decisions decisions,
      Agencies agencies,
      @Value("${disclosure.letters.seal:【印章】}") String seal) {
    this.requests = requests;
    this.events = events;
    this.extensions = extensions;
    this.consultations = consultations;
    this.fees = fees;
    this.decisions = decisions;
    this.agencies = agencies;
    this.seal = seal;
  }

  /**
   * Empty when the request holds nothing for this letter (e.g. a waived fee, a reply before the
   * conclusion).
   */
  public Optional<Prepared> prepare(LetterKind kind, String sourceId, RequestRow row) {
    // read now, not cached: an admin may have changed the agency's address on another node
    Agency agency = agencies.get(row.agencyCode());
    LetterFields.Heading heading = heading(row, agency);
    return switch (kind) {
      case ACKNOWLEDGEMENT ->
          Optional.of(
              new Prepared(
                  kind,
                  "acknowledgement",
                  kind.title(),
                  heading,
                  new LetterFields.Acknowledgement(
                      Channel.valueOf(row.channel()).label(),
                      row.dueOn() == null ? "法定期限届满之日" : date(row.dueOn()),
                      date(row.receivedOn()))));
      case SUPPLEMENT_NOTICE ->
          row.supplementNoticeOn() == null
              ? Optional.empty()
              : Optional.of(
                  new Prepared(
                      kind,
                      "supplement-notice",
                      kind.title(),
                      heading,
                      new LetterFields.SupplementNotice(
                          row.supplementItems(),
                          date(row.supplementDueOn()),
                          date(row.supplementNoticeOn()))));
      case EXTENSION_NOTICE ->
          extensions.approved(List.of(row.id())).stream()
              .findFirst()
              .map(
                  e ->
                      new Prepared(
                          kind,
                          "extension-notice",
                          kind.title(),
                          heading,
                          new LetterFields.PeriodNotice(
                              String.valueOf(e.workingDays()),
                              e.reason(),
                              row.dueOn() == null ? "延长后的期限届满之日" : date(row.dueOn()),
                              date(e.decidedOn()))));
      case CUSTOM_PERIOD_NOTICE ->
          row.customPeriodReason() == null
              ? Optional.empty()
              : Optional.of(
                  new Prepared(
                      kind,
                      "custom-period-notice",
                      kind.title(),
                      heading,
                      new LetterFields.PeriodNotice(
                          String.valueOf(row.periodWorkingDays()),
                          row.customPeriodReason(),
                          row.dueOn() == null ? "法定期限届满之日" : date(row.dueOn()),
                          date(
                              lastEventDate(row.id(), "CUSTOM_PERIOD", "decidedOn")
                                  .orElse(row.receivedOn())))));
      case FEE_NOTICE ->
          fees.list(row.id()).stream()
              .filter(f -> sourceId == null ? f.paymentDueOn() != null : f.id().equals(sourceId))
              .filter(f -> f.paymentDueOn() != null)
              .reduce((a, b) -> b)
              .map(
                  f ->
                      new Prepared(
                          kind,
                          "fee-notice",
                          kind.title(),
                          heading,
                          new LetterFields.FeeNotice(
                              FeeMethod.valueOf(f.method()).label(),
                              f.pages() == null ? "" : "（共" + f.pages() + "页）",
                              yuan(f.amountYuan()),
                              ChineseAmount.of(f.amountYuan()),
                              date(f.paymentDueOn()),
                              date(f.noticeOn()))));
      case CONSULTATION ->
          consultations.list(row.id()).stream()
              .filter(c -> sourceId == null || c.id().equals(sourceId))
              .reduce((a, b) -> b)
              .map(
                  c -> {
                    boolean third = Consultations.Kind.THIRD_PARTY.name().equals(c.kind());
                    return new Prepared(
                        kind,
                        third ? "consultation-third-party" : "consultation-agency",
                        third ? "第三方意见征询函" : "政府信息公开征求意见函",
                        heading,
                        new LetterFields.Consultation(
                            c.party(), date(c.answerDueOn()), date(c.sentOn())));
                  });
      case REPLY, DISCONTINUANCE_NOTICE -> reply(row, agency, heading);
    };
  }

  /**
   * The template of a reply (or discontinuance notice) and what its ground adds to what every reply
   * says.
   */
  private record ReplyTemplate(String template, LetterFields.Ground detail) {}

  private Optional<Prepared> reply(RequestRow row, Agency agency, LetterFields.Heading heading) {
    if (row.outcome() == null || row.concludedOn() == null) {
      return Optional.empty();
    }
    Outcome outcome = Outcome.valueOf(row.outcome());
    String reason = row.outcomeReason();
    ReplyTemplate ground =
        switch (outcome) {
          case DISCLOSED ->
              Boolean.TRUE.equals(row.alreadyPublic())
                  ? new ReplyTemplate(
                      "reply-already-public",
                      new LetterFields.AlreadyPublic(
                          reason == null || reason.isBlank() ? "请通过本机关门户网站政府信息公开专栏查阅。" : reason))
                  : new ReplyTemplate("reply-disclosed", null);
          case PARTIALLY_DISCLOSED ->
              new ReplyTemplate(
                  "reply-partially-disclosed",
                  new LetterFields.PartlyWithheld(
                      reason == null || reason.isBlank()
                          ? "该部分内容依照" + LAW + "第十四条、第十五条、第十六条的规定不予公开。"
                          : reason));
          case WITHHELD_STATE_SECRET,
              WITHHELD_PROHIBITED_BY_LAW,
              WITHHELD_SECURITY_STABILITY,
              WITHHELD_THIRD_PARTY_RIGHTS,
              WITHHELD_INTERNAL_AFFAIRS,
              WITHHELD_PROCESS_INFORMATION,
              WITHHELD_ENFORCEMENT_CASE_FILE,
              WITHHELD_ADMINISTRATIVE_QUERY ->
              new ReplyTemplate(
                  "reply-withheld",
                  new LetterFields.Grounds(
                      withheldGround(outcome, row.thirdPartyInterest()),
                      LAW + withheldArticles(outcome),
                      null));
          case UNAVAILABLE_NOT_HELD ->
              NotHeldReason.OTHER_AGENCY.name().equals(row.notHeldReason())
                  ? new ReplyTemplate("reply-other-agency", otherAgency(row))
                  : new ReplyTemplate("reply-not-held", null);
          case UNAVAILABLE_NEEDS_CREATION -> new ReplyTemplate("reply-needs-creation", null);
          case UNAVAILABLE_STILL_UNCLEAR ->
              new ReplyTemplate(
                  "reply-still-unclear",
                  new LetterFields.StillUnclear(
                      date(row.supplementNoticeOn()), date(row.supplementReceivedOn())));
          case NOT_PROCESSED_PETITION,
              NOT_PROCESSED_DUPLICATE,
              NOT_PROCESSED_PUBLICATION,
              NOT_PROCESSED_EXCESSIVE,
              NOT_PROCESSED_CONFIRMATION ->
              new ReplyTemplate("reply-not-processed", notProcessed(outcome, row));
          case OTHER_NO_SUPPLEMENT ->
              new ReplyTemplate(
                  "discontinued-no-supplement",
                  new LetterFields.NoSupplement(
                      date(row.supplementNoticeOn()), date(row.supplementDueOn())));
          case OTHER_FEE_UNPAID ->
              new ReplyTemplate(
                  "discontinued-fee-unpaid",
                  fees.list(row.id()).stream()
                      .filter(f -> f.paymentDueOn() != null)
                      .reduce((a, b) -> b)
                      .map(
                          f ->
                              new LetterFields.FeeUnpaid(
                                  date(f.noticeOn()), yuan(f.amountYuan()), date(f.paymentDueOn())))
                      .orElse(null));
          case OTHER ->
              lastEventDate(row.id(), "WITHDRAWN", "withdrawnOn")
                  .map(
                      on ->
                          new ReplyTemplate(
                              "reply-withdrawn", new LetterFields.Withdrawn(date(on))))
                  .orElse(new ReplyTemplate("reply-other", null));
        };
    if (ground.detail() instanceof LetterFields.Withdrawn) {
      // the applicant's own words, without the words the withdrawal step puts before them
      reason = reason == null ? null : reason.replaceFirst("^申请人撤回申请：?", "");
    }
    LetterFields.Reply reply =
        new LetterFields.Reply(
            date(row.concludedOn()),
            Conclusion.rightsNotice(outcome, agency),
            reason == null ? "" : reason,
            reason != null && !reason.isBlank(),
            row.deliveryMethod() == null
                ? "（随本答复书一并提供）"
                : "（提供方式：" + DeliveryChannel.valueOf(row.deliveryMethod()).label() + "）",
            ground.detail());
    LetterKind kind =
        outcome.isProcessOutcome() ? LetterKind.DISCONTINUANCE_NOTICE : LetterKind.REPLY;
    return Optional.of(new Prepared(kind, ground.template(), kind.title(), heading, reply));
  }

  /**
   * Art. 36(5): the agency that holds the information, with its contact when it is one of the
   * platform's (as the decision recorded it); one outside the platform as the reviewer wrote it.
   */
  private LetterFields.OtherAgency otherAgency(RequestRow row) {
    Optional<Decisions.ResponsibleAgency> named = decisions.responsibleAgency(row);
    String contact = named.map(Decisions.ResponsibleAgency::contact).orElse("");
    return new LetterFields.OtherAgency(
        named
            .map(Decisions.ResponsibleAgency::name)
            .orElse(row.responsibleAgency() == null ? "其他行政机关" : row.responsibleAgency()),
        named.map(Decisions.ResponsibleAgency::address).orElse(""),
        named.map(Decisions.ResponsibleAgency::phone).orElse(""),
        (contact.isEmpty() ? "" : contact + "。") + "请您向该机关咨询或者提出申请。");
  }

  static String withheldGround(Outcome outcome, String interest) {
    return switch (outcome) {
      case WITHHELD_STATE_SECRET -> "属于依法确定为国家秘密的政府信息";
      case WITHHELD_PROHIBITED_BY_LAW -> "属于法律、行政法规禁止公开的政府信息";
      case WITHHELD_SECURITY_STABILITY -> "公开后可能危及国家安全、公共安全、经济安全、社会稳定";
      case WITHHELD_THIRD_PARTY_RIGHTS -> {
        String what =
            ThirdPartyInterest.TRADE_SECRET.name().equals(interest)
                ? "商业秘密"
                : ThirdPartyInterest.PERSONAL_PRIVACY.name().equals(interest) ? "个人隐私" : "第三方合法权益";
        yield "涉及" + what + "，公开会对第三方合法权益造成损害";
      }
      case WITHHELD_INTERNAL_AFFAIRS -> "属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）";
      case WITHHELD_PROCESS_INFORMATION -> "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息";
      case WITHHELD_ENFORCEMENT_CASE_FILE -> "属于行政执法案卷信息";
      case WITHHELD_ADMINISTRATIVE_QUERY -> "属于行政查询事项，应当通过相应的查询渠道办理";
      default -> throw new IllegalArgumentException(outcome.name());
    };
  }

  static String withheldArticles(Outcome outcome) {
    return switch (outcome) {
      case WITHHELD_STATE_SECRET, WITHHELD_PROHIBITED_BY_LAW, WITHHELD_SECURITY_STABILITY ->
          "第十四条、第三十六条第（三）项";
      case WITHHELD_THIRD_PARTY_RIGHTS -> "第十五条、第三十六条第（三）项";
      case WITHHELD_INTERNAL_AFFAIRS -> "第十六条第一款、第三十六条第（三）项";
      case WITHHELD_PROCESS_INFORMATION, WITHHELD_ENFORCEMENT_CASE_FILE -> "第十六条第二款、第三十六条第（三）项";
      default -> "第三十六条第（三）项";
    };
  }

  private LetterFields.Grounds notProcessed(Outcome outcome, RequestRow row) {
    return switch (outcome) {
      case NOT_PROCESSED_PETITION ->
          new LetterFields.Grounds(
              "您提出的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。",
              LAW + "第三十九条第一款",
              "本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。");
      case NOT_PROCESSED_DUPLICATE -> {
        String earlier =
            row.relatedRequestId() == null
                ? null
                : requests
                    .find(row.relatedRequestId())
                    .map(r -> "（受理编号：" + r.trackingNumber() + "）")
                    .orElse(null);
        if (earlier == null && row.relatedReference() != null) {
          earlier = "（" + row.relatedReference() + "）";
        }
        yield new LetterFields.Grounds(
            "本机关已就您提出的政府信息公开申请作出答复" + (earlier == null ? "" : earlier) + "，您重复申请公开相同政府信息。",
            LAW + "第三十六条第（六）项",
            "本机关不予重复处理。");
      }
      case NOT_PROCESSED_PUBLICATION ->
          new LetterFields.Grounds(
              "您申请的内容为要求提供政府公报、报刊、书籍等公开出版物。", LAW + "第三十九条第二款", "现告知您可以通过公开发行渠道或者公共图书馆等途径获取。");
      case NOT_PROCESSED_EXCESSIVE ->
          new LetterFields.Grounds(
              "您申请公开政府信息的数量、频次明显超过合理范围，本机关认为申请理由不合理。", LAW + "第三十五条", "本机关不予处理。");
      case NOT_PROCESSED_CONFIRMATION ->
          new LetterFields.Grounds(
              "您的申请系要求本机关确认或者重新出具您已获取的信息，不属于获取本机关已制作或者获取的政府信息的申请。",
              LAW + "第二条、第三十六条",
              "本机关不作为政府信息公开申请处理。");
      default -> throw new IllegalArgumentException(outcome.name());
    };
  }

  private LetterFields.Heading heading(RequestRow row, Agency agency) {
    return new LetterFields.Heading(
        row.trackingNumber(),
        row.applicantName(),
        date(row.receivedOn()),
        row.description(),
        agency.name(),
        agency.address(),
        agency.phone(),
        agency.reconsiderationBody(),
        agency.court(),
        seal);
  }

  /**
   * The date of the latest history event of this type, from its details (e.g. the Art. 35
   * decision).
   */
  private Optional<LocalDate> lastEventDate(String requestId, String type, String field) {
    return events.latestDetail(requestId, type, field).map(LocalDate::parse);
  }

  /** 2026年6月8日: how official letters write dates. */
  public static String date(LocalDate d) {
    return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  static String yuan(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
