package org.disclosuredesk.supervision;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.handling.TaskBriefing;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.mail.StaffAddresses;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 (Art. 47, DOMAIN.md §8): the supervising office's notice on one request. Recorded on the
 * request's staff timeline (never on the applicant's), mailed to that agency's office heads, and
 * shown on the request and its tasks until it concludes. The only thing the supervising office ever
 * changes.
 */
@Service
public class SupervisionNotices {

  static final int MAX_TEXT = 1000;

  private final SupervisionRepository notices;
  private final RequestRepository requests;
  private final RequestEvents events;
  private final StaffAddresses addresses;
  private final Mailer mailer;
  private final Agencies agencies;
  private final BusinessClock clock;
  private final TaskBriefing briefing;
  private final TaskService tasks;

  SupervisionNotices(
      SupervisionRepository notices,
      RequestRepository requests,
      RequestEvents events,
      StaffAddresses addresses,
      Mailer mailer,
      Agencies agencies,
      BusinessClock clock,
      TaskBriefing briefing,
      TaskService tasks) {
    this.briefing = briefing;
    this.tasks = tasks;
    this.notices = notices;
    this.requests = requests;
    this.events = events;
    this.addresses = addresses;
    this.mailer = mailer;
    this.agencies = agencies;
    this.clock = clock;
  }

  public record Sent(String id, LocalDateTime at) {}

  /** A notice as the request's page shows it: {@code {id, at, text, by}}. */
  public record Shown(String id, String at, String text, String by) {}

  @Transactional
  public Sent send(String requestId, String text, String actor) {
    FieldErrors errors = new FieldErrors();
    String t = text == null || text.isBlank() ? null : text.strip();
    if (t == null) {
      errors.add("text", "必填：督办意见");
    } else if (t.codePointCount(0, t.length()) > MAX_TEXT) {
      errors.add("text", "不能超过 " + MAX_TEXT + " 字");
    }
    errors.throwIfAny();
    RequestRow row = requests.lock(requestId);
    if (row.concluded()) {
      throw new ConflictException("该申请已经办结，无需督办");
    }
    LocalDateTime at = LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0);
    String id = UUID.randomUUID().toString();
    notices.insert(new SupervisionRepository.Notice(id, requestId, row.agencyCode(), t, at, actor));
    Set<String> to = addresses.ofGroup(Roles.OFFICE_HEAD, row.agencyCode());
    events.record(requestId, "SUPERVISION_NOTICE", actor, new NoticeSent(id, t, to.size()));
    String agencyName = agencies.get(row.agencyCode()).name();
    for (String address : to) {
      mailer.queue(
          requestId,
          "SUPERVISION_NOTICE",
          address,
          "督办通知：" + row.trackingNumber(),
          "supervision-notice",
          new NoticeMail(row, t, agencyName, at.toLocalDate().toString()),
          List.of());
    }
    // the reviewer meets it on the task they are working on, not only in the mail
    briefing.refresh(requests.get(requestId), tasks);
    return new Sent(id, at);
  }

  /** The notices of an open request, oldest first; none once it has concluded. */
  public List<Shown> open(String requestId) {
    RequestRow row = requests.find(requestId).orElse(null);
    if (row == null || row.concluded()) {
      return List.of();
    }
    return notices.ofRequest(requestId).stream()
        .map(n -> new Shown(n.id(), n.sentAt().toString(), n.text(), n.sentBy()))
        .toList();
  }

  /** Open requests under 督办, per agency code (null agencies: all). */
  public Map<String, Long> openPerAgency(Collection<String> agencies) {
    return notices.openPerAgency(agencies);
  }

  /** SUPERVISION_NOTICE's details. */
  record NoticeSent(String noticeId, String text, int recipients) {}

  /** The 督办 mail's model (mail/supervision-notice.mustache). */
  public record NoticeMail(RequestRow request, String text, String agencyName, String sentOn) {}
}
