package org.disclosuredesk.appeal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * The rules of an appeal's steps (DOMAIN.md §6, table 四): opening one against a concluded or
 * overdue request, our reply/defence deadline, the submission, the result and the re-handling a
 * correction orders. The request's own conclusion is never touched: it stays counted once in table
 * 三; everything here goes to its history.
 */
@Service
public class Appeals {

  /** Re-handling period when the decision sets none (the ordinary reply period, 第三十三条). */
  static final int DEFAULT_REDO_WORKING_DAYS = 20;

  static final int MAX_REDO_WORKING_DAYS = 120;

  public static final List<String> OPEN_FIELDS =
      List.of("kind", "receivedOn", "caseNumber", "body", "simpleProcedure", "trackingNumber");
  public static final List<String> SUBMISSION_FIELDS = List.of("note", "submittedOn");
  public static final List<String> RESULT_FIELDS =
      List.of("result", "decidedOn", "submittedOn", "redoWithinWorkingDays", "redoDueOn", "note");
  public static final List<String> REHANDLE_FIELDS = List.of("repliedOn", "outcome", "note");

  private final AppealRepository appeals;
  private final RequestEvents events;
  private final CalendarService calendars;
  private final BusinessClock clock;

  public Appeals(
      AppealRepository appeals,
      RequestEvents events,
      CalendarService calendars,
      BusinessClock clock) {
    this.appeals = appeals;
    this.events = events;
    this.calendars = calendars;
    this.clock = clock;
  }

  /**
   * Validates and records a new appeal; 400 names every bad field, 409 if the request cannot be
   * appealed yet.
   */
  public AppealRow open(
      String appealId, RequestRow request, StepInput in, String actor, String processInstanceId) {
    AppealKind kind = in.code("kind", AppealKind.class, true);
    LocalDate receivedOn =
        in.pastDate("receivedOn", true, clock.today(), request.receivedOn(), "收到申请之日");
    String caseNumber = in.text("caseNumber", true, StepInput.NAME_MAX);
    String body = in.text("body", true, StepInput.NAME_MAX);
    Boolean simple = in.bool("simpleProcedure", false);
    if (Boolean.TRUE.equals(simple) && kind != null && kind != AppealKind.RECONSIDERATION) {
      in.errors().add("simpleProcedure", "简易程序仅适用于行政复议");
    }
    in.errors().throwIfAny();
    boolean simpleProcedure = Boolean.TRUE.equals(simple);

    List<String> warnings = new ArrayList<>();
    if (!request.concluded()) {
      // 不履行法定职责 (行政复议法 Art. 11): only once the reply period has run out
      if (request.dueOn() == null || !receivedOn.isAfter(request.dueOn())) {
        throw new ConflictException(
            "该申请尚未办结，且在"
                + receivedOn
                + "时未超过法定答复期限"
                + (request.dueOn() == null ? "（计时暂停中）" : "（" + request.dueOn() + "）")
                + "：只能对已答复的申请或逾期未答复的申请登记复议、诉讼");
      }
      warnings.add("该申请逾期未答复（法定答复期限 " + request.dueOn() + "），按不履行法定职责（《行政复议法》第十一条）登记");
    }
    if (appeals.exists(request.id(), kind.name(), caseNumber)) {
      throw new ConflictException("该申请已登记过案号为“" + caseNumber + "”的" + kind.label());
    }
    if (kind == AppealKind.LITIGATION_DIRECT && reconsiderationFirst(request)) {
      warnings.add(
          "依《行政复议法》第二十三条第一款，"
              + (request.concluded() ? "对不予公开（含部分公开）的答复" : "对未履行法定职责")
              + "应当先申请行政复议；本案未经复议直接起诉，"
              + "已照常登记，是否受理由人民法院决定");
    }
    if (kind == AppealKind.LITIGATION_AFTER_RECONSIDERATION
        && appeals.ofRequest(request.id()).stream()
            .noneMatch(a -> a.kindCode() == AppealKind.RECONSIDERATION)) {
      warnings.add("系统中没有该申请的行政复议记录；如复议在本系统启用前办理，可忽略此提示");
    }
    DeadlineCalculator calc = calendars.calculator();
    LocalDate dueOn =
        AppealCalendarRecalculation.responseDue(calc, kind, receivedOn, simpleProcedure);
    if (!calc.calendar().covers(dueOn)) {
      warnings.add("节假日安排尚未覆盖 " + dueOn.getYear() + " 年，期限按周一至周五推算，请在公布后核对");
    }

    Columns cols = new Columns();
    cols.set("id", appealId);
    cols.set("request_id", request.id());
    cols.set("kind", kind.name());
    cols.set("received_on", receivedOn);
    cols.set("case_number", caseNumber);
    cols.set("body", body);
    cols.set("simple_procedure", simpleProcedure);
    cols.set("response_due_on", dueOn);
    cols.set("status", AppealStatus.RESPONDING.name());
    cols.set("warning", warnings.isEmpty() ? null : String.join("；", warnings));
    cols.set("process_instance_id", processInstanceId);
    cols.set("created_at", LocalDateTime.ofInstant(clock.now(), clock.zone()));
    cols.set("created_by", actor);
    appeals.insert(cols);

    events.record(
        request.id(),
        "APPEAL_OPENED",
        actor,
        new Opened(
            appealId,
            kind.name(),
            receivedOn.toString(),
            caseNumber,
            body,
            simpleProcedure,
            dueOn.toString(),
            warnings.isEmpty() ? null : String.join("；", warnings)));
    return appeals.get(appealId);
  }

  private static boolean reconsiderationFirst(RequestRow request) {
    if (!request.concluded()) {
      return true; // 行政复议法 Art. 23(1)(3): failure to act goes to reconsideration first
    }
    return request.outcome() != null && Outcome.valueOf(request.outcome()).reconsiderationFirst();
  }

  /**
   * Our reply or defence is ready (the note says what was prepared; files go with the paper file).
   */
  public void prepared(AppealRow appeal, StepInput in) {
    String note = in.text("note", false, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    if (note != null) {
      appeals.update(appeal.id(), Columns.of("response_note", note));
    }
  }

  /** The day our reply/defence and evidence reached the body. */
  public void submitted(AppealRow appeal, StepInput in, String actor) {
    LocalDate on = in.pastDate("submittedOn", true, clock.today(), appeal.receivedOn(), "收到副本之日");
    in.errors().throwIfAny();
    recordSubmission(appeal, on, actor);
  }

  private void recordSubmission(AppealRow appeal, LocalDate on, String actor) {
    Columns cols = new Columns();
    cols.set("submitted_on", on);
    if (AppealStatus.RESPONDING.name().equals(appeal.status())) {
      cols.set("status", AppealStatus.AWAITING_RESULT.name());
    }
    appeals.update(appeal.id(), cols);
    events.record(
        appeal.requestId(),
        "APPEAL_SUBMITTED",
        actor,
        new Submitted(
            appeal.id(),
            appeal.kind(),
            on.toString(),
            appeal.responseDueOn().toString(),
            !on.isAfter(appeal.responseDueOn())));
  }

  /**
   * The body's decision. It may arrive before we recorded our submission: the submission date may
   * come with it, and the reply/defence steps still open end with the case. CORRECTED orders the
   * request to be handled again.
   */
  public AppealRow decided(AppealRow appeal, StepInput in, String actor) {
    if (appeal.result() != null) {
      throw new ConflictException("该案件已于 " + appeal.decidedOn() + " 登记结果");
    }
    LocalDate today = clock.today();
    AppealResult result = in.code("result", AppealResult.class, true);
    LocalDate decidedOn = in.pastDate("decidedOn", true, today, appeal.receivedOn(), "收到副本之日");
    LocalDate submittedOn = in.pastDate("submittedOn", false, today, appeal.receivedOn(), "收到副本之日");
    if (submittedOn != null && decidedOn != null && submittedOn.isAfter(decidedOn)) {
      in.errors().add("submittedOn", "不能晚于结果作出之日（" + decidedOn + "）");
    }
    if (submittedOn != null
        && appeal.submittedOn() != null
        && !submittedOn.equals(appeal.submittedOn())) {
      in.errors().add("submittedOn", "已登记提交日期 " + appeal.submittedOn());
    }
    Integer redoDays = in.integer("redoWithinWorkingDays", false, 1, MAX_REDO_WORKING_DAYS);
    LocalDate redoDueOn = in.date("redoDueOn", false);
    String note = in.text("note", false, StepInput.TEXT_MAX);
    if (result != null && result != AppealResult.CORRECTED) {
      if (in.present("redoWithinWorkingDays")) {
        in.errors().add("redoWithinWorkingDays", "仅在结果为 CORRECTED（纠正）时填写");
      }
      if (in.present("redoDueOn")) {
        in.errors().add("redoDueOn", "仅在结果为 CORRECTED（纠正）时填写");
      }
    }
    if (redoDays != null && in.present("redoDueOn")) {
      in.errors().add("redoDueOn", "重新办理期限只能填写一种：工作日数或截止日期");
    }
    if (redoDueOn != null && decidedOn != null && redoDueOn.isBefore(decidedOn)) {
      in.errors().add("redoDueOn", "不能早于结果作出之日（" + decidedOn + "）");
    }
    in.errors().throwIfAny();

    if (submittedOn != null && appeal.submittedOn() == null) {
      recordSubmission(appeal, submittedOn, actor);
    }
    boolean corrected = result == AppealResult.CORRECTED;
    if (corrected && redoDueOn == null) {
      redoDueOn =
          calendars
              .calculator()
              .calendar()
              .addWorkingDays(decidedOn, redoDays == null ? DEFAULT_REDO_WORKING_DAYS : redoDays);
    }
    Columns cols = new Columns();
    cols.set("result", result.name());
    cols.set("decided_on", decidedOn);
    cols.set("result_note", note);
    cols.set("redo_due_on", redoDueOn);
    cols.set("status", (corrected ? AppealStatus.REHANDLING : AppealStatus.CLOSED).name());
    appeals.update(appeal.id(), cols);
    events.record(
        appeal.requestId(),
        "APPEAL_DECIDED",
        actor,
        new Decided(
            appeal.id(),
            appeal.kind(),
            result.name(),
            decidedOn.toString(),
            note,
            corrected ? redoDueOn.toString() : null));
    return appeals.get(appeal.id());
  }

  /**
   * The request was handled again after a correction: the new reply goes to its history, not to
   * table 三.
   */
  public void rehandled(AppealRow appeal, StepInput in, String actor) {
    LocalDate repliedOn =
        in.pastDate("repliedOn", true, clock.today(), appeal.decidedOn(), "复议决定或裁判作出之日");
    Outcome outcome = in.code("outcome", Outcome.class, false);
    String note = in.text("note", false, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    Columns cols = new Columns();
    cols.set("rehandled_on", repliedOn);
    cols.set("rehandled_outcome", outcome == null ? null : outcome.name());
    cols.set("rehandle_note", note);
    cols.set("status", AppealStatus.CLOSED.name());
    appeals.update(appeal.id(), cols);
    events.record(
        appeal.requestId(),
        "REHANDLED",
        actor,
        new Rehandled(
            appeal.id(),
            repliedOn.toString(),
            outcome == null ? null : outcome.name(),
            note,
            String.valueOf(appeal.redoDueOn()),
            appeal.redoDueOn() == null || !repliedOn.isAfter(appeal.redoDueOn())));
  }

  /** APPEAL_OPENED's details. */
  record Opened(
      String appealId,
      String kind,
      String receivedOn,
      String caseNumber,
      String body,
      boolean simpleProcedure,
      String responseDueOn,
      @JsonInclude(Include.NON_NULL) String warning) {}

  /** APPEAL_SUBMITTED's details: the response and whether it met its due date. */
  record Submitted(
      String appealId, String kind, String submittedOn, String responseDueOn, boolean onTime) {}

  /** APPEAL_DECIDED's details; the redo date only when the reply was corrected. */
  record Decided(
      String appealId,
      String kind,
      String result,
      String decidedOn,
      @JsonInclude(Include.NON_NULL) String note,
      @JsonInclude(Include.NON_NULL) String redoDueOn) {}

  /** REHANDLED's details. */
  record Rehandled(
      String appealId,
      String repliedOn,
      @JsonInclude(Include.NON_NULL) String outcome,
      @JsonInclude(Include.NON_NULL) String note,
      String redoDueOn,
      boolean onTime) {}
}
