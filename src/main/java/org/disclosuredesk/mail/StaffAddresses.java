package org.disclosuredesk.mail;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.agency.AgencyScope;
import org.springframework.stereotype.Component;

/**
 * Whom a reminder goes to: a task's assignee, else its candidate groups' members; or a whole group.
 */
@Component
public class StaffAddresses {

  private final IdentityService identity;
  private final TaskService tasks;
  private final AgencyScope agencies;

  public StaffAddresses(IdentityService identity, TaskService tasks, AgencyScope agencies) {
    this.agencies = agencies;
    this.identity = identity;
    this.tasks = tasks;
  }

  /**
   * The mail addresses of those who hold these open tasks of one agency's request: a group's
   * members only as far as they work for that agency (DOMAIN.md §8).
   */
  public Set<String> holdersOf(Collection<Task> open, String agency) {
    Set<String> to = new LinkedHashSet<>();
    for (Task t : open) {
      if (t.getAssignee() != null) {
        addUser(to, t.getAssignee());
      } else {
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
          if (l.getGroupId() != null) {
            addGroup(to, l.getGroupId(), agency);
          }
        }
      }
    }
    return to;
  }

  /** The addresses of a group's members who work for this agency (null: the whole group). */
  public Set<String> ofGroup(String group, String agency) {
    Set<String> to = new LinkedHashSet<>();
    addGroup(to, group, agency);
    return to;
  }

  private void addGroup(Set<String> to, String group, String agency) {
    for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
      if (agency != null && !agencies.memberships(u.getId()).contains(agency)) {
        continue;
      }
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
