package org.disclosuredesk.mail;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Whom a reminder goes to: a task's assignee, else its candidate groups' members; or a whole group. */
@Component
public class StaffAddresses {

  private final IdentityService identity;
  private final TaskService tasks;

  public StaffAddresses(IdentityService identity, TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  /** The mail addresses of those who hold these open tasks. */
  public Set<String> holdersOf(Collection<Task> open) {
    Set<String> to = new LinkedHashSet<>();
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
    return to;
  }

  public Set<String> ofGroup(String group) {
    Set<String> to = new LinkedHashSet<>();
    addGroup(to, group);
    return to;
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
