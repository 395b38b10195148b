package org.disclosuredesk.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.disclosuredesk.handling.Extensions;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.security.PersonalData;
import org.springframework.stereotype.Service;

/**
 * The ledger out (台账导出): the requests the ledger's filters hold, in the columns of the import
 * template and with the labels it accepts, so that what is exported imports again unchanged.
 */
@Service
public class LedgerExport {

  /** Ten years of a busy agency in one file; a bigger ledger is exported year by year. */
  public static final int MAX_ROWS = 100_000;

  private static final int CHUNK = 500;

  private final RequestRepository requests;
  private final Extensions extensions;

  public LedgerExport(RequestRepository requests, Extensions extensions) {
    this.requests = requests;
    this.extensions = extensions;
  }

  /**
   * The rows of these requests, in the order given; {@code masked}: ID numbers and phones as
   * managers see them.
   */
  public List<Map<LedgerColumn, String>> rows(List<String> ids, boolean masked) {
    List<Map<LedgerColumn, String>> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      Map<String, RequestRow> rows =
          requests.byIds(chunk).stream()
              .collect(Collectors.toMap(RequestRow::id, Function.identity()));
      Map<String, LocalDate> approved = extensionsApproved(chunk);
      for (String id : chunk) {
        RequestRow r = rows.get(id);
        if (r != null) {
          out.add(row(r, approved.get(id), masked));
        }
      }
    }
    return out;
  }

  /**
   * When each request's extension was approved (the latest approval, should there be more than
   * one).
   */
  private Map<String, LocalDate> extensionsApproved(List<String> ids) {
    Map<String, LocalDate> m = new HashMap<>();
    extensions.approved(ids).forEach(e -> m.putIfAbsent(e.requestId(), e.decidedOn()));
    return m;
  }

  static Map<LedgerColumn, String> row(
      RequestRow r, LocalDate extensionApprovedOn, boolean masked) {
    Map<LedgerColumn, String> m = new EnumMap<>(LedgerColumn.class);
    put(
        m,
        LedgerColumn.EXTERNAL_REFERENCE,
        r.externalReference() != null ? r.externalReference() : r.trackingNumber());
    put(m, LedgerColumn.CHANNEL, Channel.valueOf(r.channel()).label());
    put(m, LedgerColumn.ARRIVED_ON, LedgerFile.date(r.arrivedOn()));
    put(m, LedgerColumn.CONFIRMED_ON, LedgerFile.date(r.confirmedOn()));
    put(m, LedgerColumn.APPLICANT_TYPE, ApplicantType.valueOf(r.applicantType()).label());
    put(m, LedgerColumn.APPLICANT_NAME, r.applicantName());
    put(
        m,
        LedgerColumn.ID_TYPE,
        r.applicantIdType() == null ? null : IdType.valueOf(r.applicantIdType()).label());
    put(
        m,
        LedgerColumn.ID_NUMBER,
        masked ? PersonalData.maskIdNumber(r.applicantIdNumber()) : r.applicantIdNumber());
    put(m, LedgerColumn.CREDIT_CODE, r.applicantCreditCode());
    put(m, LedgerColumn.EMAIL, r.applicantEmail());
    put(
        m,
        LedgerColumn.PHONE,
        masked ? PersonalData.maskPhone(r.applicantPhone()) : r.applicantPhone());
    put(m, LedgerColumn.ADDRESS, r.applicantAddress());
    put(m, LedgerColumn.DESCRIPTION, r.description());
    put(m, LedgerColumn.TOPIC, r.topic());
    put(m, LedgerColumn.SUPPLEMENT_NOTICE_ON, LedgerFile.date(r.supplementNoticeOn()));
    put(m, LedgerColumn.SUPPLEMENT_DUE_ON, LedgerFile.date(r.supplementDueOn()));
    put(m, LedgerColumn.SUPPLEMENT_RECEIVED_ON, LedgerFile.date(r.supplementReceivedOn()));
    if (r.extended()) {
      put(m, LedgerColumn.EXTENSION_WORKING_DAYS, String.valueOf(r.extensionWorkingDays()));
      put(m, LedgerColumn.EXTENSION_APPROVED_ON, LedgerFile.date(extensionApprovedOn));
    }
    if (r.concluded()) {
      Outcome outcome = Outcome.valueOf(r.outcome());
      put(m, LedgerColumn.OUTCOME, outcome.label());
      if (outcome == Outcome.DISCLOSED && r.alreadyPublic() != null) {
        put(m, LedgerColumn.ALREADY_PUBLIC, r.alreadyPublic() ? "是" : "否");
      }
      put(
          m,
          LedgerColumn.THIRD_PARTY_INTEREST,
          r.thirdPartyInterest() == null
              ? null
              : LedgerCodes.label(ThirdPartyInterest.valueOf(r.thirdPartyInterest())));
      put(
          m,
          LedgerColumn.NOT_HELD_REASON,
          r.notHeldReason() == null
              ? null
              : LedgerCodes.label(NotHeldReason.valueOf(r.notHeldReason())));
      put(m, LedgerColumn.REPLIED_ON, LedgerFile.date(r.concludedOn()));
      put(
          m,
          LedgerColumn.NOTE,
          r.outcomeReason() != null ? r.outcomeReason() : r.responsibleAgency());
    }
    return m;
  }

  private static void put(Map<LedgerColumn, String> m, LedgerColumn c, String v) {
    if (v != null && !v.isBlank()) {
      m.put(c, v);
    }
  }
}
