package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives requests through the real process with the engine clock under the test's control. */
abstract class ProcessTestSupport {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired IntakeService intake;
  @Autowired RequestActions actions;
  @Autowired RequestRepository requests;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void initEngine() {
    BpmnAwareTests.init(engine);
    at(LocalDate.of(2026, 11, 20), 10);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Moves the engine clock to that business day and hour (Asia/Shanghai). */
  static void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(hour, 0), ZONE).toInstant()));
  }

  RequestRow register(LocalDate arrivedOn, String email) {
    var form =
        new RegistrationForm(
            "ONLINE",
            arrivedOn.toString(),
            null,
            new RegistrationForm.Applicant(
                "NATURAL_PERSON", "张三", "370102199001011234", null, email, "13800000000", null),
            null,
            "请公开2025年度社会保险基金收支情况 " + UUID.randomUUID(),
            "社保信息",
            null,
            null,
            null);
    return intake.register(form, "clerk").request();
  }

  RequestRow row(String id) {
    return requests.get(id);
  }

  ProcessInstance instance(RequestRow r) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(r.id())
        .processDefinitionKey("disclosure-request")
        .singleResult();
  }

  static Map<String, Object> body(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> review(LocalDate on) {
    return body("reviewedBy", "保密审查员", "reviewedOn", on.toString());
  }

  /**
   * Runs every job due by the engine clock (timers, mail deliveries); failures are left to their
   * retries.
   */
  int runDueJobs() {
    int ran = 0;
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job j : due) {
        try {
          management.executeJob(j.getId());
          ran++;
        } catch (RuntimeException e) {
          // the job's retry cycle takes it from here
        }
      }
    }
    return ran;
  }

  List<String> mailKinds(String requestId) {
    return jdbc.sql("SELECT kind FROM dd_mail WHERE request_id = ? ORDER BY created_at")
        .param(requestId)
        .query(String.class)
        .list();
  }

  List<String> eventTypes(String requestId) {
    return jdbc.sql("SELECT type FROM dd_event WHERE request_id = ? ORDER BY seq")
        .param(requestId)
        .query(String.class)
        .list();
  }
}
