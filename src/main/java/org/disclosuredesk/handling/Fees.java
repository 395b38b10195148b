package org.disclosuredesk.handling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.deadline.SuspensionKind;
import org.disclosuredesk.kernel.FeeMethod;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Information-processing fees (Art. 42, 国办函〔2020〕109号): the notice stops the clock until payment;
 * 20 working days to pay, else the request is deemed abandoned. The amount must match the tiers.
 */
@Service
public class Fees {

  public static final List<String> FIELDS =
      List.of(
          "noticeOn", "deliveredOn", "feeMethod", "pages", "amountYuan", "waived", "waiverReason");
  public static final String EXPIRES_AT = "paymentExpiresAt";
  public static final String PAYABLE = "feePayable";

  public record FeeNotice(
      String id,
      String requestId,
      LocalDate noticeOn,
      LocalDate deliveredOn,
      String method,
      Integer pages,
      BigDecimal amountYuan,
      boolean waived,
      String waiverReason,
      LocalDate paymentDueOn,
      LocalDate paidOn,
      String status) {

    /** Waiting for payment: neither paid, expired nor waived. */
    public boolean open() {
      return "OPEN".equals(status);
    }
  }

  /**
   * The history's details of each step (dd_event); {@code paymentDueOn} only when there is
   * something to pay.
   */
  record Noticed(
      String method,
      String amountYuan,
      LocalDate noticeOn,
      boolean waived,
      @JsonInclude(Include.NON_NULL) LocalDate paymentDueOn) {}

  record Paid(LocalDate paidOn, String amountYuan) {}

  record Expired(LocalDate paymentDueOn) {}

  private final FeeNoticeRepository notices;
  private final RequestRepository requests;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final RequestDeadlines deadlines;
  private final Stops stops;
  private final TaskDates dates;
  private final Mailer mailer;

  public Fees(
      FeeNoticeRepository notices,
      RequestRepository requests,
      RequestEvents events,
      BusinessClock clock,
      RequestDeadlines deadlines,
      Stops stops,
      TaskDates dates,
      Mailer mailer) {
    this.notices = notices;
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    this.deadlines = deadlines;
    this.stops = stops;
    this.dates = dates;
    this.mailer = mailer;
  }

  /** Issues a fee notice; answers whether the applicant has to pay (not waived, not free). */
  public boolean notice(RequestRow row, StepInput in, String actor, VariableScope process) {
    LocalDate noticeOn = in.pastDate("noticeOn", true, clock.today(), row.clockStartOn(), "收到申请之日");
    LocalDate deliveredOn =
        in.present("deliveredOn")
            ? in.pastDate("deliveredOn", false, clock.today(), noticeOn, "收费通知日期")
            : noticeOn;
    FeeMethod method = in.code("feeMethod", FeeMethod.class, true);
    Integer pages = in.integer("pages", method == FeeMethod.PER_VOLUME, 1, 1_000_000);
    BigDecimal amount = in.amount("amountYuan", true);
    boolean waived = Boolean.TRUE.equals(in.bool("waived", false));
    String waiverReason = in.text("waiverReason", waived, StepInput.TEXT_MAX);
    if (method == FeeMethod.PER_REQUEST && pages != null) {
      in.errors().add("pages", "按件计收不填页数（按件、按量不能同时适用）");
    }
    // 按件: the tier is this request's place among the applicant's requests of its calendar month
    BigDecimal expected =
        method == null || (method == FeeMethod.PER_VOLUME && pages == null)
            ? null
            : method == FeeMethod.PER_VOLUME
                ? FeeSchedule.perVolume(pages)
                : FeeSchedule.perRequest(requests.placeInApplicantsMonth(row));
    if (amount != null && expected != null && amount.compareTo(expected) != 0) {
      in.errors().add("amountYuan", "金额与收费标准不符，应为 " + expected.toPlainString() + " 元");
    }
    in.errors().throwIfAny();
    if (notices.anyOpenOrPaid(row.id())) {
      throw new ConflictException("该申请已发出收费通知");
    }
    boolean payable = !waived && amount.signum() > 0;
    String id = UUID.randomUUID().toString();
    LocalDate payBy = payable ? deadlines.calculator().feePaymentLimit(deliveredOn) : null;
    notices.insert(
        new FeeNotice(
            id,
            row.id(),
            noticeOn,
            deliveredOn,
            method.name(),
            pages,
            amount,
            waived,
            waiverReason,
            payBy,
            null,
            payable ? "OPEN" : "WAIVED"));
    events.record(
        row.id(),
        "FEE_NOTICE",
        actor,
        new Noticed(method.name(), amount.toPlainString(), noticeOn, waived, payBy));
    process.setVariable(PAYABLE, payable);
    if (payable) {
      stops.open(row.id(), SuspensionKind.FEE_NOTICE, noticeOn, id);
      deadlines.refresh(row.id());
      dates.openPeriod(process, EXPIRES_AT, payBy, id);
      if (row.applicantEmail() != null) {
        mailer.queue(
            row.id(),
            "FEE_NOTICE",
            row.applicantEmail(),
            "信息处理费收费通知：" + row.trackingNumber(),
            "fee-notice",
            new FeeMail(row, method.label(), amount.toPlainString(), payBy),
            List.of());
      }
    }
    return payable;
  }

  public void paid(RequestRow row, String feeId, StepInput in, String actor) {
    FeeNotice fee = get(row.id(), feeId);
    LocalDate paidOn = in.pastDate("paidOn", true, clock.today(), fee.noticeOn(), "收费通知日期");
    in.errors().throwIfAny();
    if (!fee.open()) {
      throw new ConflictException("该收费通知已结束");
    }
    if (paidOn.isAfter(fee.paymentDueOn())) {
      throw new ConflictException("缴费期限（" + fee.paymentDueOn() + "）已过，不能再登记缴费");
    }
    notices.paid(fee.id(), paidOn);
    requests.update(row.id(), "fees_collected_yuan", row.feesCollectedYuan().add(fee.amountYuan()));
    stops.close(fee.id(), paidOn);
    events.record(row.id(), "FEE_PAID", actor, new Paid(paidOn, fee.amountYuan().toPlainString()));
    deadlines.refresh(row.id());
    stops.afterClosing(row.id());
  }

  /** Not paid in 20 working days: deemed abandoned, concluded the day after the last day. */
  public void expired(RequestRow row, String feeId) {
    FeeNotice fee = get(row.id(), feeId);
    notices.expired(fee.id());
    stops.close(fee.id(), fee.paymentDueOn());
    Columns cols = new Columns();
    cols.set("outcome", Outcome.OTHER_FEE_UNPAID.name());
    cols.set("decided_on", DeadlineCalculator.expiryConclusionDate(fee.paymentDueOn()));
    cols.set("outcome_reason", "申请人逾期未缴纳信息处理费，视为放弃申请");
    requests.update(row.id(), cols);
    events.record(row.id(), "FEE_EXPIRED", "system", new Expired(fee.paymentDueOn()));
  }

  public FeeNotice get(String requestId, String id) {
    return notices.find(requestId, id).orElseThrow(() -> new NotFoundException("没有这个收费通知：" + id));
  }

  public List<FeeNotice> list(String requestId) {
    return notices.of(requestId);
  }

  /** The fee notice's model (mail/fee-notice.mustache). */
  public record FeeMail(
      RequestRow request, String methodLabel, String amount, LocalDate paymentDueOn) {}
}
