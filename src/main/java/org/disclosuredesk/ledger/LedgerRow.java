package org.disclosuredesk.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.request.RegistrationForm;

/**
 * One row of a ledger file read with its types: a component for each column of the template ({@link
 * LedgerColumn}, in its order), after the row's number in the spreadsheet. What the steps of the
 * import send is built from these components only ({@link LedgerSteps}), so each value goes where
 * its column says.
 */
record LedgerRow(
    int number,
    String externalReference,
    Channel channel,
    LocalDate arrivedOn,
    LocalDate confirmedOn,
    ApplicantType applicantType,
    String applicantName,
    IdType idType,
    String idNumber,
    String creditCode,
    String email,
    String phone,
    String address,
    String description,
    String topic,
    LocalDate supplementNoticeOn,
    LocalDate supplementDueOn,
    LocalDate supplementReceivedOn,
    Integer extensionWorkingDays,
    LocalDate extensionApprovedOn,
    Outcome outcome,
    Boolean alreadyPublic,
    ThirdPartyInterest thirdPartyInterest,
    NotHeldReason notHeldReason,
    LocalDate repliedOn,
    String note) {

  /**
   * The row read, or null when a cell is wrong: every problem found on the way goes to the list.
   */
  static LedgerRow parse(
      LedgerFile.Line line, LocalDate today, List<LedgerImport.Problem> problems) {
    Cells c = new Cells(line, today, problems);
    String ref = c.text(LedgerColumn.EXTERNAL_REFERENCE, true, 200);
    Channel channel = c.code(LedgerColumn.CHANNEL, true, LedgerCodes::channel);
    LocalDate arrived = c.pastDate(LedgerColumn.ARRIVED_ON, true);
    LocalDate confirmed = c.pastDate(LedgerColumn.CONFIRMED_ON, false);
    ApplicantType type = c.code(LedgerColumn.APPLICANT_TYPE, true, LedgerCodes::applicantType);
    String name = c.text(LedgerColumn.APPLICANT_NAME, true, Integer.MAX_VALUE);
    IdType idType = c.code(LedgerColumn.ID_TYPE, false, LedgerCodes::idType);
    // the applicant's formats are the registration's own checks (LedgerImport.validate)
    String idNumber = c.text(LedgerColumn.ID_NUMBER, false);
    String creditCode = c.text(LedgerColumn.CREDIT_CODE, false);
    String email = c.text(LedgerColumn.EMAIL, false);
    String phone = c.text(LedgerColumn.PHONE, false);
    String address = c.text(LedgerColumn.ADDRESS, false);
    String description = c.text(LedgerColumn.DESCRIPTION, true, 10_000);
    String topic = c.text(LedgerColumn.TOPIC, false, 100);
    LocalDate noticeOn = c.pastDate(LedgerColumn.SUPPLEMENT_NOTICE_ON, false);
    LocalDate supplementDue = c.date(LedgerColumn.SUPPLEMENT_DUE_ON, false);
    LocalDate supplementReceived = c.pastDate(LedgerColumn.SUPPLEMENT_RECEIVED_ON, false);
    Integer extensionDays = c.integer(LedgerColumn.EXTENSION_WORKING_DAYS, 1, 20);
    LocalDate extensionApproved = c.pastDate(LedgerColumn.EXTENSION_APPROVED_ON, false);
    Outcome outcome = c.code(LedgerColumn.OUTCOME, false, LedgerCodes::outcome);
    Boolean alreadyPublic = c.code(LedgerColumn.ALREADY_PUBLIC, false, LedgerCodes::yesNo);
    ThirdPartyInterest interest =
        c.code(LedgerColumn.THIRD_PARTY_INTEREST, false, LedgerCodes::interest);
    NotHeldReason notHeld = c.code(LedgerColumn.NOT_HELD_REASON, false, LedgerCodes::notHeld);
    LocalDate repliedOn = c.pastDate(LedgerColumn.REPLIED_ON, false);
    String note = c.text(LedgerColumn.NOTE, false, 2000);

    // the combinations a ledger must hold for the steps to be replayed
    c.together(
        LedgerColumn.SUPPLEMENT_NOTICE_ON, LedgerColumn.SUPPLEMENT_DUE_ON, "补正告知须同时填写补正告知日期和补正期限");
    c.requires(
        LedgerColumn.SUPPLEMENT_RECEIVED_ON,
        LedgerColumn.SUPPLEMENT_NOTICE_ON,
        "有补正收到日期的，须填写补正告知日期");
    c.together(
        LedgerColumn.EXTENSION_WORKING_DAYS,
        LedgerColumn.EXTENSION_APPROVED_ON,
        "延期须同时填写延期工作日和延期批准日期");
    c.together(LedgerColumn.OUTCOME, LedgerColumn.REPLIED_ON, "已办结的申请须同时填写处理结果和答复日期；办理中的申请两列都不填");
    if (outcome == Outcome.OTHER_FEE_UNPAID) {
      c.problem(LedgerColumn.OUTCOME, "导入模板没有收费通知的日期和金额，无法按收费环节登记逾期未缴费：请在系统中登记该申请并发出收费通知");
    }
    if (outcome == Outcome.OTHER_NO_SUPPLEMENT) {
      if (noticeOn == null || supplementDue == null) {
        c.problem(LedgerColumn.OUTCOME, "逾期不补正的，须填写补正告知日期和补正期限");
      } else if (supplementReceived != null) {
        c.problem(LedgerColumn.OUTCOME, "已收到补正的，不是逾期不补正");
      } else if (!supplementDue.isBefore(today)) {
        c.problem(LedgerColumn.SUPPLEMENT_DUE_ON, "补正期限尚未届满，还不能认定逾期不补正");
      } else if (repliedOn != null && !repliedOn.equals(supplementDue.plusDays(1))) {
        c.problem(
            LedgerColumn.REPLIED_ON, "逾期不补正的，办结日期为补正期限的次日（" + supplementDue.plusDays(1) + "）");
      }
    }
    if (outcome == Outcome.UNAVAILABLE_STILL_UNCLEAR && supplementReceived == null) {
      c.problem(LedgerColumn.OUTCOME, "补正后申请内容仍不明确，须有补正收到日期（第三十条）");
    }
    if (alreadyPublic != null && outcome != Outcome.DISCLOSED) {
      c.problem(LedgerColumn.ALREADY_PUBLIC, "只在处理结果为予以公开时填写");
    }
    if (outcome == Outcome.WITHHELD_THIRD_PARTY_RIGHTS
        && interest == null
        && !c.has(LedgerColumn.THIRD_PARTY_INTEREST)) {
      c.problem(LedgerColumn.THIRD_PARTY_INTEREST, "保护第三方合法权益的，须写明商业秘密、个人隐私或其他");
    }
    if (outcome == Outcome.UNAVAILABLE_NOT_HELD
        && notHeld == null
        && !c.has(LedgerColumn.NOT_HELD_REASON)) {
      c.problem(LedgerColumn.NOT_HELD_REASON, "本机关不掌握的，须写明信息不存在或由其他机关负责公开");
    }
    if (notHeld == NotHeldReason.OTHER_AGENCY && note == null) {
      c.problem(LedgerColumn.NOTE, "由其他机关负责公开的，须写明负责公开的机关");
    }
    if (outcome == Outcome.OTHER && note == null) {
      c.problem(LedgerColumn.NOTE, "处理结果为其他的，须写明情形（如 申请人撤回）");
    }
    if (c.failed()) {
      return null;
    }
    return new LedgerRow(
        line.number(),
        ref,
        channel,
        arrived,
        confirmed,
        type,
        name,
        idType,
        idNumber,
        creditCode,
        email,
        phone,
        address,
        description,
        topic,
        noticeOn,
        supplementDue,
        supplementReceived,
        extensionDays,
        extensionApproved,
        outcome,
        alreadyPublic,
        interest,
        notHeld,
        repliedOn,
        note);
  }

  /** 登记: the registration form, as a clerk would have filled it in. */
  RegistrationForm registration(String agency) {
    return new RegistrationForm(
            channel.name(),
            arrivedOn.toString(),
            confirmedOn == null ? null : confirmedOn.toString(),
            new RegistrationForm.Applicant(
                applicantType.name(),
                applicantName,
                idNumber,
                creditCode,
                email,
                phone,
                address,
                idType == null ? null : idType.name()),
            null,
            description,
            topic,
            null,
            null,
            externalReference)
        .forAgency(agency);
  }

  /** 要求补正, when the ledger has a supplement notice. */
  LedgerSteps.SupplementRequest supplementRequest() {
    return new LedgerSteps.SupplementRequest(supplementNoticeOn, supplementDueOn, "台账导入：补正内容见原台账");
  }

  /** 登记补正, when the supplement came in. */
  LedgerSteps.Supplement supplement() {
    return new LedgerSteps.Supplement(supplementReceivedOn);
  }

  /** 申请延期 and its approval, on the day the ledger says it was approved. */
  LedgerSteps.ExtensionRequest extensionRequest() {
    return new LedgerSteps.ExtensionRequest(
        extensionApprovedOn, extensionWorkingDays, "台账导入：延期理由见原台账");
  }

  LedgerSteps.ExtensionDecision extensionDecision() {
    return new LedgerSteps.ExtensionDecision(true, extensionApprovedOn);
  }

  /**
   * 作出决定 on the reply date (答复日期). A disclosure needs a confidentiality review (Art. 17): the
   * ledger names no reviewer, so the review is recorded as {@link LedgerImport#FROM_LEDGER}, on the
   * reply date.
   */
  LedgerSteps.Decision decision() {
    return new LedgerSteps.Decision(
        outcome,
        repliedOn,
        note,
        alreadyPublic,
        thirdPartyInterest,
        notHeldReason,
        notHeldReason == NotHeldReason.OTHER_AGENCY ? note : null,
        outcome.isDisclosure()
            ? new LedgerSteps.ConfidentialityReview(LedgerImport.FROM_LEDGER, repliedOn)
            : null);
  }

  /** 签发 on the reply date. */
  LedgerSteps.SignOff signOff() {
    return new LedgerSteps.SignOff(true, repliedOn, "台账导入：签发情况以原台账为准");
  }

  /** Reads one row's cells, noting every problem with its column. */
  private static final class Cells {
    private final LedgerFile.Line line;
    private final LocalDate today;
    private final List<LedgerImport.Problem> problems;
    private final int before;

    Cells(LedgerFile.Line line, LocalDate today, List<LedgerImport.Problem> problems) {
      this.line = line;
      this.today = today;
      this.problems = problems;
      this.before = problems.size();
    }

    boolean failed() {
      return problems.size() > before;
    }

    boolean has(LedgerColumn c) {
      return line.get(c) != null;
    }

    void problem(LedgerColumn c, String message) {
      problems.add(new LedgerImport.Problem(line.number(), c.header(), message));
    }

    String text(LedgerColumn c, boolean required) {
      String v = line.get(c);
      if (v == null && required) {
        problem(c, "必填");
      }
      return v;
    }

    String text(LedgerColumn c, boolean required, int max) {
      String v = text(c, required);
      if (v != null && v.length() > max) {
        problem(c, "不能超过 " + max + " 个字符");
        return null;
      }
      return v;
    }

    <T> T code(LedgerColumn c, boolean required, Function<String, Optional<T>> parse) {
      String v = text(c, required);
      if (v == null) {
        return null;
      }
      var parsed = parse.apply(v);
      if (parsed.isEmpty()) {
        problem(c, "“" + v + "”不是允许的取值（见模板的填写说明）");
        return null;
      }
      return parsed.get();
    }

    LocalDate date(LedgerColumn c, boolean required) {
      String v = text(c, required);
      if (v == null) {
        return null;
      }
      try {
        // also 2024/3/5 as spreadsheets print dates
        String iso =
            v.matches("\\d{4}/\\d{1,2}/\\d{1,2}")
                ? String.format(
                    "%s-%02d-%02d",
                    v.split("/")[0],
                    Integer.parseInt(v.split("/")[1]),
                    Integer.parseInt(v.split("/")[2]))
                : v;
        LocalDate d = LocalDate.parse(iso);
        if (d.getYear() < 1900) {
          problem(c, "日期超出合理范围");
          return null;
        }
        return d;
      } catch (DateTimeParseException | NumberFormatException e) {
        problem(c, "“" + v + "”不是日期：格式应为 YYYY-MM-DD");
        return null;
      }
    }

    LocalDate pastDate(LedgerColumn c, boolean required) {
      LocalDate d = date(c, required);
      if (d != null && d.isAfter(today)) {
        problem(c, "不能晚于今天（" + today + "）");
        return null;
      }
      return d;
    }

    Integer integer(LedgerColumn c, int min, int max) {
      String v = text(c, false);
      if (v == null) {
        return null;
      }
      try {
        int n = Integer.parseInt(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
        if (n < min || n > max) {
          problem(c, "应在 " + min + " 到 " + max + " 之间");
          return null;
        }
        return n;
      } catch (NumberFormatException e) {
        problem(c, "“" + v + "”不是整数");
        return null;
      }
    }

    void together(LedgerColumn a, LedgerColumn b, String message) {
      if (has(a) != has(b)) {
        problem(has(a) ? b : a, message);
      }
    }

    void requires(LedgerColumn a, LedgerColumn b, String message) {
      if (has(a) && !has(b)) {
        problem(b, message);
      }
    }
  }
}
