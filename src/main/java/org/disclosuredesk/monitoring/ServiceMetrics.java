package org.disclosuredesk.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DueStatus;
import org.disclosuredesk.mail.MailRepository;
import org.disclosuredesk.portal.SubmissionProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an operator watches ({@code /actuator/prometheus}): the requests open, overdue and due soon,
 * the online submissions waiting for a clerk, the mails waiting and failing, Camunda's incidents
 * and job backlog. Every value is read from the shared database when scraped, so all nodes of a
 * cluster report the same figures (alert on max).
 */
@Component
class ServiceMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(ServiceMetrics.class);

  private final MonitoringRepository queries;
  private final MailRepository mails;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final BusinessClock clock;
  private final CalendarService calendars;
  private final SubmissionProcess submissions;

  ServiceMetrics(
      MonitoringRepository queries,
      MailRepository mails,
      ManagementService management,
      RuntimeService runtime,
      BusinessClock clock,
      CalendarService calendars,
      SubmissionProcess submissions) {
    this.queries = queries;
    this.mails = mails;
    this.management = management;
    this.runtime = runtime;
    this.clock = clock;
    this.calendars = calendars;
    this.submissions = submissions;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "disclosure.requests.open", "申请：未办结", m -> m.queries.openRequests());
    gauge(
        registry,
        "disclosure.requests.overdue",
        "申请：已超过法定答复期限",
        m -> m.queries.overdueRequests(m.clock.today()));
    gauge(
        registry,
        "disclosure.requests.due.soon",
        "申请：今日或 " + DueStatus.DUE_SOON_WORKING_DAYS + " 个工作日内到期",
        m ->
            m.queries.requestsDueBy(
                m.clock.today(),
                m.calendars
                    .calendar()
                    .addWorkingDays(m.clock.today(), DueStatus.DUE_SOON_WORKING_DAYS)));
    gauge(
        registry,
        "disclosure.submissions.unconfirmed",
        "网上申请：等待确认",
        m -> m.queries.unconfirmedSubmissions());
    gauge(
        registry,
        "disclosure.submissions.late",
        "网上申请：超过提交后第一个工作日仍未确认",
        m ->
            m.queries.unconfirmedSubmittedBefore(
                m.submissions.lateWhenSubmittedBefore(m.clock.today())));
    gauge(registry, "disclosure.mails.waiting", "邮件：待发送", m -> m.mails.waiting());
    gauge(
        registry,
        "disclosure.mails.failing",
        "邮件：发送失败、等待重试或已成为异常事件",
        m ->
            m.management
                .createJobQuery()
                .processDefinitionKey("mail-delivery")
                .withException()
                .count());
    gauge(
        registry,
        "disclosure.incidents",
        "流程引擎：未处理的异常事件",
        m -> m.runtime.createIncidentQuery().count());
    gauge(
        registry,
        "disclosure.jobs.due",
        "流程引擎：已到执行时间、尚未执行的作业（定时器、邮件）",
        m -> m.management.createJobQuery().executable().count());
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      ToDoubleFunction<ServiceMetrics> value) {
    Gauge.builder(
            name,
            this,
            m -> {
              try {
                return value.applyAsDouble(m);
              } catch (RuntimeException e) {
                // a scrape must not fail because the database is briefly unreachable: the gap
                // itself is the signal
                log.warn("metric {} not read: {}", name, e.toString());
                return Double.NaN;
              }
            })
        .description(description)
        .register(registry);
  }
}
