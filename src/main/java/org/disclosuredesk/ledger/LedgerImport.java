package org.disclosuredesk.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.handling.RequestActions;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.mail.MailHold;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Importing a ledger (台账导入, API.md): every row goes through the steps a clerk, reviewer and office
 * head would have taken, with the ledger's dates — registration, supplement, extension, decision,
 * sign-off — so due dates, history, letters, tallies and statistics are what they would have been.
 * All or nothing: the rows run in one transaction, each in a savepoint so that one bad row does not
 * hide the next one's problems, and any problem (or a dry run) rolls everything back. Nothing is
 * mailed: those steps happened long ago ({@link MailHold}).
 */
@Service
public class LedgerImport {

  private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);

  private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() {};

  /** Who the ledger says nothing about: stands in where a step requires a person (保密审查). */
  static final String FROM_LEDGER = "台账导入（原台账未载明）";

  /**
   * One bad cell: its row in the spreadsheet (1 is the header), its column, what is wrong, in
   * Chinese.
   */
  public record Problem(int row, String column, String message) {}

  public record Result(
      int rows, int imported, int unchanged, List<Problem> errors, boolean dryRun) {}

  private final IntakeService intake;
  private final RequestActions actions;
  private final RequestEvents events;
  private final RequestRepository requests;
  private final ManagementService management;
  private final ObjectMapper json;
  private final Validator validator;
  private final BusinessClock clock;
  private final TransactionTemplate all;
  private final TransactionTemplate each;

  public LedgerImport(
      IntakeService intake,
      RequestActions actions,
      RequestEvents events,
      RequestRepository requests,
      ManagementService management,
      ObjectMapper json,
      Validator validator,
      BusinessClock clock,
      PlatformTransactionManager transactions) {
    this.intake = intake;
    this.actions = actions;
    this.events = events;
    this.requests = requests;
    this.management = management;
    this.json = json;
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
    List<LedgerRow> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    LocalDate today = clock.today();
    for (LedgerFile.Line line : read.lines()) {
      LedgerRow e = LedgerRow.parse(line, today, problems);
      String ref = line.get(LedgerColumn.EXTERNAL_REFERENCE);
      if (ref != null) {
        Integer first = seen.putIfAbsent(ref, line.number());
        if (first != null) {
          problems.add(
              new Problem(
                  line.number(),
                  LedgerColumn.EXTERNAL_REFERENCE.header(),
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
    MailHold.during(
        () ->
            all.execute(
                status -> {
                  for (LedgerRow e : entries) {
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
      log.info(
          "ledger import by {}: {} rows, {} imported, {} unchanged",
          actor,
          rows,
          counts[0],
          counts[1]);
    }
    return new Result(
        rows,
        problems.isEmpty() ? counts[0] : 0,
        problems.isEmpty() ? counts[1] : 0,
        sorted(problems),
        dryRun);
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(java.util.Comparator.comparingInt(Problem::row));
    return out;
  }

  /**
   * The applicant's fields in the formats the registration API checks (Bean Validation of {@link
   * RegistrationForm}).
   */
  private void validate(LedgerFile.Line line, List<Problem> problems) {
    String type =
        LedgerCodes.applicantType(String.valueOf(line.get(LedgerColumn.APPLICANT_TYPE)))
            .orElse(ApplicantType.NATURAL_PERSON)
            .name();
    var applicant =
        new RegistrationForm.Applicant(
            type,
            line.get(LedgerColumn.APPLICANT_NAME),
            line.get(LedgerColumn.ID_NUMBER),
            line.get(LedgerColumn.CREDIT_CODE),
            line.get(LedgerColumn.EMAIL),
            line.get(LedgerColumn.PHONE),
            line.get(LedgerColumn.ADDRESS),
            null);
    for (ConstraintViolation<RegistrationForm.Applicant> v : validator.validate(applicant)) {
      String field = "applicant." + v.getPropertyPath();
      if (!field.equals("applicant.name") || line.get(LedgerColumn.APPLICANT_NAME) != null) {
        problems.add(new Problem(line.number(), REGISTRATION.get(field).header(), v.getMessage()));
      }
    }
  }

  /**
   * Runs one row's steps; false when its 原编号 is already here (imported before, or this system's own
   * number).
   */
  private boolean apply(LedgerRow e, String actor, String agency) {
    Optional<RequestRow> existing = requests.findByReferenceOrTrackingNumber(e.externalReference());
    if (existing.isPresent()) {
      // another agency's request is not this agency's "already imported": say so, touch nothing of
      // it (DOMAIN.md §8)
      if (agency != null && !agency.equals(existing.get().agencyCode())) {
        throw new RowFailed(
            List.of(
                new Problem(
                    e.number(),
                    LedgerColumn.EXTERNAL_REFERENCE.header(),
                    "该原编号已被平台上的其他机关使用，请换用本机关的原编号")));
      }
      return false;
    }
    String id =
        step(
            e,
            LedgerColumn.EXTERNAL_REFERENCE,
            REGISTRATION,
            () -> intake.register(e.registration(agency), actor).request().id());
    Map<String, String> imported = new LinkedHashMap<>();
    imported.put("externalReference", e.externalReference());
    imported.put(
        "warning",
        "本申请由台账导入（原编号 " + e.externalReference() + "）：各环节按台账所记日期逐步登记，" + "台账未载明的保密审查人、签发意见等以原台账为准");
    events.record(id, "LEDGER_IMPORTED", actor, imported);
    if (e.supplementNoticeOn() != null) {
      step(
          e,
          LedgerColumn.SUPPLEMENT_NOTICE_ON,
          SUPPLEMENT,
          () -> {
            actions.supplementRequest(id, body(e.supplementRequest()), actor);
            return null;
          });
      if (e.supplementReceivedOn() != null) {
        step(
            e,
            LedgerColumn.SUPPLEMENT_RECEIVED_ON,
            SUPPLEMENT,
            () -> {
              actions.supplement(id, body(e.supplement()), actor);
              return null;
            });
      } else if (e.outcome() == Outcome.OTHER_NO_SUPPLEMENT) {
        step(
            e,
            LedgerColumn.OUTCOME,
            Map.of(),
            () -> {
              expireSupplement(id);
              return null;
            });
        return true;
      }
    }
    if (e.extensionWorkingDays() != null) {
      step(
          e,
          LedgerColumn.EXTENSION_APPROVED_ON,
          EXTENSION,
          () -> {
            actions.screening(id, body(LedgerSteps.Screening.PROCEED), actor);
            actions.extension(id, body(e.extensionRequest()), actor);
            actions.extensionDecision(id, body(e.extensionDecision()), actor);
            return null;
          });
    }
    if (e.outcome() != null) {
      step(
          e,
          LedgerColumn.OUTCOME,
          DECISION,
          () -> {
            actions.decision(id, body(e.decision()), actor);
            if (e.outcome().needsSignOff()) {
              actions.signOff(id, body(e.signOff()), actor);
            }
            return null;
          });
    }
    return true;
  }

  /**
   * A step's body as the API takes it: the step record written as JSON (the process variables, the
   * engine's edge).
   */
  private Map<String, Object> body(Record step) {
    return json.convertValue(step, BODY);
  }

  /**
   * Art. 30: the supplement period ran out; the process's own timer concludes it, fired now rather
   * than later.
   */
  private void expireSupplement(String requestId) {
    RequestRow row = requests.get(requestId);
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(row.processInstanceId())
            .activityId("SupplementPeriodExpired")
            .singleResult();
    if (timer == null) {
      throw new ConflictException("该申请没有在等待补正，不能认定逾期不补正");
    }
    management.executeJob(timer.getId());
  }

  /** Runs a step; its errors become the row's problems, named by the columns they came from. */
  private <T> T step(
      LedgerRow e, LedgerColumn main, Map<String, LedgerColumn> fields, Supplier<T> s) {
    try {
      return s.get();
    } catch (BadInputException x) {
      List<Problem> out = new ArrayList<>();
      x.fields()
          .forEach(
              (f, m) -> out.add(new Problem(e.number(), fields.getOrDefault(f, main).header(), m)));
      throw new RowFailed(out);
    } catch (ConflictException | NotFoundException x) {
      throw new RowFailed(List.of(new Problem(e.number(), main.header(), x.getMessage())));
    } catch (DataIntegrityViolationException x) {
      throw new RowFailed(
          List.of(
              new Problem(
                  e.number(), LedgerColumn.EXTERNAL_REFERENCE.header(), "同一原编号正在另一处同时导入，请稍后重试")));
    }
  }

  /**
   * The column a problem the API reports for a field is in; a field no column fills (such as the
   * reviewer, whom the ledger does not name) is reported in the step's own column.
   */
  static final Map<String, LedgerColumn> REGISTRATION =
      Map.ofEntries(
          Map.entry("channel", LedgerColumn.CHANNEL),
          Map.entry("arrivedOn", LedgerColumn.ARRIVED_ON),
          Map.entry("confirmedOn", LedgerColumn.CONFIRMED_ON),
          Map.entry("applicant", LedgerColumn.APPLICANT_NAME),
          Map.entry("applicant.type", LedgerColumn.APPLICANT_TYPE),
          Map.entry("applicant.name", LedgerColumn.APPLICANT_NAME),
          Map.entry("applicant.idNumber", LedgerColumn.ID_NUMBER),
          Map.entry("applicant.idType", LedgerColumn.ID_TYPE),
          Map.entry("applicant.creditCode", LedgerColumn.CREDIT_CODE),
          Map.entry("applicant.email", LedgerColumn.EMAIL),
          Map.entry("applicant.phone", LedgerColumn.PHONE),
          Map.entry("applicant.address", LedgerColumn.ADDRESS),
          Map.entry("description", LedgerColumn.DESCRIPTION),
          Map.entry("topic", LedgerColumn.TOPIC),
          Map.entry("externalReference", LedgerColumn.EXTERNAL_REFERENCE));

  static final Map<String, LedgerColumn> SUPPLEMENT =
      Map.of(
          "noticeOn",
          LedgerColumn.SUPPLEMENT_NOTICE_ON,
          "supplementDueOn",
          LedgerColumn.SUPPLEMENT_DUE_ON,
          "receivedOn",
          LedgerColumn.SUPPLEMENT_RECEIVED_ON);
  static final Map<String, LedgerColumn> EXTENSION =
      Map.of(
          "requestedOn",
          LedgerColumn.EXTENSION_APPROVED_ON,
          "decidedOn",
          LedgerColumn.EXTENSION_APPROVED_ON,
          "workingDays",
          LedgerColumn.EXTENSION_WORKING_DAYS);
  static final Map<String, LedgerColumn> DECISION =
      Map.of(
          "outcome",
          LedgerColumn.OUTCOME,
          "decidedOn",
          LedgerColumn.REPLIED_ON,
          "reason",
          LedgerColumn.NOTE,
          "alreadyPublic",
          LedgerColumn.ALREADY_PUBLIC,
          "thirdPartyInterest",
          LedgerColumn.THIRD_PARTY_INTEREST,
          "notHeldReason",
          LedgerColumn.NOT_HELD_REASON,
          "responsibleAgency",
          LedgerColumn.NOTE,
          "reviewedOn",
          LedgerColumn.REPLIED_ON);
}
