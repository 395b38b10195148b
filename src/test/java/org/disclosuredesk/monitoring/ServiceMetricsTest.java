package org.disclosuredesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.portal.SubmissionProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /actuator/prometheus}: only for those who watch the service, and its gauges follow the
 * data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceMetricsTest {

  private static final Pattern SAMPLE =
      Pattern.compile("(?m)^(disclosure_[a-z_]+)(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$");

  @LocalServerPort int port;
  @Autowired BusinessClock clock;
  @Autowired CalendarService calendars;
  @Autowired JdbcClient jdbc;
  @Autowired AuthorizationService authorizations;
  @Autowired SubmissionProcess process;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void onlyTheMonitoringAccountManagersAndAdminsMayScrape() {
    assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", "clerk").statusCode()).isEqualTo(403);
    assertThat(http.get("/actuator/prometheus", "reviewer").statusCode()).isEqualTo(403);
    assertThat(http.get("/actuator/prometheus", "manager").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
    // the scrape account reads metrics and nothing else: no request, no engine, no Camunda webapp
    assertThat(http.get("/actuator/prometheus", "monitor").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/requests", "monitor").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/calendar/2025", "monitor").statusCode()).isEqualTo(403);
    assertThat(http.get("/engine-rest/task", "monitor").statusCode()).isEqualTo(403);
    assertThat(
            authorizations.isUserAuthorized(
                "monitor",
                List.of("monitoring"),
                Permissions.ACCESS,
                Resources.APPLICATION,
                "tasklist"))
        .isFalse();
  }

  @Test
  void gaugesFollowTheData() {
    Map<String, Double> before = scrape();
    assertThat(before)
        .containsKeys(
            "disclosure_requests_open",
            "disclosure_requests_overdue",
            "disclosure_requests_due_soon",
            "disclosure_submissions_unconfirmed",
            "disclosure_submissions_late",
            "disclosure_mails_waiting",
            "disclosure_mails_failing",
            "disclosure_incidents",
            "disclosure_jobs_due");
    assertThat(before.values()).noneMatch(v -> v.isNaN());

    WorkingDayCalendar calendar = calendars.calendar();
    LocalDate today = clock.today();
    // long overdue: received last year, never answered
    register(LocalDate.of(today.getYear() - 1, 9, 1));
    // due within the next 5 working days: received 17 working days ago
    LocalDate arrived = today;
    while (calendar.addWorkingDays(arrived, 20).isAfter(calendar.addWorkingDays(today, 3))) {
      arrived = arrived.minusDays(1);
    }
    register(arrived);
    // two online submissions waiting for a clerk, one submitted two weeks ago and so late, one
    // today
    submission(today.minusDays(14));
    submission(today);

    Map<String, Double> after = scrape();
    assertThat(after.get("disclosure_requests_open") - before.get("disclosure_requests_open"))
        .isEqualTo(2.0);
    assertThat(after.get("disclosure_requests_overdue") - before.get("disclosure_requests_overdue"))
        .isEqualTo(1.0);
    assertThat(
            after.get("disclosure_requests_due_soon") - before.get("disclosure_requests_due_soon"))
        .isEqualTo(1.0);
    assertThat(
            after.get("disclosure_submissions_unconfirmed")
                - before.get("disclosure_submissions_unconfirmed"))
        .isEqualTo(2.0);
    assertThat(after.get("disclosure_submissions_late") - before.get("disclosure_submissions_late"))
        .isEqualTo(1.0);
  }

  /**
   * The late count's boundary agrees with the task's "confirm by" date for every day of two years,
   * holidays too.
   */
  @Test
  void theLateBoundaryIsTheConfirmByRuleSeenFromToday() {
    for (LocalDate today = LocalDate.of(2025, 1, 1);
        today.isBefore(LocalDate.of(2027, 1, 1));
        today = today.plusDays(1)) {
      LocalDate boundary = process.lateWhenSubmittedBefore(today);
      for (LocalDate submitted = today.minusDays(20);
          !submitted.isAfter(today);
          submitted = submitted.plusDays(1)) {
        assertThat(submitted.isBefore(boundary))
            .as("submitted %s, today %s", submitted, today)
            .isEqualTo(today.isAfter(process.confirmBy(submitted)));
      }
    }
  }

  private Map<String, Double> scrape() {
    HttpResponse<String> r = http.get("/actuator/prometheus", "manager");
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Double> samples = new HashMap<>();
    Matcher m = SAMPLE.matcher(r.body());
    while (m.find()) {
      samples.put(m.group(1), Double.valueOf(m.group(2)));
    }
    return samples;
  }

  private void register(LocalDate arrivedOn) {
    HttpResponse<String> r =
        http.postJson(
            "/api/requests",
            """
        {"channel":"IN_PERSON","arrivedOn":"%s","applicant":{"type":"NATURAL_PERSON","name":"监测","phone":"13800000000"},
         "description":"监测用申请","topic":"其他"}"""
                .formatted(arrivedOn),
            "clerk");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private void submission(LocalDate submittedOn) {
    jdbc.sql(
            "INSERT INTO dd_submission (id, submission_number, status, submitted_at, submitted_on, applicant_type,"
                + " applicant_name, applicant_phone, description, query_code_salt, query_code_hash)"
                + " VALUES (?, ?, 'AWAITING_CONFIRMATION', ?, ?, 'NATURAL_PERSON', '监测', '13800000000', '监测', 's', 'h')")
        .params(
            UUID.randomUUID().toString(),
            "S"
                + submittedOn.toString().replace("-", "")
                + "-"
                + String.format("%06d", (int) (Math.random() * 1_000_000)),
            LocalDateTime.of(submittedOn, java.time.LocalTime.NOON),
            submittedOn)
        .update();
  }
}
