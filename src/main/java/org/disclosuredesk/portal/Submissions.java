package org.disclosuredesk.portal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.common.RateLimits;
import org.disclosuredesk.common.RateLimits.Limit;
import org.disclosuredesk.common.TooLargeException;
import org.disclosuredesk.common.TooManyRequestsException;
import org.disclosuredesk.handling.RequestActions;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.process.RequestProcess;
import org.disclosuredesk.request.IdentityCheck;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online channel as the applicant uses it (DOMAIN.md §2a, API.md "Public channel"): an
 * application is a submission until a clerk confirms it; the applicant follows it with the
 * submission number and a query code, uploads identity proof, answers a supplement notice and may
 * withdraw. Every call that reads or changes a submission is recorded with the client's address.
 */
@Service
public class Submissions {

  /** Who acts in events when the applicant does something online. */
  public static final String APPLICANT = "网上申请人";

  /**
   * An unknown number and a wrong code get the same answer, so neither can be guessed separately.
   */
  static final String NOT_FOUND = "申请编号或查询码不正确";

  private static final SecureRandom RANDOM = new SecureRandom();

  public record Submitted(
      String submissionNumber, String queryCode, String submittedOn, String status) {}

  private final SubmissionRepository submissions;
  private final RequestRepository requests;
  private final RequestActions actions;
  private final RequestEvents events;
  private final SubmissionProcess process;
  private final ProofOfWork proofOfWork;
  private final RateLimits limits;
  private final PortalProperties properties;
  private final Mailer mailer;
  private final BusinessClock clock;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;
  private final Limit submitLimit;
  private final Limit lookupLimit;
  private final Limit wrongCodeLimit;
  private final Agencies agencies;

  public Submissions(
      SubmissionRepository submissions,
      RequestRepository requests,
      RequestActions actions,
      RequestEvents events,
      SubmissionProcess process,
      ProofOfWork proofOfWork,
      RateLimits limits,
      PortalProperties properties,
      Mailer mailer,
      BusinessClock clock,
      RuntimeService runtime,
      PlatformTransactionManager transactions,
      Agencies agencies) {
    this.agencies = agencies;
    this.submissions = submissions;
    this.requests = requests;
    this.actions = actions;
    this.events = events;
    this.process = process;
    this.proofOfWork = proofOfWork;
    this.limits = limits;
    this.properties = properties;
    this.mailer = mailer;
    this.clock = clock;
    this.runtime = runtime;
    this.tx = new TransactionTemplate(transactions);
    this.submitLimit = new Limit("submit", properties.submissionsPerHour(), Duration.ofHours(1));
    this.lookupLimit = new Limit("lookup", properties.lookupsPerMinute(), Duration.ofMinutes(1));
    this.wrongCodeLimit =
        new Limit("wrong-code", properties.wrongCodesPerHour(), Duration.ofHours(1));
  }

  // ---- the applicant
  // ---------------------------------------------------------------------------------------

  /*
   * The applicant's writes check the limits, the code and the proof of work first, each in its own short statement or
   * transaction (Bucket4j and the spent solutions take their own connections), and only then open the transaction
   * that changes the submission: a request never holds one pooled connection while waiting for another, which under
   * a burst of parallel submissions starved the pool.
   */

  /**
   * {@code POST /public/api/applications}: checks everything, spends the proof-of-work, stores,
   * starts the task.
   */
  public Submitted submit(PublicApplication application, String client) {
    limits.take(submitLimit, client, "提交申请过于频繁");
    FieldErrors errors = new FieldErrors();
    application.checkRules(errors);
    String agency = chosenAgency(application.agencyCode(), errors);
    IdentityCheck.problems(
            application.applicant().asRegistration(),
            application.agent() == null ? null : application.agent().asRegistration())
        .forEach(errors::add);
    errors.throwIfAny();
    if (!proofOfWork.spend(application.altcha())) {
      throw new BadInputException("altcha", "人机验证未通过、已过期或已使用，请重新验证");
    }
    String code = QueryCodes.generate();
    String salt = QueryCodes.salt();
    String id = UUID.randomUUID().toString();
    LocalDateTime now = LocalDateTime.ofInstant(clock.now(), clock.zone());
    LocalDate today = clock.today();
    String number =
        tx.execute(
            status -> {
              String n =
                  insert(id, application, agency, salt, QueryCodes.hash(salt, code), now, today);
              String instance =
                  runtime
                      .createProcessInstanceByKey(SubmissionProcess.KEY)
                      .businessKey(id)
                      // not personal: the agency is the instance's Camunda tenant (its clerks
                      // confirm it)
                      .setVariable(RequestProcess.AGENCY, Variables.stringValue(agency, true))
                      .execute()
                      .getId();
              submissions.update(id, Columns.of("process_instance_id", instance));
              String email = application.applicant().email();
              if (email != null && !email.isBlank()) {
                mailer.queueFor(
                    agency,
                    null,
                    "SUBMISSION_RECEIVED",
                    email.strip(),
                    "网上申请已提交：申请编号 " + n,
                    "submission-received",
                    new ReceivedMail(
                        n, code, today.toString(), application.applicant().name().strip()),
                    List.of());
              }
              return n;
            });
    submissions.logAccess(now, client, "SUBMIT", number, "OK");
    return new Submitted(
        number, code, today.toString(), SubmissionStatus.AWAITING_CONFIRMATION.name());
  }

  /**
   * The submission, if the code is its query code; else the same 404 for an unknown number and a
   * wrong code (the latter counted against the submission's limit). Every call is recorded, refused
   * ones too.
   */
  public SubmissionRow authorised(String number, String code, String client, String action) {
    limits.take(lookupLimit, client, "查询过于频繁");
    if (number != null && number.length() <= 40 && limits.exhausted(wrongCodeLimit, number)) {
      submissions.logAccess(now(), client, action, number, "LOCKED");
      throw new TooManyRequestsException(
          "该申请的查询码错误次数过多", limits.retryAfter(wrongCodeLimit, number));
    }
    Optional<SubmissionRow> row = submissions.byNumber(number);
    if (row.isEmpty()
        || !QueryCodes.matches(row.get().queryCodeSalt(), row.get().queryCodeHash(), code)) {
      if (row.isPresent()) {
        limits.take(wrongCodeLimit, number, "该申请的查询码错误次数过多");
      }
      submissions.logAccess(
          now(), client, action, number, row.isPresent() ? "WRONG_CODE" : "UNKNOWN");
      throw new NotFoundException(NOT_FOUND);
    }
    submissions.logAccess(now(), client, action, number, "OK");
    return row.get();
  }

  /** {@code POST …/attachments}: identity proof or supplement material, judged by content. */
  public SubmissionRepository.AttachmentInfo attach(
      String number, String code, String fileName, byte[] content, String client) {
    SubmissionRow row = authorised(number, code, client, "UPLOAD");
    return tx.execute(status -> store(row, fileName, content));
  }

  private SubmissionRepository.AttachmentInfo store(
      SubmissionRow row, String fileName, byte[] content) {
    String purpose;
    if (row.statusCode() == SubmissionStatus.AWAITING_CONFIRMATION) {
      purpose = "IDENTITY";
    } else if (row.requestId() != null
        && requests.get(row.requestId()).statusCode() == RequestStatus.AWAITING_SUPPLEMENT) {
      purpose = "SUPPLEMENT";
    } else {
      throw new ConflictException("现在不能上传材料：仅在等待确认或等待补正时可以上传");
    }
    if (content.length == 0) {
      throw new BadInputException("file", "文件是空的");
    }
    if (content.length > properties.maxUploadSize().toBytes()) {
      throw new TooLargeException(properties.maxUploadSize().toBytes());
    }
    if (submissions.attachmentCount(row.id()) >= properties.maxUploadsPerSubmission()) {
      throw new ConflictException("每件申请最多上传 " + properties.maxUploadsPerSubmission() + " 个文件");
    }
    String type = Uploads.acceptedType(content);
    if (type == null) {
      throw new BadInputException("file", "只接受 PDF、JPEG 或 PNG 文件（按文件内容判断）");
    }
    String id = UUID.randomUUID().toString();
    String name = Uploads.safeName(fileName, type);
    LocalDateTime at = now();
    submissions.addAttachment(id, row.id(), name, type, content, sha256(content), purpose, at);
    return new SubmissionRepository.AttachmentInfo(id, name, type, content.length, purpose, at);
  }

  /**
   * {@code POST …/supplement}: the supplement received today (DOMAIN.md §3: the reply clock
   * restarts).
   */
  public SubmissionRow supplement(
      String number, String code, String text, String altcha, String client) {
    SubmissionRow row = authorised(number, code, client, "SUPPLEMENT");
    FieldErrors errors = new FieldErrors();
    if (text == null || text.isBlank()) {
      errors.add("text", "必填");
    } else if (text.length() > 10_000) {
      errors.add("text", "不能超过 10000 个字符");
    }
    errors.throwIfAny();
    RequestRow request = row.requestId() == null ? null : requests.get(row.requestId());
    if (request == null || request.statusCode() != RequestStatus.AWAITING_SUPPLEMENT) {
      throw new ConflictException("该申请现在不需要补正");
    }
    spend(altcha);
    return tx.execute(
        status -> {
          events.record(request.id(), "ONLINE_SUPPLEMENT", APPLICANT, Map.of("text", text.strip()));
          actions.supplement(
              request.id(), Map.of("receivedOn", clock.today().toString()), APPLICANT);
          return submissions.get(row.id());
        });
  }

  /**
   * {@code POST …/withdrawal}: before confirmation the submission is closed and never registered;
   * after it, the request concludes as withdrawn today.
   */
  public SubmissionRow withdraw(
      String number, String code, String reason, String altcha, String client) {
    SubmissionRow row = authorised(number, code, client, "WITHDRAW");
    if (reason != null && reason.length() > 2000) {
      throw new BadInputException("reason", "不能超过 2000 个字符");
    }
    String note = reason == null || reason.isBlank() ? null : reason.strip();
    withdrawable(row); // a refusal does not spend the solution
    spend(altcha);
    return tx.execute(status -> withdraw(submissions.lock(row.id()), note));
  }

  /** The request or submission, if the applicant may still withdraw it; else a conflict. */
  private RequestRow withdrawable(SubmissionRow row) {
    if (row.statusCode() == SubmissionStatus.AWAITING_CONFIRMATION) {
      return null;
    }
    RequestRow request = row.requestId() == null ? null : requests.get(row.requestId());
    if (request == null || request.concluded()) {
      throw new ConflictException("该申请已经办结或已关闭，不能撤回");
    }
    return request;
  }

  private SubmissionRow withdraw(SubmissionRow locked, String note) {
    RequestRow request = withdrawable(locked);
    if (request == null) {
      process.withdraw(locked, note);
      return submissions.get(locked.id());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("withdrawnOn", clock.today().toString());
    if (note != null) {
      body.put("note", note);
    }
    actions.withdrawal(request.id(), body, APPLICANT);
    return submissions.get(locked.id());
  }

  // ---- the clerk
  // ------------------------------------------------------------------------------------------------

  /**
   * {@code POST /api/submissions/{n}/confirmation}: registers the request, received on the day of
   * confirmation.
   */
  public RequestRow confirm(String number, Map<String, Object> body, String actor) {
    SubmissionRow row =
        submissions.byNumber(number).orElseThrow(() -> new NotFoundException("没有这个网上申请：" + number));
    process.decide(row, "CONFIRM", body, actor);
    SubmissionRow after = submissions.get(row.id());
    return requests.get(after.requestId());
  }

  /**
   * {@code POST /api/submissions/{n}/rejection}: only for what is no request at all, with the
   * reason.
   */
  public void reject(String number, Map<String, Object> body, String actor) {
    SubmissionRow row =
        submissions.byNumber(number).orElseThrow(() -> new NotFoundException("没有这个网上申请：" + number));
    process.decide(row, "REJECT", body, actor);
  }

  /**
   * Confirm by this day at the latest (DOMAIN.md §2a): the first working day after the submission.
   */
  public LocalDate confirmBy(SubmissionRow row) {
    return process.confirmBy(row.submittedOn());
  }

  public boolean late(SubmissionRow row) {
    return row.statusCode() == SubmissionStatus.AWAITING_CONFIRMATION
        && clock.today().isAfter(confirmBy(row));
  }

  /**
   * {@code POST /api/submissions/{n}/forwarding} (转送, DOMAIN.md §8): before confirmation a
   * submission that belongs elsewhere moves to that agency's clerks, with the reason the applicant
   * reads; it counts nowhere, and its day of receipt is the day the receiving agency confirms it
   * (Art. 31(3)).
   */
  public SubmissionRow forward(String number, String agencyCode, String reason, String actor) {
    FieldErrors errors = new FieldErrors();
    String to = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
    Agency target =
        to == null
            ? null
            : agencies.active().stream().filter(a -> a.code().equals(to)).findFirst().orElse(null);
    if (to == null) {
      errors.add("agencyCode", "必填：转送至哪个机关");
    } else if (target == null) {
      errors.add("agencyCode", "没有这个机关，或该机关已撤销：" + to);
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why == null) {
      errors.add("reason", "必填：转送理由（申请人可以看到）");
    } else if (why.codePointCount(0, why.length()) > 500) {
      errors.add("reason", "不能超过 500 字");
    }
    errors.throwIfAny();
    return tx.execute(
        status -> {
          SubmissionRow row = submissions.lockByNumber(number);
          if (row.statusCode() != SubmissionStatus.AWAITING_CONFIRMATION) {
            throw new ConflictException("该网上申请已经确认、不予受理或撤回，不能再转送");
          }
          if (row.agencyCode().equals(to)) {
            throw new BadInputException("agencyCode", "该网上申请已在" + target.name());
          }
          submissions.addForwarding(
              UUID.randomUUID().toString(), row.id(), row.agencyCode(), to, why, now(), actor);
          submissions.update(row.id(), Columns.of("agency_code", to));
          process.forwarded(submissions.get(row.id()));
          return submissions.get(row.id());
        });
  }

  /** The agency an application names: required once several are active (API.md "Agencies"). */
  private String chosenAgency(String code, FieldErrors errors) {
    List<Agency> active = agencies.active();
    String c = code == null || code.isBlank() ? null : code.strip();
    if (c == null) {
      if (active.size() == 1) {
        return active.get(0).code();
      }
      errors.add("agencyCode", "必填：请选择向哪个机关申请");
      return null;
    }
    if (active.stream().noneMatch(a -> a.code().equals(c))) {
      errors.add("agencyCode", "没有这个机关，或该机关已不再受理申请：" + c);
      return null;
    }
    return c;
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------------

  private void spend(String altcha) {
    if (!proofOfWork.spend(altcha)) {
      throw new BadInputException("altcha", "人机验证未通过、已过期或已使用，请重新验证");
    }
  }

  /**
   * Numbers like S20261202-482913: the day, and six random digits (a clash is simply drawn again).
   */
  private String insert(
      String id,
      PublicApplication a,
      String agency,
      String salt,
      String hash,
      LocalDateTime now,
      LocalDate today) {
    for (int attempt = 0; ; attempt++) {
      String number =
          "S"
              + today.toString().replace("-", "")
              + "-"
              + String.format("%06d", RANDOM.nextInt(1_000_000));
      Columns cols = a.columns();
      cols.set("id", id);
      cols.set("submission_number", number);
      cols.set("agency_code", agency);
      cols.set("status", SubmissionStatus.AWAITING_CONFIRMATION.name());
      cols.set("submitted_at", now);
      cols.set("submitted_on", today);
      cols.set("query_code_salt", salt);
      cols.set("query_code_hash", hash);
      try {
        submissions.insert(cols);
        return number;
      } catch (DuplicateKeyException e) {
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.now(), clock.zone());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The receipt of an online application (mail/submission-received.mustache). */
  public record ReceivedMail(
      String submissionNumber, String queryCode, String submittedOn, String name) {}
}
