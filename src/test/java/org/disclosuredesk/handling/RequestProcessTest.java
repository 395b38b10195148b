package org.disclosuredesk.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.deadline.Holiday;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.deadline.YearNotice;
import org.disclosuredesk.request.RequestRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every path of the request process, driven as the API drives it, with the engine clock moved by
 * the test.
 */
@SpringBootTest
class RequestProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  @Autowired CalendarService calendars;

  LocalDate wd(LocalDate from, int n) {
    return calendars.calendar().addWorkingDays(from, n);
  }

  int between(LocalDate a, LocalDate b) {
    return calendars.calendar().workingDaysBetween(a, b);
  }

  @Test
  void disclosedAtScreeningIsConcludedRepliedMailedAndArchived() throws Exception {
    LocalDate d = LocalDate.of(2026, 9, 25);
    RequestRow r = register(d, "zhangsan@example.org");
    assertThat(r.dueOn())
        .isEqualTo(LocalDate.of(2026, 10, 29)); // across National Day and the 10-10 make-up day
    assertThat(r.trackingNumber()).matches("2026-\\d{4}");
    assertThat(instance(r)).isWaitingAt("Screening");
    Task screening =
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(r.id()).singleResult();
    assertThat(screening.getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 10, 29, 18, 0, 0, 0, ZONE).toInstant());

    actions.decision(
        r.id(),
        body(
            "outcome",
            "DISCLOSED",
            "decidedOn",
            "2026-09-30",
            "confidentialityReview",
            review(LocalDate.of(2026, 9, 30))),
        "reviewer");

    RequestRow done = row(r.id());
    assertThat(done.status()).isEqualTo("CONCLUDED");
    assertThat(done.concludedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(instance(r)).isNull();
    assertThat(eventTypes(r.id()))
        .containsSubsequence("REGISTERED", "DECIDED", "CONCLUDED", "ARCHIVED");
    assertThat(mailKinds(r.id())).containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "REPLY");
    runDueJobs();
    assertThat(greenMail.getReceivedMessagesForDomain("zhangsan@example.org"))
        .hasSize(2)
        .allMatch(m -> subject(m).contains(r.trackingNumber()));
    assertThatThrownBy(
            () ->
                actions.decision(
                    r.id(),
                    body("outcome", "OTHER", "decidedOn", "2026-10-01", "reason", "再次答复"),
                    "reviewer"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aNewDatabaseKeepsAuditHistoryWithoutPerUpdateDetails() {
    // history-level auto falls back to Camunda's default (full) unless history-level-default says
    // otherwise
    assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("audit");
    RequestRow r = register(LocalDate.of(2026, 9, 25), null);
    var history = engine.getHistoryService();
    assertThat(history.createHistoricDetailQuery().processInstanceId(r.processInstanceId()).count())
        .isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(r.processInstanceId())
                .variableName("trackingNumber")
                .singleResult()
                .getValue())
        .isEqualTo(r.trackingNumber());
  }

  @Test
  void disclosureWithoutConfidentialityReviewIsRefusedAndChangesNothing() {
    RequestRow r = register(LocalDate.of(2026, 9, 25), null);
    assertThatThrownBy(
            () ->
                actions.decision(
                    r.id(), body("outcome", "DISCLOSED", "decidedOn", "2026-09-30"), "reviewer"))
        .isInstanceOfSatisfying(
            BadInputException.class,
            e -> assertThat(e.fields()).containsKeys("reviewedBy", "reviewedOn"));
    assertThat(row(r.id()).status()).isEqualTo("SCREENING");
    assertThat(row(r.id()).outcome()).isNull();
    assertThat(instance(r)).isWaitingAt("Screening");
  }

  @Test
  void supplementReceivedRestartsTheClockThenStillUnclear() {
    LocalDate d = LocalDate.of(2026, 3, 2);
    RequestRow r = register(d, null);
    actions.supplementRequest(
        r.id(),
        body(
            "noticeOn",
            wd(d, 3).toString(),
            "supplementDueOn",
            wd(d, 18).toString(),
            "items",
            "请明确所需信息的年份"),
        "reviewer");
    assertThat(row(r.id()).status()).isEqualTo("AWAITING_SUPPLEMENT");
    assertThat(row(r.id()).dueOn()).isNull();
    assertThat(instance(r)).isWaitingAt("RecordSupplement");
    LocalDate received = wd(d, 10);
    actions.supplement(r.id(), body("receivedOn", received.toString()), "clerk");
    assertThat(row(r.id()).status()).isEqualTo("SCREENING");
    assertThat(row(r.id()).dueOn()).isEqualTo(wd(received, 20));
    assertThatThrownBy(
            () ->
                actions.supplementRequest(
                    r.id(),
                    body(
                        "noticeOn",
                        wd(d, 11).toString(),
                        "supplementDueOn",
                        wd(d, 20).toString(),
                        "items",
                        "再补一次"),
                    "reviewer"))
        .isInstanceOf(ConflictException.class);
    actions.decision(
        r.id(),
        body("outcome", "UNAVAILABLE_STILL_UNCLEAR", "decidedOn", wd(received, 4).toString()),
        "reviewer");
    assertThat(row(r.id()).outcome()).isEqualTo("UNAVAILABLE_STILL_UNCLEAR");
  }

  @Test
  void stillUnclearNeedsASupplementFirst() {
    RequestRow r = register(LocalDate.of(2026, 3, 2), null);
    assertThatThrownBy(
            () ->
                actions.decision(
                    r.id(),
                    body("outcome", "UNAVAILABLE_STILL_UNCLEAR", "decidedOn", "2026-03-05"),
                    "reviewer"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void lateSupplementNoticeIsAcceptedAndFlagged() {
    LocalDate d = LocalDate.of(2026, 3, 2);
    RequestRow r = register(d, null);
    actions.supplementRequest(
        r.id(),
        body(
            "noticeOn",
            wd(d, 9).toString(),
            "supplementDueOn",
            wd(d, 20).toString(),
            "items",
            "请补充身份证明"),
        "reviewer");
    assertThat(
            jdbc.sql(
                    "SELECT details FROM dd_event WHERE request_id = ? AND type = 'SUPPLEMENT_REQUESTED'")
                .param(r.id())
                .query(String.class)
                .single())
        .contains("第三十条");
  }

  @Test
  void expiredSupplementConcludesTheDayAfterItsLastDay() {
    LocalDate d = LocalDate.of(2026, 4, 1);
    RequestRow r = register(d, "a@example.org");
    LocalDate last = wd(d, 15);
    actions.supplementRequest(
        r.id(),
        body(
            "noticeOn",
            wd(d, 2).toString(),
            "supplementDueOn",
            last.toString(),
            "items",
            "请补充身份证明"),
        "reviewer");
    assertThat(runDueJobs()).isGreaterThan(0); // the mails; the timer waits for the back-fill grace
    assertThat(row(r.id()).status()).isEqualTo("AWAITING_SUPPLEMENT");
    at(LocalDate.of(2026, 11, 20), 12);
    runDueJobs();
    RequestRow done = row(r.id());
    assertThat(done.outcome()).isEqualTo("OTHER_NO_SUPPLEMENT");
    assertThat(done.concludedOn()).isEqualTo(last.plusDays(1));
    assertThat(instance(r)).isNull();
  }

  @Test
  void thirdPartyConsultationStopsTheClockUntilTheAnswer() {
    LocalDate d = LocalDate.of(2026, 5, 11);
    RequestRow r = register(d, null);
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate sent = wd(d, 6);
    String consultation =
        actions.consultation(
            r.id(),
            body("kind", "THIRD_PARTY", "party", "某科技有限公司", "sentOn", sent.toString()),
            "reviewer");
    assertThat(row(r.id()).status()).isEqualTo("SUSPENDED");
    assertThat(row(r.id()).dueOn()).isNull();
    assertThat(instance(r)).isWaitingAt("Handling", "RecordConsultationReply");
    LocalDate replied = wd(d, 16);
    actions.consultationReply(
        r.id(),
        body("consultationId", consultation, "repliedOn", replied.toString(), "opinion", "OBJECT"),
        "clerk");
    assertThat(row(r.id()).status()).isEqualTo("HANDLING");
    assertThat(row(r.id()).dueOn()).isEqualTo(wd(replied, 20 - between(d, sent)));
  }

  @Test
  void overlappingStopsCountOnceAndAnUnansweredAgencyIsTakenToAgree() {
    LocalDate d = LocalDate.of(2026, 5, 11);
    RequestRow r = register(d, null);
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate s1 = wd(d, 4);
    actions.consultation(
        r.id(), body("kind", "AGENCY", "party", "市财政局", "sentOn", s1.toString()), "reviewer");
    String third =
        actions.consultation(
            r.id(),
            body("kind", "THIRD_PARTY", "party", "某公司", "sentOn", wd(d, 6).toString()),
            "reviewer");
    assertThatThrownBy(
            () ->
                actions.consultationReply(
                    r.id(), body("repliedOn", wd(d, 8).toString(), "opinion", "AGREE"), "clerk"))
        .isInstanceOf(BadInputException.class); // which one?
    actions.consultationReply(
        r.id(),
        body("consultationId", third, "repliedOn", wd(d, 8).toString(), "opinion", "AGREE"),
        "clerk");
    assertThat(row(r.id()).status()).isEqualTo("SUSPENDED"); // the agency has not answered yet
    at(LocalDate.of(2026, 11, 20), 12); // long after its 15 working days
    runDueJobs();
    LocalDate agencyLast = wd(s1, 15);
    assertThat(row(r.id()).status()).isEqualTo("HANDLING");
    assertThat(row(r.id()).dueOn()).isEqualTo(wd(agencyLast, 20 - between(d, s1)));
  }

  @Test
  void feePaidResumesTheClockAndAWrongAmountIsRefused() {
    LocalDate d = LocalDate.of(2026, 6, 1);
    RequestRow r = register(d, null);
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate notice = wd(d, 4);
    assertThatThrownBy(
            () ->
                actions.feeNotice(
                    r.id(),
                    body(
                        "noticeOn",
                        notice.toString(),
                        "method",
                        "PER_VOLUME",
                        "pages",
                        50,
                        "amountYuan",
                        100),
                    "reviewer"))
        .isInstanceOfSatisfying(
            BadInputException.class, e -> assertThat(e.fields()).containsKey("amountYuan"));
    actions.feeNotice(
        r.id(),
        body("noticeOn", notice.toString(), "method", "PER_VOLUME", "pages", 50, "amountYuan", 200),
        "reviewer");
    assertThat(row(r.id()).status()).isEqualTo("SUSPENDED");
    LocalDate paid = wd(d, 9);
    actions.feePayment(r.id(), body("paidOn", paid.toString()), "clerk");
    assertThat(row(r.id()).dueOn()).isEqualTo(wd(paid, 20 - between(d, notice)));
    assertThat(row(r.id()).feesCollectedYuan()).isEqualByComparingTo("200");
  }

  @Test
  void unpaidFeeConcludesTheDayAfterThePaymentPeriod() {
    LocalDate d = LocalDate.of(2026, 6, 1);
    RequestRow r = register(d, null);
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate notice = wd(d, 4);
    actions.feeNotice(
        r.id(),
        body(
            "noticeOn",
            notice.toString(),
            "method",
            "PER_VOLUME",
            "pages",
            120,
            "amountYuan",
            1100),
        "reviewer");
    at(LocalDate.of(2026, 11, 20), 12);
    runDueJobs();
    RequestRow done = row(r.id());
    assertThat(done.outcome()).isEqualTo("OTHER_FEE_UNPAID");
    assertThat(done.concludedOn()).isEqualTo(wd(notice, 20).plusDays(1));
  }

  @Test
  void extensionApprovedOnceAddsItsWorkingDaysAndRefusedGoesBackToHandling() {
    LocalDate d = LocalDate.of(2026, 10, 9);
    RequestRow r = register(d, "b@example.org");
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate due = row(r.id()).dueOn();
    actions.extension(
        r.id(),
        body("requestedOn", wd(d, 10).toString(), "workingDays", 10, "reason", "需协调"),
        "reviewer");
    assertThat(row(r.id()).status()).isEqualTo("AWAITING_EXTENSION_APPROVAL");
    actions.extensionDecision(
        r.id(), body("approved", false, "decidedOn", wd(d, 11).toString()), "head");
    assertThat(row(r.id()).status()).isEqualTo("HANDLING");
    assertThat(row(r.id()).dueOn()).isEqualTo(due);
    actions.extension(
        r.id(),
        body("requestedOn", wd(d, 12).toString(), "workingDays", 20, "reason", "需协调多个科室"),
        "reviewer");
    actions.extensionDecision(
        r.id(), body("approved", true, "decidedOn", wd(d, 13).toString()), "head");
    assertThat(row(r.id()).dueOn()).isEqualTo(wd(due, 20));
    assertThat(row(r.id()).extended()).isTrue();
    assertThat(mailKinds(r.id())).contains("EXTENSION_NOTICE");
    assertThatThrownBy(
            () ->
                actions.extension(
                    r.id(),
                    body("requestedOn", wd(d, 14).toString(), "workingDays", 5, "reason", "再次延期"),
                    "reviewer"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void extensionApprovedAfterTheDueDateIsRefused() {
    LocalDate d = LocalDate.of(2026, 9, 1);
    RequestRow r = register(d, null);
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate due = row(r.id()).dueOn();
    actions.extension(
        r.id(),
        body("requestedOn", wd(d, 15).toString(), "workingDays", 20, "reason", "x"),
        "reviewer");
    assertThatThrownBy(
            () ->
                actions.extensionDecision(
                    r.id(), body("approved", true, "decidedOn", wd(due, 1).toString()), "head"))
        .isInstanceOf(ConflictException.class);
    assertThat(row(r.id()).status()).isEqualTo("AWAITING_EXTENSION_APPROVAL");
  }

  @Test
  void withholdingWaitsForSignOffAndConcludesOnTheLaterDate() {
    LocalDate d = LocalDate.of(2026, 8, 3);
    RequestRow r = register(d, null);
    actions.decision(
        r.id(),
        body(
            "outcome",
            "WITHHELD_THIRD_PARTY_RIGHTS",
            "thirdPartyInterest",
            "TRADE_SECRET",
            "decidedOn",
            wd(d, 5).toString(),
            "reason",
            "涉及商业秘密"),
        "reviewer");
    assertThat(row(r.id()).status()).isEqualTo("AWAITING_SIGN_OFF");
    actions.signOff(
        r.id(),
        body("approved", false, "decidedOn", wd(d, 6).toString(), "comment", "理由不充分"),
        "head");
    assertThat(row(r.id()).status()).isEqualTo("HANDLING");
    assertThat(row(r.id()).outcome()).isNull();
    actions.decision(
        r.id(),
        body(
            "outcome",
            "PARTIALLY_DISCLOSED",
            "decidedOn",
            wd(d, 7).toString(),
            "confidentialityReview",
            review(wd(d, 7))),
        "reviewer");
    actions.signOff(r.id(), body("approved", true, "decidedOn", wd(d, 9).toString()), "head");
    RequestRow done = row(r.id());
    assertThat(done.status()).isEqualTo("CONCLUDED");
    assertThat(done.concludedOn()).isEqualTo(wd(d, 9));
  }

  @Test
  void withdrawalConcludesAtAnyStage() {
    LocalDate d = LocalDate.of(2026, 7, 1);
    RequestRow atScreening = register(d, null);
    actions.withdrawal(atScreening.id(), body("withdrawnOn", wd(d, 1).toString()), "clerk");
    RequestRow suspended = register(d, null);
    actions.screening(suspended.id(), body("result", "PROCEED"), "reviewer");
    actions.consultation(
        suspended.id(),
        body("kind", "THIRD_PARTY", "party", "某公司", "sentOn", wd(d, 2).toString()),
        "reviewer");
    actions.withdrawal(
        suspended.id(), body("withdrawnOn", wd(d, 3).toString(), "note", "已自行获取"), "clerk");
    RequestRow signOff = register(d, null);
    actions.decision(
        signOff.id(),
        body("outcome", "WITHHELD_STATE_SECRET", "decidedOn", wd(d, 4).toString()),
        "reviewer");
    actions.withdrawal(signOff.id(), body("withdrawnOn", wd(d, 5).toString()), "clerk");
    for (RequestRow r : List.of(atScreening, suspended, signOff)) {
      RequestRow done = row(r.id());
      assertThat(done.outcome()).isEqualTo("OTHER");
      assertThat(done.status()).isEqualTo("CONCLUDED");
      assertThat(instance(r)).isNull();
      assertThat(
              engine.getTaskService().createTaskQuery().processInstanceBusinessKey(r.id()).count())
          .isZero();
    }
    assertThat(row(suspended.id()).concludedOn()).isEqualTo(wd(d, 3));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM dd_suspension WHERE request_id = ? AND to_on IS NULL")
                .param(suspended.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThatThrownBy(
            () ->
                actions.withdrawal(signOff.id(), body("withdrawnOn", wd(d, 6).toString()), "clerk"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void remindersFiveAndOneWorkingDayBeforeAndEscalationTheDayAfter() {
    LocalDate d = LocalDate.of(2026, 11, 19);
    RequestRow r = register(d, null);
    LocalDate due = r.dueOn();
    at(DeadlineTimers.workingDaysBefore(calendars.calendar(), due, 5), 9);
    runDueJobs();
    assertThat(mailKinds(r.id())).containsOnly("REMINDER");
    at(DeadlineTimers.workingDaysBefore(calendars.calendar(), due, 1), 9);
    runDueJobs();
    assertThat(mailKinds(r.id())).containsOnly("REMINDER").hasSize(2);
    at(due.plusDays(1), 9);
    runDueJobs();
    assertThat(mailKinds(r.id())).containsExactly("REMINDER", "REMINDER", "OVERDUE");
    at(due.plusDays(5), 9);
    runDueJobs();
    assertThat(mailKinds(r.id())).hasSize(3); // the escalation fires once
    assertThat(greenMail.getReceivedMessages())
        .extracting(m -> m.getAllRecipients()[0].toString())
        .contains("reviewer@disclosure.example.gov.cn", "head@disclosure.example.gov.cn");
  }

  @Test
  void aMailSurvivesAnSmtpOutageThroughTheJobRetries() throws Exception {
    RequestRow r = register(LocalDate.of(2026, 11, 19), "c@example.org");
    greenMail.stop();
    String mailInstance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("mail-delivery")
            .processInstanceBusinessKey(r.id())
            .singleResult()
            .getId();
    Job job = management.createJobQuery().processInstanceId(mailInstance).singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .isInstanceOf(RuntimeException.class);
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isLessThan(6).isGreaterThan(0);
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(
            jdbc.sql("SELECT status FROM dd_mail WHERE request_id = ?")
                .param(r.id())
                .query(String.class)
                .single())
        .isEqualTo("QUEUED");
    greenMail.start();
    at(LocalDate.of(2026, 11, 20), 11);
    runDueJobs();
    assertThat(greenMail.getReceivedMessagesForDomain("c@example.org")).hasSize(1);
    assertThat(
            jdbc.sql("SELECT status FROM dd_mail WHERE request_id = ?")
                .param(r.id())
                .query(String.class)
                .single())
        .isEqualTo("SENT");
  }

  @Test
  void aMailInterruptedDuringTheHandOffIsNotSentAgainButLeftForAPerson() {
    RequestRow r = register(LocalDate.of(2026, 11, 19), "d@example.org");
    // what a kill -9 between the SMTP hand-off and recording it leaves behind
    jdbc.sql("UPDATE dd_mail SET status = 'SENDING' WHERE request_id = ?").param(r.id()).update();
    String mailInstance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("mail-delivery")
            .processInstanceBusinessKey(r.id())
            .singleResult()
            .getId();
    Job job = management.createJobQuery().processInstanceId(mailInstance).singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("人工核实");
    assertThat(greenMail.getReceivedMessagesForDomain("d@example.org")).isEmpty();
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
        .isLessThan(6);
  }

  @Test
  void concurrentActionsOnOneRequestOneWinsTheOtherConflicts() throws Exception {
    RequestRow r = register(LocalDate.of(2026, 11, 2), null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
                  return "ok";
                } catch (ConflictException | org.camunda.bpm.engine.OptimisticLockingException e) {
                  return "conflict";
                }
              }));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    Collections.sort(outcomes);
    assertThat(outcomes).containsExactly("conflict", "ok");
    assertThat(instance(r)).isWaitingAt("Handling");
  }

  @Test
  void aChangedCalendarMovesTheDueDateTheTaskAndTheTimers() {
    at(LocalDate.of(2035, 6, 1), 10);
    LocalDate d = LocalDate.of(2035, 5, 21); // 2035 has no notice: Monday to Friday, with a warning
    RequestRow r = register(d, null);
    LocalDate before = r.dueOn();
    Job reminder = timer(r, "OneWorkingDayBeforeDue");
    WorkingDayCalendar cal = calendars.calendar();
    calendars.replaceYear(
        new YearNotice(
            2035,
            List.of(LocalDate.of(2035, 6, 7), LocalDate.of(2035, 6, 8)),
            List.of(),
            List.of(new Holiday("端午节", LocalDate.of(2035, 6, 7), LocalDate.of(2035, 6, 8)))),
        "admin");
    RequestRow after = row(r.id());
    assertThat(after.dueOn())
        .isEqualTo(calendars.calendar().addWorkingDays(d, 20))
        .isNotEqualTo(before);
    assertThat(cal.isWorkingDay(LocalDate.of(2035, 6, 7))).isTrue();
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(r.id()).singleResult();
    assertThat(task.getDueDate().toInstant())
        .isEqualTo(ZonedDateTime.of(after.dueOn().atTime(18, 0), ZONE).toInstant());
    assertThat(timer(r, "OneWorkingDayBeforeDue").getDuedate()).isAfter(reminder.getDuedate());
    assertThat(eventTypes(r.id())).contains("DUE_DATE_RECOMPUTED");
  }

  @Test
  void tasklistFormSubmissionsTakeTheSamePathAndLeaveNoValuesInTheProcess() {
    LocalDate d = LocalDate.of(2026, 8, 3);
    RequestRow r = register(d, null);
    var tasks = engine.getTaskService();
    Task screening = tasks.createTaskQuery().processInstanceBusinessKey(r.id()).singleResult();
    assertThat((String) tasks.getVariableLocal(screening.getId(), "requestSummary"))
        .contains(r.trackingNumber());
    // as Tasklist signs the reviewer in: with the agency as tenant
    engine
        .getIdentityService()
        .setAuthentication("reviewer", List.of("reviewer"), List.of("AGENCY"));
    try {
      tasks.complete(screening.getId(), java.util.Map.of("screeningResult", "PROCEED"));
      Task handling = tasks.createTaskQuery().processInstanceBusinessKey(r.id()).singleResult();
      assertThat(handling.getTaskDefinitionKey()).isEqualTo("Handling");
      // what a Camunda Form submits: date pickers may add a time, radio buttons give strings
      tasks.complete(
          handling.getId(),
          java.util.Map.of(
              "handlingAction",
              "DECIDE",
              "outcome",
              "UNAVAILABLE_NOT_HELD",
              "notHeldReason",
              "OTHER_AGENCY",
              "responsibleAgency",
              "市财政局",
              "decidedOn",
              wd(d, 3) + "T00:00:00.000Z",
              "deliveryMethod",
              "POST"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    RequestRow done = row(r.id());
    assertThat(done.outcome()).isEqualTo("UNAVAILABLE_NOT_HELD");
    assertThat(done.responsibleAgency()).isEqualTo("市财政局");
    assertThat(done.concludedOn()).isEqualTo(wd(d, 3));
    assertThat(
            jdbc.sql("SELECT actor FROM dd_event WHERE request_id = ? AND type = 'DECIDED'")
                .param(r.id())
                .query(String.class)
                .single())
        .isEqualTo("reviewer");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(r.processInstanceId())
                .variableName("responsibleAgency")
                .list())
        .allMatch(v -> "DELETED".equals(v.getState()));
    // the form's display texts (applicant's name, the request's wording) lived only while the task
    // was open
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(r.processInstanceId())
                .variableNameIn("requestSummary", "supplementNoticeHint")
                .count())
        .isZero();
    assertThat(
            engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(r.processInstanceId())
                .variableName("requestSummary")
                .count())
        .isZero();
  }

  @Test
  void theTasklistStartFormRegistersThroughTheSameRulesAndKeepsNoFormValues() {
    var definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("disclosure-request")
            .latestVersion()
            .singleResult();
    java.util.Map<String, Object> form =
        new java.util.HashMap<>(
            java.util.Map.of(
                "channel",
                "POST_REGISTERED",
                "arrivedOn",
                "2026-07-06T00:00:00.000Z",
                "applicantType",
                "NATURAL_PERSON",
                "applicantName",
                "王小二",
                "applicantIdNumber",
                "370102199001011234",
                "description",
                "请公开2025年就业补贴名单",
                "topic",
                "就业信息",
                "formPaper",
                true,
                "formInspection",
                true));
    engine.getIdentityService().setAuthentication("clerk", List.of("clerk"));
    var instance = engine.getFormService().submitStartForm(definition.getId(), form);
    engine.getIdentityService().clearAuthentication();
    RequestRow r = row(instance.getBusinessKey());
    assertThat(r.trackingNumber()).matches("2026-\\d{4}");
    assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2026, 7, 6));
    assertThat(r.requestedForms()).isEqualTo("PAPER,INSPECTION");
    assertThat(r.createdBy()).isEqualTo("clerk");
    assertThat(r.dueOn()).isEqualTo(wd(LocalDate.of(2026, 7, 6), 20));
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("applicantName", "applicantIdNumber", "description");
    Task screening =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    assertThat(
            (String) engine.getTaskService().getVariableLocal(screening.getId(), "requestSummary"))
        .contains(r.trackingNumber());

    java.util.Map<String, Object> bad = new java.util.HashMap<>(form);
    bad.remove("applicantName");
    bad.put("channel", "PIGEON");
    int before = jdbc.sql("SELECT COUNT(*) FROM dd_request").query(Integer.class).single();
    assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition.getId(), bad))
        .hasMessageContaining("applicant.name")
        .hasMessageContaining("channel");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dd_request").query(Integer.class).single())
        .isEqualTo(before);
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Job timer(RequestRow r, String activity) {
    return management
        .createJobQuery()
        .processInstanceId(r.processInstanceId())
        .timers()
        .list()
        .stream()
        .filter(
            j ->
                activity.equals(
                    management
                        .createJobDefinitionQuery()
                        .jobDefinitionId(j.getJobDefinitionId())
                        .singleResult()
                        .getActivityId()))
        .findFirst()
        .orElseThrow();
  }
}
