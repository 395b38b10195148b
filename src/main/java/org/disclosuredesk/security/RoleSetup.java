package org.disclosuredesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.disclosuredesk.kernel.ProcessKeys;
import org.disclosuredesk.kernel.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups, grants each exactly what its role needs, the Tasklist filters, and
 * (embedded default only) the demo users. Idempotent, so every cluster node may run it at start-up.
 */
@Component
public class RoleSetup implements org.springframework.beans.factory.SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(RoleSetup.class);

  /**
   * Raise when a filter's query or properties change, so existing databases get the new version at
   * start-up.
   */
  static final int FILTER_VERSION = 2;

  static final String FILTER_VERSION_PROPERTY = "disclosureDeskVersion";

  private static final Map<String, String> GROUP_NAMES =
      Map.of(
          Roles.CLERK, "登记人员",
          Roles.REVIEWER, "承办人员",
          Roles.OFFICE_HEAD, "政府信息公开工作机构负责人",
          Roles.MANAGER, "管理人员",
          Roles.SUPERVISOR, "政府信息公开工作主管部门");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final boolean demoUsers;

  public RoleSetup(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks,
      @Value("${disclosure.demo-users:false}") boolean demoUsers) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.demoUsers = demoUsers;
  }

  /**
   * Before the web server takes its first request (not on ApplicationReadyEvent, which comes after
   * it): a client that logs in as soon as /actuator/health answers must find the groups, grants and
   * demo users in place.
   */
  @Override
  public void afterSingletonsInstantiated() {
    setUp();
  }

  public void setUp() {
    // group types are free text that Admin shows: Chinese, "业务角色" for ours, "系统" for Camunda's
    // admin group
    GROUP_NAMES.forEach((id, name) -> group(id, name, "业务角色"));
    group(Roles.ADMIN, "系统管理员", "系统");
    // the account a Prometheus server scrapes /actuator/prometheus with: nothing else
    group(Roles.MONITORING, "运行监控", "系统");
    // Tasklist for everyone who works tasks or starts requests; Cockpit read-only for managers
    for (String g : List.of(Roles.CLERK, Roles.REVIEWER, Roles.OFFICE_HEAD, Roles.MANAGER)) {
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    grant(Roles.MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // clerks register requests (start form in Tasklist)
    grant(
        Roles.CLERK,
        Resources.PROCESS_DEFINITION,
        ProcessKeys.REQUEST,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.CLERK, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // reviewers open appeals (start form in Tasklist)
    grant(
        Roles.REVIEWER,
        Resources.PROCESS_DEFINITION,
        ProcessKeys.APPEAL,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.REVIEWER, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // managers read everything, change nothing
    grant(
        Roles.MANAGER,
        Resources.PROCESS_DEFINITION,
        "*",
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(Roles.MANAGER, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    // staff read every task (as they read every request in the ledger), through one grant on all
    // tasks; who may work one is the per-task row Camunda writes for its candidate group
    // (TaskWorkAuthorizations). One row on "*" is the first thing Camunda's task check looks at: H2
    // answers it once per query, not once per task.
    for (String g : List.of(Roles.CLERK, Roles.REVIEWER, Roles.OFFICE_HEAD)) {
      grant(g, Resources.TASK, Authorization.ANY, Permissions.READ);
      for (String process :
          List.of(ProcessKeys.REQUEST, ProcessKeys.APPEAL, ProcessKeys.SUBMISSION)) {
        grant(g, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
        // what gave them their tasks up to now; the grant on all tasks above does, and one way is
        // enough
        withdraw(g, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_TASK);
      }
    }
    taskRowsWithoutRead();
    // everybody may read the deployed forms and diagrams of tasks they work
    for (String g : List.of(Roles.CLERK, Roles.REVIEWER, Roles.OFFICE_HEAD, Roles.MANAGER)) {
      grant(g, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    // Tasklist filters, each sorted by the statutory due date (the filter's order comes before the
    // list's own)
    List<String> everyone = List.of(Roles.CLERK, Roles.REVIEWER, Roles.OFFICE_HEAD, Roles.MANAGER);
    filter(
        "我的任务",
        "我已认领的任务",
        1,
        everyone,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    filter("我组的任务", "我所在组的全部待办任务（含已认领）", 2, everyone, groupTasks());
    filter(
        "即将到期",
        "今日或 5 个工作日内到期、尚未逾期的任务",
        3,
        everyone,
        groupTasks()
            .dueAfterExpression("${taskListDates.startOfToday()}")
            .dueBeforeExpression("${taskListDates.endOfDueSoon()}"));
    filter(
        "已逾期",
        "已超过法定答复期限的任务",
        4,
        everyone,
        groupTasks().dueBeforeExpression("${taskListDates.startOfToday()}"));
    filter(
        "待审批",
        "待负责人审批的延期申请",
        5,
        List.of(Roles.OFFICE_HEAD),
        groupTasks().taskDefinitionKey("ApproveExtension"));
    filter(
        "待签发",
        "待负责人签发的答复（不予公开、部分公开等）",
        6,
        List.of(Roles.OFFICE_HEAD),
        groupTasks().taskDefinitionKey("SignOff"));
    if (demoUsers) {
      // Camunda shows "first last": the role, then a family name (张登记员 would read as a person's
      // name)
      user("clerk", "登记员", "张", Roles.CLERK);
      user("reviewer", "承办人", "李", Roles.REVIEWER);
      user("head", "负责人", "王", Roles.OFFICE_HEAD);
      user("manager", "管理员", "赵", Roles.MANAGER);
      user("monitor", "监控", "钱", Roles.MONITORING);
      user("supervisor", "主管部门", "孙", Roles.SUPERVISOR);
      log.warn(
          "demo users created (clerk, reviewer, head, manager, monitor, supervisor; password = name): not for"
              + " production");
    }
  }

  private void group(String id, String name, String type) {
    Group existing = identity.createGroupQuery().groupId(id).singleResult();
    if (existing != null) {
      // a database from an earlier version (or Camunda's own admin group) shows English types in
      // Admin
      if (!type.equals(existing.getType()) || !name.equals(existing.getName())) {
        existing.setType(type);
        existing.setName(name);
        try {
          identity.saveGroup(existing);
        } catch (RuntimeException e) {
          log.info("group {} was updated by another node", id);
        }
      }
      return;
    }
    try {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    } catch (RuntimeException e) {
      // a concurrent node may have won the race; anything else (e.g. an id the engine refuses) is
      // fatal
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        throw e;
      }
      log.info("group {} was created by another node", id);
    }
  }

  private void user(String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(first);
      u.setLastName(last);
      u.setPassword(id);
      u.setEmail(id + "@disclosure.example.gov.cn");
      identity.saveUser(u);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private void grant(
      String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = grantOf(group, resource, resourceId);
    if (existing != null
        && java.util.Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      // unchanged: no write, so nodes starting together do not collide on the row's revision
      return;
    }
    Authorization auth =
        existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    auth.setGroupId(group);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    try {
      authorizations.saveAuthorization(auth);
    } catch (RuntimeException e) {
      // another node granted the same at the same moment (unique index or revision): fine if it is
      // there now
      Authorization now = grantOf(group, resource, resourceId);
      if (now == null || !java.util.Arrays.stream(permissions).allMatch(now::isPermissionGranted)) {
        throw e;
      }
      log.info("authorization for {} on {} was granted by another node", group, resourceId);
    }
  }

  private Authorization grantOf(String group, Resource resource, String resourceId) {
    return authorizations
        .createAuthorizationQuery()
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
  }

  /**
   * Takes one permission out of a group's grant written by an earlier version; idempotent, as grant
   * is.
   */
  private void withdraw(String group, Resource resource, String resourceId, Permission permission) {
    Authorization existing = grantOf(group, resource, resourceId);
    if (existing == null || !existing.isPermissionGranted(permission)) {
      return;
    }
    existing.removePermission(permission);
    try {
      authorizations.saveAuthorization(existing);
    } catch (RuntimeException e) {
      // another node withdrew it at the same moment (revision): fine if it is gone now
      Authorization now = grantOf(group, resource, resourceId);
      if (now != null && now.isPermissionGranted(permission)) {
        throw e;
      }
      log.info("authorization for {} on {} was changed by another node", group, resourceId);
    }
  }

  /**
   * Per-task rows written before {@link TaskWorkAuthorizations} also granted READ; without it task
   * queries stay fast. Idempotent; a row another node changed at the same moment is left to it.
   */
  private void taskRowsWithoutRead() {
    int changed = 0;
    while (true) {
      List<Authorization> page =
          authorizations
              .createAuthorizationQuery()
              .authorizationType(AUTH_TYPE_GRANT)
              .resourceType(Resources.TASK)
              .hasPermission(Permissions.READ)
              .listPage(0, 500)
              .stream()
              .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
              .toList();
      int before = changed;
      for (Authorization a : page) {
        a.removePermission(Permissions.READ);
        try {
          authorizations.saveAuthorization(a);
          changed++;
        } catch (RuntimeException e) {
          log.info("task authorization {} was changed by another node", a.getId());
        }
      }
      if (changed == before) {
        // nothing left, or only rows another node is changing
        break;
      }
    }
    if (changed > 0) {
      log.info("per-task authorizations without READ: {} changed", changed);
    }
  }

  private TaskQuery groupTasks() {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .orderByDueDate()
        .asc();
  }

  /**
   * Creates the filter, or brings one written by an earlier version up to this one ({@code
   * FILTER_VERSION} in its properties), and lets {@code groups} read it.
   */
  private void filter(
      String name, String description, int priority, List<String> groups, TaskQuery query) {
    Map<String, Object> props = new HashMap<>();
    props.put("description", description);
    props.put("priority", priority);
    props.put("refresh", true);
    props.put(FILTER_VERSION_PROPERTY, FILTER_VERSION);
    // list, not singleResult: two nodes starting together on a new database may both have created
    // it
    List<Filter> existing = filters.createFilterQuery().filterName(name).list();
    Filter f;
    if (existing.isEmpty()) {
      f = filters.newTaskFilter(name).setOwner("admin");
    } else {
      f = existing.get(0);
      Object version =
          f.getProperties() == null ? null : f.getProperties().get(FILTER_VERSION_PROPERTY);
      if (version instanceof Number n && n.intValue() >= FILTER_VERSION) {
        grantFilter(f, groups);
        return;
      }
    }
    f.setProperties(props);
    f.setQuery(query);
    try {
      filters.saveFilter(f);
    } catch (RuntimeException e) {
      // another node upgraded it at the same moment (revision): fine if it is current now
      Filter now = filters.getFilter(f.getId());
      if (now == null
          || !(now.getProperties().get(FILTER_VERSION_PROPERTY) instanceof Number n)
          || n.intValue() < FILTER_VERSION) {
        throw e;
      }
      log.info("filter {} was updated by another node", name);
    }
    grantFilter(f, groups);
  }

  private void grantFilter(Filter f, List<String> groups) {
    for (String g : groups) {
      grant(g, Resources.FILTER, f.getId(), Permissions.READ);
    }
  }
}
