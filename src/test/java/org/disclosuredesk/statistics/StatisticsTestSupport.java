package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.disclosuredesk.handling.RequestActions;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives requests through the real process (registration, decision, sign-off, supplement,
 * withdrawal) with the engine clock in 2025, so old business years are back-filled as staff would.
 * One Spring context for all statistics tests; each test uses years no other test uses, since on
 * MySQL all tests share one schema.
 */
// a context of our own: RestartPersistenceTest closes an engine named "default", which unregisters
// that name from Camunda's shared container; a context other tests also use must be created after
// it (SecurityDefaultsTest)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "disclosure.test-context=statistics")
abstract class StatisticsTestSupport {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired IntakeService intake;
  @Autowired RequestActions actions;
  @Autowired RequestRepository requests;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired StatisticsService statistics;
  @LocalServerPort int port;

  @BeforeEach
  void backFillClock() {
    at(LocalDate.of(2025, 6, 1), 10);
  }

  @Autowired Reconciliation reconciliation;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Whatever a statistics test drove through the process, the running tallies still equal a
   * recount.
   */
  @AfterEach
  void talliesEqualRecount() {
    for (int year = 2000; year <= 2045; year++) {
      Reconciliation.TallyCheck check = reconciliation.tallies(year);
      assertThat(check.consistent()).as("running tallies of " + year + ": " + check).isTrue();
    }
  }

  static void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(hour, 0), ZONE).toInstant()));
  }

  static void later(long minutes) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000));
  }

  String register(String channel, LocalDate on, String type, String topic) {
    boolean person = "NATURAL_PERSON".equals(type);
    var form =
        new RegistrationForm(
            channel,
            on.toString(),
            null,
            new RegistrationForm.Applicant(
                type,
                person ? "申请人" + UUID.randomUUID().toString().substring(0, 6) : "某单位",
                null,
                null,
                null,
                null,
                null),
            null,
            "申请公开 " + topic + " " + UUID.randomUUID(),
            topic,
            null,
            null,
            null);
    return intake.register(form, "clerk").request().id();
  }

  String trackingNumber(String id) {
    return requests.get(id).trackingNumber();
  }

  static Map<String, Object> body(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Decides with whatever the outcome requires, and signs off when it must be signed off (DOMAIN.md
   * §5).
   */
  void decide(String id, Outcome outcome, LocalDate on, Object... extras) {
    Map<String, Object> b = body("outcome", outcome.name(), "decidedOn", on.toString());
    if (outcome.isDisclosure()) {
      b.put("confidentialityReview", Map.of("reviewedBy", "保密审查员", "reviewedOn", on.toString()));
    }
    if (outcome == Outcome.UNAVAILABLE_NOT_HELD) {
      b.put("notHeldReason", "DOES_NOT_EXIST");
    }
    if (outcome == Outcome.WITHHELD_THIRD_PARTY_RIGHTS) {
      b.put("thirdPartyInterest", "OTHER");
    }
    b.put("reason", "依法作出答复");
    b.putAll(body(extras));
    if ("OTHER_AGENCY".equals(b.get("notHeldReason"))) {
      b.put("responsibleAgency", "某市市场监督管理局");
    }
    actions.decision(id, b, "reviewer");
    if (outcome.needsSignOff()) {
      actions.signOff(id, body("approved", true, "decidedOn", on.toString()), "head");
    }
  }

  void withdraw(String id, LocalDate on) {
    actions.withdrawal(id, body("withdrawnOn", on.toString()), "clerk");
  }

  void supplementRequest(String id, LocalDate noticeOn, LocalDate dueOn) {
    actions.supplementRequest(
        id,
        body(
            "noticeOn",
            noticeOn.toString(),
            "supplementDueOn",
            dueOn.toString(),
            "items",
            "请说明所需信息的年份和范围"),
        "reviewer");
  }

  void supplement(String id, LocalDate receivedOn) {
    actions.supplement(id, body("receivedOn", receivedOn.toString()), "clerk");
  }

  /**
   * The job executor is off in tests: run every job due by the engine clock (expiry timers among
   * them).
   */
  void runDueJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job j : due) {
        try {
          management.executeJob(j.getId());
        } catch (RuntimeException e) {
          // mail deliveries fail without an SMTP server; their retries take it from here
        }
      }
    }
  }

  /** An appeal as the appeals feature will record it (that feature is built elsewhere). */
  void appeal(
      String requestId, String kind, LocalDate receivedOn, String result, LocalDate decidedOn) {
    jdbc.sql(
            "INSERT INTO dd_appeal (id, request_id, kind, received_on, case_number, body, simple_procedure,"
                + " response_due_on, result, decided_on, status, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, 'reviewer')")
        .params(
            UUID.randomUUID().toString(),
            requestId,
            kind,
            receivedOn,
            "案-" + UUID.randomUUID(),
            "某市人民政府",
            receivedOn.plusDays(14),
            result,
            decidedOn,
            result == null ? "OPEN" : "DECIDED",
            LocalDateTime.now())
        .update();
  }

  /** LocalDate helper. */
  static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  static long[] v(long... values) {
    return values;
  }
}
