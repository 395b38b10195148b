package org.disclosuredesk.appeal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.mail.StaffAddresses;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Reminder one working day before the reply/defence (or re-handling) is due, to whoever holds the
 * step, and the escalation to the office heads on the day after. Nothing is sent once the step is
 * done.
 */
@Service
public class AppealReminders {

  /** Which deadline a timer watches. */
  public enum Deadline {
    RESPONSE("PrepareResponse", "RecordSubmission"),
    REDO("Rehandle");

    private final String[] steps;

    Deadline(String... steps) {
      this.steps = steps;
    }
  }

  private final AppealRepository appeals;
  private final RequestRepository requests;
  private final RequestEvents events;
  private final TaskService tasks;
  private final StaffAddresses addresses;
  private final Mailer mailer;

  public AppealReminders(
      AppealRepository appeals,
      RequestRepository requests,
      RequestEvents events,
      TaskService tasks,
      StaffAddresses addresses,
      Mailer mailer) {
    this.appeals = appeals;
    this.requests = requests;
    this.events = events;
    this.tasks = tasks;
    this.addresses = addresses;
    this.mailer = mailer;
  }

  /**
   * A mail about a deadline: its kind, the subject around the case, the template, the event it
   * leaves.
   */
  private record Notice(
      String kind, String subjectPrefix, String subjectSuffix, String template, String event) {}

  private static final Notice REMINDER =
      new Notice("APPEAL_REMINDER", "应诉提醒：", "明天到期", "appeal-reminder", "APPEAL_REMINDER");
  private static final Notice OVERDUE =
      new Notice("APPEAL_OVERDUE", "逾期督办：", "已超过期限", "appeal-overdue", "APPEAL_OVERDUE_ESCALATED");

  /** To whoever holds the open step. */
  public void remind(String appealId, Deadline deadline) {
    send(appealId, deadline, REMINDER, (open, r) -> addresses.holdersOf(open, r.agencyCode()));
  }

  /** To the agency's office heads. */
  public void escalate(String appealId, Deadline deadline) {
    send(
        appealId,
        deadline,
        OVERDUE,
        (open, r) -> addresses.ofGroup(Roles.OFFICE_HEAD, r.agencyCode()));
  }

  private void send(
      String appealId,
      Deadline deadline,
      Notice notice,
      BiFunction<List<Task>, RequestRow, Set<String>> recipients) {
    AppealRow a = appeals.get(appealId);
    LocalDate due = dueOn(a, deadline);
    List<Task> open = openSteps(a, deadline);
    if (due == null || open.isEmpty()) {
      return;
    }
    RequestRow r = requests.get(a.requestId());
    Set<String> to = recipients.apply(open, r);
    ReminderMail model =
        new ReminderMail(a, a.kindCode().label(), r, open.get(0).getName(), due.toString());
    for (String address : to) {
      mailer.queue(
          r.id(),
          notice.kind(),
          address,
          notice.subjectPrefix()
              + a.caseNumber()
              + "（"
              + r.trackingNumber()
              + "）"
              + notice.subjectSuffix(),
          notice.template(),
          model,
          List.of());
    }
    events.record(r.id(), notice.event(), Actors.SYSTEM, details(a, deadline, due, to.size()));
  }

  private static LocalDate dueOn(AppealRow a, Deadline deadline) {
    return deadline == Deadline.RESPONSE ? a.responseDueOn() : a.redoDueOn();
  }

  private List<Task> openSteps(AppealRow a, Deadline deadline) {
    if (a.processInstanceId() == null) {
      return List.of();
    }
    return tasks
        .createTaskQuery()
        .processInstanceId(a.processInstanceId())
        .taskDefinitionKeyIn(deadline.steps)
        .active()
        .list();
  }

  /** The reminder's and the escalation's mail model. */
  public record ReminderMail(
      AppealRow appeal, String kindLabel, RequestRow request, String step, String dueOn) {}

  /** The reminder's or escalation's event details. */
  record Sent(String appealId, String deadline, String dueOn, int recipients) {}

  private static Sent details(AppealRow a, Deadline deadline, LocalDate due, int recipients) {
    return new Sent(a.id(), deadline.name(), due.toString(), recipients);
  }
}
