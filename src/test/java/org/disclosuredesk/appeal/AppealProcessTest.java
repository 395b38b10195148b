package org.disclosuredesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.disclosuredesk.deadline.Holiday;
import org.disclosuredesk.deadline.YearNotice;
import org.disclosuredesk.process.TaskDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The appeal process for each kind and each result, the re-handling after a correction, and the
 * timers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = AppealTestSupport.OWN_CONTEXT)
class AppealProcessTest extends AppealTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired TaskDates dates;

  @BeforeEach
  void initEngine() {
    BpmnAwareTests.init(engine);
  }

  ProcessInstance instance(String appealId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(appealId)
        .processDefinitionKey("appeal")
        .singleResult();
  }

  Task task(String appealId, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(appealId)
        .taskDefinitionKey(key)
        .singleResult();
  }

  @Test
  void reconsiderationUpheldAfterOurReply() {
    String id = concluded(LocalDate.of(2026, 9, 1), true);
    JsonNode a = opened(id, "RECONSIDERATION", LocalDate.of(2026, 10, 20));
    String appealId = a.get("appealId").asText();
    assertThat(a.get("responseDueOn").asText()).isEqualTo("2026-11-03");
    ProcessInstance pi = instance(appealId);
    assertThat(pi).isWaitingAt("PrepareResponse", "AwaitResult");
    assertThat(task(appealId, "PrepareResponse").getDueDate())
        .isEqualTo(dates.due(LocalDate.of(2026, 11, 3)));
    assertThat(task(appealId, "AwaitResult").getDueDate()).isNull();

    ok(
        "reviewer",
        "/api/appeals/" + appealId + "/submission",
        Map.of("submittedOn", "2026-10-30", "note", "答复书及证据目录"));
    assertThat(pi).isWaitingAt("AwaitResult");
    assertThat(pi).hasPassed("PrepareResponse", "RecordSubmission", "ResponseSubmitted");
    JsonNode mid = appeal(appealId);
    assertThat(mid.get("status").asText()).isEqualTo("AWAITING_RESULT");
    assertThat(mid.get("submittedOn").asText()).isEqualTo("2026-10-30");
    assertThat(mid.get("responseNote").asText()).isEqualTo("答复书及证据目录");

    ok(
        "reviewer",
        "/api/appeals/" + appealId + "/result",
        Map.of("result", "UPHELD", "decidedOn", "2026-11-18"));
    assertThat(pi).isEnded().hasPassed("RecordResult", "AppealClosed").hasNotPassed("Rehandle");
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT kind, received_on, result, decided_on, status FROM dd_appeal" + " WHERE id = ?",
            appealId);
    assertThat(row.get("KIND")).isEqualTo("RECONSIDERATION");
    assertThat(row.get("RECEIVED_ON").toString()).isEqualTo("2026-10-20");
    assertThat(row.get("RESULT")).isEqualTo("UPHELD");
    assertThat(row.get("DECIDED_ON").toString()).isEqualTo("2026-11-18");
    assertThat(row.get("STATUS")).isEqualTo("CLOSED");
    assertThat(eventTypes(id))
        .containsSubsequence("CONCLUDED", "APPEAL_OPENED", "APPEAL_SUBMITTED", "APPEAL_DECIDED");
  }

  @Test
  void directLitigationWithAResultBeforeOurSubmissionWasRecorded() {
    String id = concluded(LocalDate.of(2026, 8, 3), false);
    String appealId =
        opened(id, "LITIGATION_DIRECT", LocalDate.of(2026, 9, 20)).get("appealId").asText();
    ProcessInstance pi = instance(appealId);
    assertThat(pi).isWaitingAt("PrepareResponse", "AwaitResult");
    // the court's judgment arrives while our defence step is still open: it ends that step, with
    // our submission date
    ok(
        "reviewer",
        "/api/appeals/" + appealId + "/result",
        Map.of("result", "OTHER", "decidedOn", "2026-11-10", "submittedOn", "2026-10-09"));
    assertThat(pi).isEnded().hasNotPassed("RecordSubmission", "Rehandle");
    JsonNode a = appeal(appealId);
    assertThat(a.get("result").asText()).isEqualTo("OTHER");
    assertThat(a.get("submittedOn").asText()).isEqualTo("2026-10-09");
    assertThat(a.get("status").asText()).isEqualTo("CLOSED");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(eventTypes(id))
        .containsSubsequence("APPEAL_OPENED", "APPEAL_SUBMITTED", "APPEAL_DECIDED");
    assertThat(
            call(
                    "reviewer",
                    org.springframework.http.HttpMethod.POST,
                    "/api/appeals/" + appealId + "/submission",
                    Map.of("submittedOn", "2026-10-09"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void litigationAfterReconsiderationCorrectedOpensTheRehandling() {
    String id = concluded(LocalDate.of(2026, 7, 1), true);
    JsonNode before = request(id);
    String appealId =
        opened(id, "LITIGATION_AFTER_RECONSIDERATION", LocalDate.of(2026, 9, 1))
            .get("appealId")
            .asText();
    ok("reviewer", "/api/appeals/" + appealId + "/submission", Map.of("submittedOn", "2026-09-15"));
    ok(
        "reviewer",
        "/api/appeals/" + appealId + "/result",
        Map.of("result", "CORRECTED", "decidedOn", "2026-11-10", "redoWithinWorkingDays", 15));
    ProcessInstance pi = instance(appealId);
    assertThat(pi).isWaitingAt("Rehandle");
    LocalDate redoDue =
        calendars.calculator().calendar().addWorkingDays(LocalDate.of(2026, 11, 10), 15);
    assertThat(redoDue).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(task(appealId, "Rehandle").getDueDate()).isEqualTo(dates.due(redoDue));
    assertThat(appeal(appealId).get("status").asText()).isEqualTo("REHANDLING");
    assertThat(appeal(appealId).get("redoDueOn").asText()).isEqualTo("2026-12-01");

    ok(
        "reviewer",
        "/api/appeals/" + appealId + "/rehandling",
        Map.of("repliedOn", "2026-11-19", "outcome", "DISCLOSED", "note", "按判决重新答复，予以公开"));
    assertThat(pi).isEnded().hasPassed("Rehandle", "AppealClosedAfterRehandling");
    JsonNode after = request(id);
    // counted once in table 三, at its first conclusion
    assertThat(after.get("outcome").asText()).isEqualTo(before.get("outcome").asText());
    assertThat(after.get("concludedOn").asText()).isEqualTo(before.get("concludedOn").asText());
    assertThat(eventTypes(id)).containsSubsequence("APPEAL_DECIDED", "REHANDLED");
    JsonNode rehandled = null;
    for (JsonNode e : after.get("events")) {
      if (e.get("type").asText().equals("REHANDLED")) {
        rehandled = e;
      }
    }
    assertThat(rehandled.get("repliedOn").asText()).isEqualTo("2026-11-19");
    assertThat(rehandled.get("outcome").asText()).isEqualTo("DISCLOSED");
    assertThat(rehandled.get("onTime").asBoolean()).isTrue();
    JsonNode listed = after.get("appeals").get(0);
    assertThat(listed.get("result").asText()).isEqualTo("CORRECTED");
    assertThat(listed.get("decidedOn").asText()).isEqualTo("2026-11-10");
    assertThat(listed.get("submittedOn").asText()).isEqualTo("2026-09-15");
    assertThat(listed.get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void correctedWithoutAPeriodGivesTwentyWorkingDaysOrTheDateTheDecisionSets() {
    String id = concluded(LocalDate.of(2026, 7, 1), false);
    String first = opened(id, "RECONSIDERATION", LocalDate.of(2026, 9, 1)).get("appealId").asText();
    ok(
        "reviewer",
        "/api/appeals/" + first + "/result",
        Map.of("result", "CORRECTED", "decidedOn", "2026-11-10"));
    assertThat(appeal(first).get("redoDueOn").asText())
        .isEqualTo(
            calendars
                .calculator()
                .calendar()
                .addWorkingDays(LocalDate.of(2026, 11, 10), 20)
                .toString());
    assertThat(instance(first)).isWaitingAt("Rehandle");
    String second =
        opened(id, "LITIGATION_AFTER_RECONSIDERATION", LocalDate.of(2026, 11, 12))
            .get("appealId")
            .asText();
    ok(
        "reviewer",
        "/api/appeals/" + second + "/result",
        Map.of("result", "CORRECTED", "decidedOn", "2026-11-19", "redoDueOn", "2026-12-31"));
    assertThat(appeal(second).get("redoDueOn").asText()).isEqualTo("2026-12-31");
  }

  @Test
  void tasklistStartFormAndResultFormGoThroughTheSameSteps() {
    String id = concluded(LocalDate.of(2026, 9, 1), true);
    String tracking = request(id).get("trackingNumber").asText();
    Map<String, Object> start = new HashMap<>();
    start.put("trackingNumber", tracking);
    start.put("kind", "RECONSIDERATION");
    start.put("receivedOn", "2026-11-16T00:00:00.000Z"); // date pickers may add a time
    start.put("caseNumber", "威政复〔2026〕88号");
    start.put("body", "威海市人民政府");
    start.put("simpleProcedure", true);
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("appeal")
            .latestVersion()
            .singleResult()
            .getId();
    ProcessInstance pi = forms.submitStartForm(definition, start);
    String appealId = pi.getBusinessKey();
    JsonNode a = appeal(appealId);
    assertThat(a.get("requestId").asText()).isEqualTo(id);
    assertThat(a.get("simpleProcedure").asBoolean()).isTrue();
    assertThat(a.get("responseDueOn").asText()).isEqualTo("2026-11-23"); // 5 working days
    assertThat(engine.getRuntimeService().getVariables(pi.getId()).keySet())
        .doesNotContain("caseNumber", "body", "receivedOn", "kind");

    Task result = task(appealId, "AwaitResult");
    Map<String, Object> values = new HashMap<>();
    values.put("result", "UPHELD");
    values.put("decidedOn", "2026-11-19");
    forms.submitTaskForm(result.getId(), values);
    assertThat(pi).isEnded();
    assertThat(appeal(appealId).get("result").asText()).isEqualTo("UPHELD");

    Map<String, Object> unknown = new HashMap<>(start);
    unknown.put("trackingNumber", "0000-0000");
    try {
      forms.submitStartForm(definition, unknown);
      org.junit.jupiter.api.Assertions.fail("unknown tracking number accepted");
    } catch (RuntimeException e) {
      Throwable t = e;
      while (!(t instanceof org.disclosuredesk.common.BadInputException) && t.getCause() != null) {
        t = t.getCause();
      }
      assertThat(((org.disclosuredesk.common.BadInputException) t).fields())
          .containsEntry("trackingNumber", "没有这个受理编号");
    }
  }

  @Test
  void reminderOneWorkingDayBeforeAndEscalationTheDayAfterUnlessSubmitted() {
    String id = concluded(LocalDate.of(2026, 10, 9), false);
    String appealId =
        opened(id, "RECONSIDERATION", TODAY).get("appealId").asText(); // Friday 2026-11-20
    LocalDate due = LocalDate.of(2026, 12, 4);
    assertThat(appeal(appealId).get("responseDueOn").asText()).isEqualTo(due.toString());
    ProcessInstance pi = instance(appealId);
    assertThat(runDueJobs()).isZero();

    at(LocalDate.of(2026, 12, 3), 9);
    runDueJobs();
    assertThat(mailKinds(id)).contains("APPEAL_REMINDER").doesNotContain("APPEAL_OVERDUE");
    assertThat(eventTypes(id)).contains("APPEAL_REMINDER");

    at(LocalDate.of(2026, 12, 5), 9);
    runDueJobs();
    assertThat(mailKinds(id)).contains("APPEAL_OVERDUE");
    assertThat(eventTypes(id)).contains("APPEAL_OVERDUE_ESCALATED");
    assertThat(pi).isWaitingAt("PrepareResponse", "AwaitResult");

    ok("reviewer", "/api/appeals/" + appealId + "/submission", Map.of("submittedOn", "2026-12-05"));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    assertThat(eventTypes(id)).contains("APPEAL_SUBMITTED");
  }

  @Test
  void aChangedCalendarMovesTheReplyAndDefenceDueDatesTheirTasksAndTimers() {
    at(LocalDate.of(2037, 5, 25), 10); // 2037 has no notice yet: Monday to Friday
    String id = concluded(LocalDate.of(2037, 4, 1), false);
    LocalDate received = LocalDate.of(2037, 5, 25);
    String reconsideration = opened(id, "RECONSIDERATION", received).get("appealId").asText();
    String litigation =
        opened(id, "LITIGATION_AFTER_RECONSIDERATION", received).get("appealId").asText();
    LocalDate replyBefore = LocalDate.parse(appeal(reconsideration).get("responseDueOn").asText());
    LocalDate defenceBefore = LocalDate.parse(appeal(litigation).get("responseDueOn").asText());
    assertThat(defenceBefore).isEqualTo(LocalDate.of(2037, 6, 9)); // 15 calendar days
    Date reminderBefore = timer(reconsideration, "ResponseDueSoon").getDuedate();

    calendars.replaceYear(
        new YearNotice(
            2037,
            List.of(LocalDate.of(2037, 6, 1), LocalDate.of(2037, 6, 2), LocalDate.of(2037, 6, 9)),
            List.of(),
            List.of(
                new Holiday("假日", LocalDate.of(2037, 6, 1), LocalDate.of(2037, 6, 2)),
                new Holiday("假日", LocalDate.of(2037, 6, 9), LocalDate.of(2037, 6, 9)))),
        "admin");

    LocalDate reply = LocalDate.parse(appeal(reconsideration).get("responseDueOn").asText());
    assertThat(reply)
        .isEqualTo(calendars.calculator().reconsiderationReplyDue(received, false))
        .isEqualTo(LocalDate.of(2037, 6, 11))
        .isNotEqualTo(replyBefore);
    assertThat(task(reconsideration, "PrepareResponse").getDueDate()).isEqualTo(dates.due(reply));
    assertThat(timer(reconsideration, "ResponseDueSoon").getDuedate())
        .isAfter(reminderBefore)
        .isEqualTo(dates.morningOf(LocalDate.of(2037, 6, 10)));
    assertThat(timer(reconsideration, "DayAfterResponseDue").getDuedate())
        .isEqualTo(dates.morningOf(LocalDate.of(2037, 6, 12)));
    // the defence's last day fell on the new holiday: the next working day (《民事诉讼法》第八十五条)
    assertThat(appeal(litigation).get("responseDueOn").asText()).isEqualTo("2037-06-10");
    assertThat(eventTypes(id)).contains("APPEAL_DUE_DATE_RECOMPUTED");

    // once our reply is in, the date is history and stays
    ok(
        "reviewer",
        "/api/appeals/" + reconsideration + "/submission",
        Map.of("submittedOn", "2037-05-25"));
    calendars.replaceYear(new YearNotice(2037, List.of(), List.of(), List.of()), "admin");
    assertThat(appeal(reconsideration).get("responseDueOn").asText()).isEqualTo(reply.toString());
    assertThat(appeal(litigation).get("responseDueOn").asText())
        .isEqualTo(defenceBefore.toString());
  }

  Job timer(String appealId, String activityId) {
    String definition =
        management
            .createJobDefinitionQuery()
            .activityIdIn(activityId)
            .processDefinitionKey("appeal")
            .list()
            .get(0)
            .getId();
    return management
        .createJobQuery()
        .processInstanceId(instance(appealId).getId())
        .jobDefinitionId(definition)
        .singleResult();
  }

  @Test
  void aBackFilledCaseSchedulesNoReminderForMomentsAlreadyPast() {
    String id = concluded(LocalDate.of(2025, 7, 21), false);
    String appealId =
        opened(id, "LITIGATION_DIRECT", LocalDate.of(2025, 9, 20)).get("appealId").asText();
    List<Job> timers =
        management.createJobQuery().processInstanceId(instance(appealId).getId()).timers().list();
    assertThat(timers)
        .hasSize(2)
        .allSatisfy(j -> assertThat(j.getDuedate()).isEqualTo(AppealTimers.NOT_SCHEDULED));
    runDueJobs();
    assertThat(mailKinds(id)).doesNotContain("APPEAL_REMINDER", "APPEAL_OVERDUE");
  }

  int runDueJobs() {
    int ran = 0;
    for (int round = 0; round < 5; round++) {
      List<Job> due = management.createJobQuery().timers().executable().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job j : due) {
        management.executeJob(j.getId());
        ran++;
      }
    }
    return ran;
  }

  List<String> mailKinds(String requestId) {
    return jdbc.queryForList(
        "SELECT kind FROM dd_mail WHERE request_id = ?", String.class, requestId);
  }
}
