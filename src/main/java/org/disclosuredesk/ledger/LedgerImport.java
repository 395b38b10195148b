package org.disclosuredesk.ledger;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.handling.RequestActions;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.mail.MailHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Importing a ledger (台账导入, API.md): every row goes through the steps a clerk, reviewer and office head would have
 * taken, with the ledger's dates — registration, supplement, extension, decision, sign-off — so due dates, history,
 * letters, tallies and statistics are what they would have been. All or nothing: the rows run in one transaction,
 * each in a savepoint so that one bad row does not hide the next one's problems, and any problem (or a dry run)
 * rolls everything back. Nothing is mailed: those steps happened long ago ({@link MailHold}).
 */
@Service
public class LedgerImport {

  private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);

  /** Who the ledger says nothing about: stands in where a step requires a person (保密审查). */
  static final String FROM_LEDGER = "台账导入（原台账未载明）";

  /** One bad cell: its row in the spreadsheet (1 is the header), its column, what is wrong, in Chinese. */
  public record Problem(int row, String column, String message) {}

  public record Result(int rows, int imported, int unchanged, List<Problem> errors, boolean dryRun) {}

  private final IntakeService intake;
  private final RequestActions actions;
  private final RequestEvents events;
  private final RequestRepository requests;
  private final ManagementService management;
  private final Validator validator;
  private final BusinessClock clock;
  private final TransactionTemplate all;
  private final TransactionTemplate each;

  public LedgerImport(IntakeService intake, RequestActions actions, RequestEvents events, RequestRepository requests,
      ManagementService management, Validator validator, BusinessClock clock,
      PlatformTransactionManager transactions) {
    this.intake = intake;
    this.actions = actions;
    this.events = events;
    this.requests = requests;
    this.management = management;
    this.validator = validator;
    this.clock = clock;
    this.all = new TransactionTemplate(transactions);
    this.each = new TransactionTemplate(transactions);
    this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** A row's problems, thrown out of its savepoint so that what it wrote is undone. */
  private static final class RowFailed extends RuntimeException {
    final List<Problem> problems;

    RowFailed(List<Problem> problems) {
      super(null, null, false, false);
      this.problems = problems;
    }
  }

  public Result run(String filename, byte[] content, boolean dryRun, String actor) {
    return run(filename, content, dryRun, actor, null);
  }

  /** {@code agency}: the agency the rows are registered for (null on a one-agency platform). */
  public Result run(String filename, byte[] content, boolean dryRun, String actor, String agency) {
    LedgerFile.Read read = LedgerFile.read(filename, content);
    if (!read.problems().isEmpty()) {
      return new Result(read.lines().size(), 0, 0, read.problems(), dryRun);
    }
    List<Problem> problems = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    LocalDate today = clock.today();
    for (LedgerFile.Line line : read.lines()) {
      Entry e = Entry.parse(line, today, problems);
      String ref = line.get(LedgerColumn.EXTERNAL_REFERENCE);
      if (ref != null) {
        Integer first = seen.putIfAbsent(ref, line.number());
        if (first != null) {
          problems.add(new Problem(line.number(), LedgerColumn.EXTERNAL_REFERENCE.header(),
              "与第 " + first + " 行的原编号相同：原编号在文件中应唯一"));
        }
      }
      validate(line, problems);
      if (e != null) {
        entries.add(e);
      }
    }
    int rows = read.lines().size();
    if (!problems.isEmpty()) {
      return new Result(rows, 0, 0, sorted(problems), dryRun);
    }
    int[] counts = new int[2];
    MailHold.during(() -> all.execute(status -> {
      for (Entry e : entries) {
        try {
          counts[each.execute(s -> apply(e, actor, agency)) ? 0 : 1]++;
        } catch (RowFailed f) {
          requests.forgetHeldRows();
          problems.addAll(f.problems);
        }
      }
      if (dryRun || !problems.isEmpty()) {
        status.setRollbackOnly();
      }
      return null;
    }));
    if (problems.isEmpty() && !dryRun) {
      log.info("ledger import by {}: {} rows, {} imported, {} unchanged", actor, rows, counts[0], counts[1]);
    }
    return new Result(rows, problems.isEmpty() ? counts[0] : 0, problems.isEmpty() ? counts[1] : 0,
        sorted(problems), dryRun);
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(java.util.Comparator.comparingInt(Problem::row));
    return out;
  }

  /** The applicant's fields in the formats the registration API checks (Bean Validation of {@link RegistrationForm}). */
  private void validate(LedgerFile.Line line, List<Problem> problems) {
    String type = LedgerCodes.applicantType(String.valueOf(line.get(LedgerColumn.APPLICANT_TYPE)))
        .orElse(ApplicantType.NATURAL_PERSON).name();
    var applicant = new RegistrationForm.Applicant(type, line.get(LedgerColumn.APPLICANT_NAME),
        line.get(LedgerColumn.ID_NUMBER), line.get(LedgerColumn.CREDIT_CODE), line.get(LedgerColumn.EMAIL),
        line.get(LedgerColumn.PHONE), line.get(LedgerColumn.ADDRESS), null);
    for (ConstraintViolation<RegistrationForm.Applicant> v : validator.validate(applicant)) {
      String field = "applicant." + v.getPropertyPath();
      if (!field.equals("applicant.name") || line.get(LedgerColumn.APPLICANT_NAME) != null) {
        problems.add(new Problem(line.number(), REGISTRATION.get(field).header(), v.getMessage()));
      }
    }
  }

  /** Runs one row's steps; false when its 原编号 is already here (imported before, or this system's own number). */
  private boolean apply(Entry e, String actor, String agency) {
    Optional<RequestRow> existing = requests.findByReferenceOrTrackingNumber(e.ref());
    if (existing.isPresent()) {
      // another agency's request is not this agency's "already imported": say so, touch nothing of it (DOMAIN.md §8)
      if (agency != null && !agency.equals(existing.get().agencyCode())) {
        throw new RowFailed(List.of(new Problem(e.line().number(), LedgerColumn.EXTERNAL_REFERENCE.header(),
            "该原编号已被平台上的其他机关使用，请换用本机关的原编号")));
      }
      return false;
    }
    String id = step(e, LedgerColumn.EXTERNAL_REFERENCE, REGISTRATION,
        () -> intake.register(e.form().forAgency(agency), actor).request().id());
    Map<String, Object> imported = new LinkedHashMap<>();
    imported.put("externalReference", e.ref());
    imported.put("warning", "本申请由台账导入（原编号 " + e.ref() + "）：各环节按台账所记日期逐步登记，台账未载明的保密审查人、"
        + "签发意见等以原台账为准");
    events.record(id, "LEDGER_IMPORTED", actor, imported);
    if (e.noticeOn() != null) {
      step(e, LedgerColumn.SUPPLEMENT_NOTICE_ON, SUPPLEMENT, () -> {
        actions.supplementRequest(id, of("noticeOn", e.noticeOn(), "supplementDueOn", e.supplementDue(),
            "items", "台账导入：补正内容见原台账"), actor);
        return null;
      });
      if (e.supplementReceived() != null) {
        step(e, LedgerColumn.SUPPLEMENT_RECEIVED_ON, SUPPLEMENT, () -> {
          actions.supplement(id, of("receivedOn", e.supplementReceived()), actor);
          return null;
        });
      } else if (e.outcome() == Outcome.OTHER_NO_SUPPLEMENT) {
        step(e, LedgerColumn.OUTCOME, Map.of(), () -> {
          expireSupplement(id);
          return null;
        });
        return true;
      }
    }
    if (e.extensionDays() != null) {
      step(e, LedgerColumn.EXTENSION_APPROVED_ON, EXTENSION, () -> {
        actions.screening(id, of("result", "PROCEED"), actor);
        actions.extension(id, of("requestedOn", e.extensionApproved(), "workingDays", e.extensionDays(),
            "reason", "台账导入：延期理由见原台账"), actor);
        actions.extensionDecision(id, of("approved", true, "decidedOn", e.extensionApproved()), actor);
        return null;
      });
    }
    if (e.outcome() != null) {
      step(e, LedgerColumn.OUTCOME, DECISION, () -> {
        Map<String, Object> body = of("outcome", e.outcome().name(), "decidedOn", e.repliedOn(), "reason", e.note(),
            "alreadyPublic", e.alreadyPublic(),
            "thirdPartyInterest", e.interest() == null ? null : e.interest().name(),
            "notHeldReason", e.notHeld() == null ? null : e.notHeld().name(),
            "responsibleAgency", e.notHeld() == NotHeldReason.OTHER_AGENCY ? e.note() : null);
        if (e.outcome().isDisclosure()) {
          body.put("confidentialityReview", of("reviewedBy", FROM_LEDGER, "reviewedOn", e.repliedOn()));
        }
        actions.decision(id, body, actor);
        if (e.outcome().needsSignOff()) {
          actions.signOff(id, of("approved", true, "decidedOn", e.repliedOn(),
              "comment", "台账导入：签发情况以原台账为准"), actor);
        }
        return null;
      });
    }
    return true;
  }

  /** Art. 30: the supplement period ran out; the process's own timer concludes it, fired now rather than later. */
  private void expireSupplement(String requestId) {
    RequestRow row = requests.get(requestId);
    Job timer = management.createJobQuery().processInstanceId(row.processInstanceId())
        .activityId("SupplementPeriodExpired").singleResult();
    if (timer == null) {
      throw new ConflictException("该申请没有在等待补正，不能认定逾期不补正");
    }
    management.executeJob(timer.getId());
  }

  /** Runs a step; its errors become the row's problems, named by the columns they came from. */
  private <T> T step(Entry e, LedgerColumn main, Map<String, LedgerColumn> fields, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (BadInputException x) {
      List<Problem> out = new ArrayList<>();
      x.fields().forEach((f, m) -> out.add(new Problem(e.line().number(), fields.getOrDefault(f, main).header(), m)));
      throw new RowFailed(out);
    } catch (ConflictException | NotFoundException x) {
      throw new RowFailed(List.of(new Problem(e.line().number(), main.header(), x.getMessage())));
    } catch (DataIntegrityViolationException x) {
      throw new RowFailed(List.of(new Problem(e.line().number(), LedgerColumn.EXTERNAL_REFERENCE.header(),
          "同一原编号正在另一处同时导入，请稍后重试")));
    }
  }

  private static Map<String, Object> of(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v != null) {
        m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
      }
    }
    return m;
  }

  private static final Map<String, LedgerColumn> REGISTRATION = Map.ofEntries(
      Map.entry("channel", LedgerColumn.CHANNEL), Map.entry("arrivedOn", LedgerColumn.ARRIVED_ON),
      Map.entry("confirmedOn", LedgerColumn.CONFIRMED_ON), Map.entry("applicant", LedgerColumn.APPLICANT_NAME),
      Map.entry("applicant.type", LedgerColumn.APPLICANT_TYPE), Map.entry("applicant.name", LedgerColumn.APPLICANT_NAME),
      Map.entry("applicant.idNumber", LedgerColumn.ID_NUMBER), Map.entry("applicant.idType", LedgerColumn.ID_TYPE),
      Map.entry("applicant.creditCode", LedgerColumn.CREDIT_CODE), Map.entry("applicant.email", LedgerColumn.EMAIL),
      Map.entry("applicant.phone", LedgerColumn.PHONE), Map.entry("applicant.address", LedgerColumn.ADDRESS),
      Map.entry("description", LedgerColumn.DESCRIPTION), Map.entry("topic", LedgerColumn.TOPIC),
      Map.entry("externalReference", LedgerColumn.EXTERNAL_REFERENCE));
  private static final Map<String, LedgerColumn> SUPPLEMENT = Map.of("noticeOn", LedgerColumn.SUPPLEMENT_NOTICE_ON,
      "supplementDueOn", LedgerColumn.SUPPLEMENT_DUE_ON, "receivedOn", LedgerColumn.SUPPLEMENT_RECEIVED_ON);
  private static final Map<String, LedgerColumn> EXTENSION = Map.of("requestedOn", LedgerColumn.EXTENSION_APPROVED_ON,
      "decidedOn", LedgerColumn.EXTENSION_APPROVED_ON, "workingDays", LedgerColumn.EXTENSION_WORKING_DAYS);
  private static final Map<String, LedgerColumn> DECISION = Map.of("outcome", LedgerColumn.OUTCOME,
      "decidedOn", LedgerColumn.REPLIED_ON, "reason", LedgerColumn.NOTE, "alreadyPublic", LedgerColumn.ALREADY_PUBLIC,
      "thirdPartyInterest", LedgerColumn.THIRD_PARTY_INTEREST, "notHeldReason", LedgerColumn.NOT_HELD_REASON,
      "responsibleAgency", LedgerColumn.NOTE, "reviewedOn", LedgerColumn.REPLIED_ON,
      "reviewedBy", LedgerColumn.REPLIED_ON);

  /** One row read with its types; the cell problems found on the way go to the list. */
  record Entry(LedgerFile.Line line, String ref, RegistrationForm form, LocalDate noticeOn, LocalDate supplementDue,
      LocalDate supplementReceived, Integer extensionDays, LocalDate extensionApproved, Outcome outcome,
      Boolean alreadyPublic, ThirdPartyInterest interest, NotHeldReason notHeld, LocalDate repliedOn, String note) {

    static Entry parse(LedgerFile.Line line, LocalDate today, List<Problem> problems) {
      Cells c = new Cells(line, today, problems);
      String ref = c.text(LedgerColumn.EXTERNAL_REFERENCE, true, 200);
      Channel channel = c.code(LedgerColumn.CHANNEL, true, LedgerCodes::channel);
      LocalDate arrived = c.pastDate(LedgerColumn.ARRIVED_ON, true);
      LocalDate confirmed = c.pastDate(LedgerColumn.CONFIRMED_ON, false);
      ApplicantType type = c.code(LedgerColumn.APPLICANT_TYPE, true, LedgerCodes::applicantType);
      String name = c.text(LedgerColumn.APPLICANT_NAME, true, Integer.MAX_VALUE);
      IdType idType = c.code(LedgerColumn.ID_TYPE, false, LedgerCodes::idType);
      String description = c.text(LedgerColumn.DESCRIPTION, true, 10_000);
      c.text(LedgerColumn.TOPIC, false, 100);
      LocalDate noticeOn = c.pastDate(LedgerColumn.SUPPLEMENT_NOTICE_ON, false);
      LocalDate supplementDue = c.date(LedgerColumn.SUPPLEMENT_DUE_ON, false);
      LocalDate supplementReceived = c.pastDate(LedgerColumn.SUPPLEMENT_RECEIVED_ON, false);
      Integer extensionDays = c.integer(LedgerColumn.EXTENSION_WORKING_DAYS, 1, 20);
      LocalDate extensionApproved = c.pastDate(LedgerColumn.EXTENSION_APPROVED_ON, false);
      Outcome outcome = c.code(LedgerColumn.OUTCOME, false, LedgerCodes::outcome);
      Boolean alreadyPublic = c.code(LedgerColumn.ALREADY_PUBLIC, false, LedgerCodes::yesNo);
      ThirdPartyInterest interest = c.code(LedgerColumn.THIRD_PARTY_INTEREST, false, LedgerCodes::interest);
      NotHeldReason notHeld = c.code(LedgerColumn.NOT_HELD_REASON, false, LedgerCodes::notHeld);
      LocalDate repliedOn = c.pastDate(LedgerColumn.REPLIED_ON, false);
      String note = c.text(LedgerColumn.NOTE, false, 2000);

      // the combinations a ledger must hold for the steps to be replayed
      c.together(LedgerColumn.SUPPLEMENT_NOTICE_ON, LedgerColumn.SUPPLEMENT_DUE_ON, "补正告知须同时填写补正告知日期和补正期限");
      c.requires(LedgerColumn.SUPPLEMENT_RECEIVED_ON, LedgerColumn.SUPPLEMENT_NOTICE_ON, "有补正收到日期的，须填写补正告知日期");
      c.together(LedgerColumn.EXTENSION_WORKING_DAYS, LedgerColumn.EXTENSION_APPROVED_ON, "延期须同时填写延期工作日和延期批准日期");
      c.together(LedgerColumn.OUTCOME, LedgerColumn.REPLIED_ON,
          "已办结的申请须同时填写处理结果和答复日期；办理中的申请两列都不填");
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
          c.problem(LedgerColumn.REPLIED_ON, "逾期不补正的，办结日期为补正期限的次日（" + supplementDue.plusDays(1) + "）");
        }
      }
      if (outcome == Outcome.UNAVAILABLE_STILL_UNCLEAR && supplementReceived == null) {
        c.problem(LedgerColumn.OUTCOME, "补正后申请内容仍不明确，须有补正收到日期（第三十条）");
      }
      if (alreadyPublic != null && outcome != Outcome.DISCLOSED) {
        c.problem(LedgerColumn.ALREADY_PUBLIC, "只在处理结果为予以公开时填写");
      }
      if (outcome == Outcome.WITHHELD_THIRD_PARTY_RIGHTS && interest == null && !c.has(LedgerColumn.THIRD_PARTY_INTEREST)) {
        c.problem(LedgerColumn.THIRD_PARTY_INTEREST, "保护第三方合法权益的，须写明商业秘密、个人隐私或其他");
      }
      if (outcome == Outcome.UNAVAILABLE_NOT_HELD && notHeld == null && !c.has(LedgerColumn.NOT_HELD_REASON)) {
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
      RegistrationForm form = new RegistrationForm(channel.name(), arrived.toString(),
          confirmed == null ? null : confirmed.toString(),
          new RegistrationForm.Applicant(type.name(), name, line.get(LedgerColumn.ID_NUMBER),
              line.get(LedgerColumn.CREDIT_CODE), line.get(LedgerColumn.EMAIL), line.get(LedgerColumn.PHONE),
              line.get(LedgerColumn.ADDRESS), idType == null ? null : idType.name()),
          null, description, line.get(LedgerColumn.TOPIC), null, null, ref);
      return new Entry(line, ref, form, noticeOn, supplementDue, supplementReceived, extensionDays,
          extensionApproved, outcome, alreadyPublic, interest, notHeld, repliedOn, note);
    }
  }

  /** Reads one row's cells, noting every problem with its column. */
  private static final class Cells {
    private final LedgerFile.Line line;
    private final LocalDate today;
    private final List<Problem> problems;
    private final int before;

    Cells(LedgerFile.Line line, LocalDate today, List<Problem> problems) {
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
      problems.add(new Problem(line.number(), c.header(), message));
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

    <T> T code(LedgerColumn c, boolean required, Function<String, java.util.Optional<T>> parse) {
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
        String iso = v.matches("\\d{4}/\\d{1,2}/\\d{1,2}")
            ? String.format("%s-%02d-%02d", v.split("/")[0], Integer.parseInt(v.split("/")[1]),
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
