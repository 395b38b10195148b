package org.disclosuredesk.letters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.handling.Consultations;
import org.disclosuredesk.handling.Decisions;
import org.disclosuredesk.kernel.FeeMethod;
import org.disclosuredesk.handling.Fees;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.DeliveryChannel;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.reply.Conclusion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What goes into a letter: picks the template for the kind (and, for replies, the outcome) and fills the model from
 * the request's current data, so a regenerated letter says what the file says now. Every letter is in the name of
 * the request's agency (DOMAIN.md §8, Art. 4): its name, address and phone, and its reconsideration body and court
 * in the rights notice, from the registry.
 */
@Component
public class LetterContent {

  private static final String LAW = "《中华人民共和国政府信息公开条例》";

  /** A letter ready to render. */
  public record Prepared(LetterKind kind, String template, String title, Map<String, Object> model) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Consultations consultations;
  private final Fees fees;
  private final Decisions decisions;
  private final Agencies agencies;
  private final String seal;

  public LetterContent(JdbcClient jdbc, ObjectMapper json, Consultations consultations, Fees fees,
      Decisions decisions, Agencies agencies, @Value("${disclosure.letters.seal:【印章】}") String seal) {
    this.jdbc = jdbc;
    this.json = json;
    this.consultations = consultations;
    this.fees = fees;
    this.decisions = decisions;
    this.agencies = agencies;
    this.seal = seal;
  }

  /** Empty when the request holds nothing for this letter (e.g. a waived fee, a reply before the conclusion). */
  public Optional<Prepared> prepare(LetterKind kind, String sourceId, RequestRow row) {
    // read now, not cached: an admin may have changed the agency's address on another node
    Agency agency = agencies.get(row.agencyCode());
    Map<String, Object> m = common(row, agency);
    return switch (kind) {
      case ACKNOWLEDGEMENT -> {
        m.put("channel", Channel.valueOf(row.channel()).label());
        m.put("dueOn", row.dueOn() == null ? "法定期限届满之日" : date(row.dueOn()));
        m.put("letterDate", date(row.receivedOn()));
        yield Optional.of(new Prepared(kind, "acknowledgement", kind.title(), m));
      }
      case SUPPLEMENT_NOTICE -> {
        if (row.supplementNoticeOn() == null) {
          yield Optional.empty();
        }
        m.put("items", row.supplementItems());
        m.put("supplementDueOn", date(row.supplementDueOn()));
        m.put("letterDate", date(row.supplementNoticeOn()));
        yield Optional.of(new Prepared(kind, "supplement-notice", kind.title(), m));
      }
      case EXTENSION_NOTICE -> extension(kind, row, m);
      case CUSTOM_PERIOD_NOTICE -> {
        if (row.customPeriodReason() == null) {
          yield Optional.empty();
        }
        m.put("reason", row.customPeriodReason());
        m.put("workingDays", String.valueOf(row.periodWorkingDays()));
        m.put("dueOn", row.dueOn() == null ? "法定期限届满之日" : date(row.dueOn()));
        m.put("letterDate", date(lastEventDate(row.id(), "CUSTOM_PERIOD", "decidedOn").orElse(row.receivedOn())));
        yield Optional.of(new Prepared(kind, "custom-period-notice", kind.title(), m));
      }
      case FEE_NOTICE -> fees.list(row.id()).stream()
          .filter(f -> sourceId == null ? f.paymentDueOn() != null : f.id().equals(sourceId))
          .filter(f -> f.paymentDueOn() != null)
          .reduce((a, b) -> b)
          .map(f -> {
            m.put("method", FeeMethod.valueOf(f.method()).label());
            m.put("pagesText", f.pages() == null ? "" : "（共" + f.pages() + "页）");
            m.put("amount", yuan(f.amountYuan()));
            m.put("amountInWords", ChineseAmount.of(f.amountYuan()));
            m.put("paymentDueOn", date(f.paymentDueOn()));
            m.put("letterDate", date(f.noticeOn()));
            return new Prepared(kind, "fee-notice", kind.title(), m);
          });
      case CONSULTATION -> consultations.list(row.id()).stream()
          .filter(c -> sourceId == null || c.id().equals(sourceId))
          .reduce((a, b) -> b)
          .map(c -> {
            boolean third = Consultations.Kind.THIRD_PARTY.name().equals(c.kind());
            m.put("party", c.party());
            m.put("answerDueOn", date(c.answerDueOn()));
            m.put("letterDate", date(c.sentOn()));
            return new Prepared(kind, third ? "consultation-third-party" : "consultation-agency",
                third ? "第三方意见征询函" : "政府信息公开征求意见函", m);
          });
      case REPLY, DISCONTINUANCE_NOTICE -> reply(row, agency, m);
    };
  }

  private Optional<Prepared> extension(LetterKind kind, RequestRow row, Map<String, Object> m) {
    return jdbc.sql("SELECT working_days, reason, decided_on FROM dd_extension WHERE request_id = ?"
            + " AND status = 'APPROVED' ORDER BY decided_on DESC").param(row.id())
        .query((rs, i) -> {
          m.put("workingDays", String.valueOf(rs.getInt("working_days")));
          m.put("reason", rs.getString("reason"));
          m.put("dueOn", row.dueOn() == null ? "延长后的期限届满之日" : date(row.dueOn()));
          m.put("letterDate", date(rs.getObject("decided_on", LocalDate.class)));
          return new Prepared(kind, "extension-notice", kind.title(), m);
        })
        .optional();
  }

  private Optional<Prepared> reply(RequestRow row, Agency agency, Map<String, Object> m) {
    if (row.outcome() == null || row.concludedOn() == null) {
      return Optional.empty();
    }
    Outcome outcome = Outcome.valueOf(row.outcome());
    String reason = row.outcomeReason();
    m.put("letterDate", date(row.concludedOn()));
    m.put("rightsNotice", Conclusion.rightsNotice(outcome, agency));
    m.put("reason", reason == null ? "" : reason);
    m.put("hasReason", reason != null && !reason.isBlank());
    m.put("deliveryText", row.deliveryMethod() == null ? "（随本答复书一并提供）"
        : "（提供方式：" + DeliveryChannel.valueOf(row.deliveryMethod()).label() + "）");
    String template = switch (outcome) {
      case DISCLOSED -> {
        if (Boolean.TRUE.equals(row.alreadyPublic())) {
          m.put("accessText", reason == null || reason.isBlank()
              ? "请通过本机关门户网站政府信息公开专栏查阅。" : reason);
          yield "reply-already-public";
        }
        yield "reply-disclosed";
      }
      case PARTIALLY_DISCLOSED -> {
        m.put("reasonText", reason == null || reason.isBlank()
            ? "该部分内容依照" + LAW + "第十四条、第十五条、第十六条的规定不予公开。" : reason);
        yield "reply-partially-disclosed";
      }
      case WITHHELD_STATE_SECRET, WITHHELD_PROHIBITED_BY_LAW, WITHHELD_SECURITY_STABILITY,
          WITHHELD_THIRD_PARTY_RIGHTS, WITHHELD_INTERNAL_AFFAIRS, WITHHELD_PROCESS_INFORMATION,
          WITHHELD_ENFORCEMENT_CASE_FILE, WITHHELD_ADMINISTRATIVE_QUERY -> {
        m.put("ground", withheldGround(outcome, row.thirdPartyInterest()));
        m.put("legalBasis", LAW + withheldArticles(outcome));
        yield "reply-withheld";
      }
      case UNAVAILABLE_NOT_HELD -> {
        if (NotHeldReason.OTHER_AGENCY.name().equals(row.notHeldReason())) {
          otherAgency(row, m);
          yield "reply-other-agency";
        }
        yield "reply-not-held";
      }
      case UNAVAILABLE_NEEDS_CREATION -> "reply-needs-creation";
      case UNAVAILABLE_STILL_UNCLEAR -> {
        m.put("supplementNoticeOn", date(row.supplementNoticeOn()));
        m.put("supplementReceivedOn", date(row.supplementReceivedOn()));
        yield "reply-still-unclear";
      }
      case NOT_PROCESSED_PETITION, NOT_PROCESSED_DUPLICATE, NOT_PROCESSED_PUBLICATION, NOT_PROCESSED_EXCESSIVE,
          NOT_PROCESSED_CONFIRMATION -> {
        notProcessed(outcome, row, m);
        yield "reply-not-processed";
      }
      case OTHER_NO_SUPPLEMENT -> {
        m.put("supplementNoticeOn", date(row.supplementNoticeOn()));
        m.put("supplementDueOn", date(row.supplementDueOn()));
        yield "discontinued-no-supplement";
      }
      case OTHER_FEE_UNPAID -> {
        fees.list(row.id()).stream().filter(f -> f.paymentDueOn() != null).reduce((a, b) -> b).ifPresent(f -> {
          m.put("feeNoticeOn", date(f.noticeOn()));
          m.put("amount", yuan(f.amountYuan()));
          m.put("paymentDueOn", date(f.paymentDueOn()));
        });
        yield "discontinued-fee-unpaid";
      }
      case OTHER -> {
        Optional<LocalDate> withdrawn = lastEventDate(row.id(), "WITHDRAWN", "withdrawnOn");
        if (withdrawn.isPresent()) {
          m.put("withdrawnOn", date(withdrawn.get()));
          String note = reason == null ? null : reason.replaceFirst("^申请人撤回申请：?", "");
          m.put("reason", note == null ? "" : note);
          m.put("hasReason", note != null && !note.isBlank());
          yield "reply-withdrawn";
        }
        yield "reply-other";
      }
    };
    LetterKind kind = outcome.isProcessOutcome() ? LetterKind.DISCONTINUANCE_NOTICE : LetterKind.REPLY;
    return Optional.of(new Prepared(kind, template, kind.title(), m));
  }

  /**
   * Art. 36(5): the agency that holds the information, with its contact when it is one of the platform's (as the
   * decision recorded it); one outside the platform as the reviewer wrote it.
   */
  private void otherAgency(RequestRow row, Map<String, Object> m) {
    Optional<Decisions.ResponsibleAgency> named = decisions.responsibleAgency(row);
    m.put("responsibleAgency", named.map(Decisions.ResponsibleAgency::name)
        .orElse(row.responsibleAgency() == null ? "其他行政机关" : row.responsibleAgency()));
    m.put("responsibleAgencyAddress", named.map(Decisions.ResponsibleAgency::address).orElse(""));
    m.put("responsibleAgencyPhone", named.map(Decisions.ResponsibleAgency::phone).orElse(""));
    String contact = named.map(Decisions.ResponsibleAgency::contact).orElse("");
    m.put("contactText", (contact.isEmpty() ? "" : contact + "。") + "请您向该机关咨询或者提出申请。");
  }

  static String withheldGround(Outcome outcome, String interest) {
    return switch (outcome) {
      case WITHHELD_STATE_SECRET -> "属于依法确定为国家秘密的政府信息";
      case WITHHELD_PROHIBITED_BY_LAW -> "属于法律、行政法规禁止公开的政府信息";
      case WITHHELD_SECURITY_STABILITY -> "公开后可能危及国家安全、公共安全、经济安全、社会稳定";
      case WITHHELD_THIRD_PARTY_RIGHTS -> {
        String what = ThirdPartyInterest.TRADE_SECRET.name().equals(interest) ? "商业秘密"
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
      case WITHHELD_STATE_SECRET, WITHHELD_PROHIBITED_BY_LAW, WITHHELD_SECURITY_STABILITY -> "第十四条、第三十六条第（三）项";
      case WITHHELD_THIRD_PARTY_RIGHTS -> "第十五条、第三十六条第（三）项";
      case WITHHELD_INTERNAL_AFFAIRS -> "第十六条第一款、第三十六条第（三）项";
      case WITHHELD_PROCESS_INFORMATION, WITHHELD_ENFORCEMENT_CASE_FILE -> "第十六条第二款、第三十六条第（三）项";
      default -> "第三十六条第（三）项";
    };
  }

  private void notProcessed(Outcome outcome, RequestRow row, Map<String, Object> m) {
    switch (outcome) {
      case NOT_PROCESSED_PETITION -> {
        m.put("ground", "您提出的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。");
        m.put("legalBasis", LAW + "第三十九条第一款");
        m.put("consequence", "本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。");
      }
      case NOT_PROCESSED_DUPLICATE -> {
        String earlier = row.relatedRequestId() == null ? null : jdbc.sql(
                "SELECT tracking_number FROM dd_request WHERE id = ?").param(row.relatedRequestId())
            .query(String.class).optional().map(t -> "（受理编号：" + t + "）").orElse(null);
        if (earlier == null && row.relatedReference() != null) {
          earlier = "（" + row.relatedReference() + "）";
        }
        m.put("ground", "本机关已就您提出的政府信息公开申请作出答复" + (earlier == null ? "" : earlier)
            + "，您重复申请公开相同政府信息。");
        m.put("legalBasis", LAW + "第三十六条第（六）项");
        m.put("consequence", "本机关不予重复处理。");
      }
      case NOT_PROCESSED_PUBLICATION -> {
        m.put("ground", "您申请的内容为要求提供政府公报、报刊、书籍等公开出版物。");
        m.put("legalBasis", LAW + "第三十九条第二款");
        m.put("consequence", "现告知您可以通过公开发行渠道或者公共图书馆等途径获取。");
      }
      case NOT_PROCESSED_EXCESSIVE -> {
        m.put("ground", "您申请公开政府信息的数量、频次明显超过合理范围，本机关认为申请理由不合理。");
        m.put("legalBasis", LAW + "第三十五条");
        m.put("consequence", "本机关不予处理。");
      }
      case NOT_PROCESSED_CONFIRMATION -> {
        m.put("ground", "您的申请系要求本机关确认或者重新出具您已获取的信息，不属于获取本机关已制作或者获取的政府信息的申请。");
        m.put("legalBasis", LAW + "第二条、第三十六条");
        m.put("consequence", "本机关不作为政府信息公开申请处理。");
      }
      default -> throw new IllegalArgumentException(outcome.name());
    }
  }

  private Map<String, Object> common(RequestRow row, Agency agency) {
    Map<String, Object> m = new HashMap<>();
    m.put("trackingNumber", row.trackingNumber());
    m.put("applicantName", row.applicantName());
    m.put("receivedOn", date(row.receivedOn()));
    m.put("description", row.description());
    m.put("agencyName", agency.name());
    m.put("agencyAddress", agency.address());
    m.put("agencyPhone", agency.phone());
    m.put("reconsiderationBody", agency.reconsiderationBody());
    m.put("court", agency.court());
    m.put("seal", seal);
    return m;
  }

  /** The date of the latest history event of this type, from its details (e.g. the Art. 35 decision). */
  private Optional<LocalDate> lastEventDate(String requestId, String type, String field) {
    return jdbc.sql("SELECT details FROM dd_event WHERE request_id = ? AND type = ? ORDER BY seq DESC")
        .params(requestId, type).query(String.class).list().stream().findFirst()
        .map(details -> {
          try {
            return json.readTree(details).path(field).asText(null);
          } catch (JsonProcessingException e) {
            return null;
          }
        })
        .map(LocalDate::parse);
  }

  /** 2026年6月8日: how official letters write dates. */
  public static String date(LocalDate d) {
    return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  static String yuan(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
