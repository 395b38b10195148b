package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.mail.StaffAddresses;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Deadline reminders to whoever holds the request's open step, and the overdue escalation to the
 * office heads.
 */
@Service
public class Reminders {

  /** The history's details (dd_event). */
  record Reminded(int workingDaysLeft, int recipients) {}

  record Escalated(LocalDate dueOn) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final TaskService tasks;
  private final StaffAddresses addresses;
  private final Mailer mailer;

  public Reminders(
      RequestRepository requests,
      RequestEvents events,
      TaskService tasks,
      StaffAddresses addresses,
      Mailer mailer) {
    this.requests = requests;
    this.events = events;
    this.tasks = tasks;
    this.addresses = addresses;
    this.mailer = mailer;
  }

  public void remind(String requestId, int workingDays) {
    RequestRow row = requests.get(requestId);
    if (row.concluded() || row.dueOn() == null) {
      return; // concluded meanwhile, or the clock stands still: nothing is due
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requestId).active().list();
    String step = open.isEmpty() ? "办理" : open.get(0).getName();
    Set<String> to = addresses.holdersOf(open, row.agencyCode());
    for (String address : to) {
      mailer.queue(
          requestId,
          "REMINDER",
          address,
          "办理提醒：" + row.trackingNumber() + " 距答复期限还有" + workingDays + "个工作日",
          "reminder",
          new ReminderMail(row, step, workingDays),
          List.of());
    }
    events.record(requestId, "REMINDER", "system", new Reminded(workingDays, to.size()));
  }

  public void escalate(String requestId) {
    RequestRow row = requests.get(requestId);
    if (row.concluded() || row.dueOn() == null) {
      return;
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requestId).active().list();
    String step = open.isEmpty() ? "办理" : open.get(0).getName();
    Set<String> to = addresses.ofGroup(Roles.OFFICE_HEAD, row.agencyCode());
    for (String address : to) {
      mailer.queue(
          requestId,
          "OVERDUE",
          address,
          "逾期督办：" + row.trackingNumber() + " 已超过法定答复期限",
          "overdue",
          new OverdueMail(row, step),
          List.of());
    }
    events.record(requestId, "OVERDUE_ESCALATED", "system", new Escalated(row.dueOn()));
  }

  /** The reminder's model (mail/reminder.mustache). */
  public record ReminderMail(RequestRow request, String step, int workingDays) {}

  /** The escalation's model (mail/overdue.mustache). */
  public record OverdueMail(RequestRow request, String step) {}
}
