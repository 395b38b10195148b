package org.disclosuredesk.handling;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.intake.RequestEvents;
import org.disclosuredesk.intake.RequestRepository;
import org.disclosuredesk.intake.RequestRow;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.security.Roles;
import org.springframework.stereotype.Service;

/** Deadline reminders to whoever holds the request's open step, and the overdue escalation to the office heads. */
@Service
public class Reminders {

  private final RequestRepository requests;
  private final RequestEvents events;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Mailer mailer;

  public Reminders(RequestRepository requests, RequestEvents events, TaskService tasks, IdentityService identity,
      Mailer mailer) {
    this.requests = requests;
    this.events = events;
    this.tasks = tasks;
    this.identity = identity;
    this.mailer = mailer;
  }

  public void remind(String requestId, int workingDays) {
    RequestRow row = requests.get(requestId);
    if (row.concluded() || row.dueOn() == null) {
      return; // concluded meanwhile, or the clock stands still: nothing is due
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requestId).active().list();
    Set<String> to = new LinkedHashSet<>();
    String step = open.isEmpty() ? "办理" : open.get(0).getName();
    for (Task t : open) {
      if (t.getAssignee() != null) {
        addUser(to, t.getAssignee());
      } else {
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
          if (l.getGroupId() != null) {
            addGroup(to, l.getGroupId());
          }
        }
      }
    }
    for (String address : to) {
      mailer.queue(requestId, "REMINDER", address, "办理提醒：" + row.trackingNumber() + " 距答复期限还有" + workingDays
          + "个工作日", "reminder", Map.of("request", row, "step", step, "workingDays", workingDays), List.of());
    }
    events.record(requestId, "REMINDER", "system", Map.of("workingDaysLeft", workingDays, "recipients", to.size()));
  }

  public void escalate(String requestId) {
    RequestRow row = requests.get(requestId);
    if (row.concluded() || row.dueOn() == null) {
      return;
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requestId).active().list();
    String step = open.isEmpty() ? "办理" : open.get(0).getName();
    Set<String> to = new LinkedHashSet<>();
    addGroup(to, Roles.OFFICE_HEAD);
    for (String address : to) {
      mailer.queue(requestId, "OVERDUE", address, "逾期督办：" + row.trackingNumber() + " 已超过法定答复期限",
          "overdue", Map.of("request", row, "step", step), List.of());
    }
    events.record(requestId, "OVERDUE_ESCALATED", "system", Map.of("dueOn", row.dueOn().toString()));
  }

  private void addGroup(Set<String> to, String group) {
    for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
      if (u.getEmail() != null && !u.getEmail().isBlank()) {
        to.add(u.getEmail());
      }
    }
  }

  private void addUser(Set<String> to, String userId) {
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u != null && u.getEmail() != null && !u.getEmail().isBlank()) {
      to.add(u.getEmail());
    }
  }
}
