package org.disclosuredesk.desk;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.handling.RequestDeadlines;
import org.disclosuredesk.intake.RequestRepository;
import org.disclosuredesk.intake.RequestRow;
import org.disclosuredesk.intake.RequestStatus;
import org.disclosuredesk.security.PersonalData;
import org.disclosuredesk.security.Roles;
import org.disclosuredesk.statistics.AnnualTable;
import org.disclosuredesk.statistics.Paragraph;
import org.disclosuredesk.statistics.ReportScope;
import org.disclosuredesk.statistics.StatisticsService;
import org.disclosuredesk.webapps.TaskBriefs;
import org.disclosuredesk.webapps.TaskBriefs.Brief;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台: the page every staff member lands on after signing in, with what their roles have to do today. A user
 * with several roles sees each role's part. Tasks open in Tasklist; nothing here changes anything.
 */
@Controller
class HomePage {

  static final int LIST_SIZE = 50;

  /** One line of a list: a task or a request, with its statutory due date and how urgent it is. */
  record Line(String number, String applicant, String what, String dueOn, String dueText, String urgency,
      String href) {}

  record Section(String id, String title, String empty, List<Line> lines, String moreHref, String moreLabel) {
    public boolean hasLines() {
      return !lines.isEmpty();
    }
  }

  record Glance(int year, long newThisYear, long concluded, String onTimeRate, long overdueNow, String tablesHref,
      String reportHref, String xlsxHref, String csvHref, String ledgerXlsxHref) {}

  record Model(DeskLayout.Page page, boolean clerk, boolean reviewer, boolean officeHead, boolean manager,
      boolean admin, boolean monitoring, List<Section> sections, Glance glance, String today, String tasklist,
      String cockpit, String camundaAdmin, String registerProcess) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final TaskService tasks;
  private final TaskBriefs briefs;
  private final RequestRepository requests;
  private final RequestDeadlines deadlines;
  private final StatisticsService statistics;
  private final BusinessClock clock;

  HomePage(DeskTemplates templates, DeskLayout layout, TaskService tasks, TaskBriefs briefs,
      RequestRepository requests, RequestDeadlines deadlines, StatisticsService statistics, BusinessClock clock) {
    this.templates = templates;
    this.layout = layout;
    this.tasks = tasks;
    this.briefs = briefs;
    this.requests = requests;
    this.deadlines = deadlines;
    this.statistics = statistics;
    this.clock = clock;
  }

  @GetMapping("/")
  ResponseEntity<String> home(Authentication auth, HttpServletRequest request) {
    Set<String> roles = DeskLayout.roles(auth);
    boolean admin = roles.contains(Roles.ADMIN);
    boolean clerk = roles.contains(Roles.CLERK);
    boolean reviewer = roles.contains(Roles.REVIEWER);
    boolean head = roles.contains(Roles.OFFICE_HEAD);
    boolean manager = roles.contains(Roles.MANAGER);
    LocalDate today = clock.today();
    List<Section> sections = new ArrayList<>();
    if (clerk) {
      List<Brief> clerkTasks = briefs.of(groupTaskIds(Roles.CLERK, null));
      sections.add(new Section("submissions", "待确认的网上申请", "没有待确认的网上申请。",
          lines(clerkTasks.stream().filter(b -> "SUBMISSION".equals(b.kind())).toList()), null, null));
      sections.add(new Section("records", "待登记的补正、缴费和征求意见答复", "没有待登记的材料。",
          lines(clerkTasks.stream().filter(b -> !"SUBMISSION".equals(b.kind())).toList()), null, null));
      sections.add(new Section("registered-today", "今日登记的申请", "今天还没有登记申请。",
          registeredToday(today), "/ledger", "查看台账"));
    }
    if (reviewer) {
      sections.add(new Section("my-tasks", "我的任务（按法定答复期限排序）", "没有已认领的任务。",
          lines(briefs.of(assignedTaskIds(auth.getName()))), DeskLayout.TASKLIST, "在待办任务中打开"));
      sections.add(new Section("group-tasks", "我组的任务（按法定答复期限排序）", "本组没有待办任务。",
          lines(briefs.of(groupTaskIds(Roles.REVIEWER, null))), DeskLayout.TASKLIST, "在待办任务中打开"));
    }
    if (head) {
      sections.add(new Section("approvals", "待审批的延期申请", "没有待审批的延期申请。",
          lines(briefs.of(groupTaskIds(Roles.OFFICE_HEAD, "ApproveExtension"))), null, null));
      sections.add(new Section("sign-offs", "待签发的答复", "没有待签发的答复。",
          lines(briefs.of(groupTaskIds(Roles.OFFICE_HEAD, "SignOff"))), null, null));
    }
    Glance glance = null;
    if (manager || admin) {
      glance = glance(today, auth);
      if (manager || admin) {
        sections.add(new Section("overdue", "已逾期的申请", "目前没有逾期的申请。", overdue(today,
            PersonalData.masked(auth)), "/ledger?overdue=true", "在台账中查看全部逾期申请"));
      }
    }
    boolean monitoring = roles.contains(Roles.MONITORING) && !admin && !manager;
    Model model = new Model(layout.page("工作台", "/", auth, request), clerk || admin, reviewer, head, manager, admin,
        monitoring, sections, glance, today.toString(), DeskLayout.TASKLIST, DeskLayout.COCKPIT, DeskLayout.ADMIN,
        org.disclosuredesk.process.RequestProcess.KEY);
    return templates.page("home", model);
  }

  private List<String> groupTaskIds(String group, String taskKey) {
    var q = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active();
    if (taskKey != null) {
      q = q.taskDefinitionKey(taskKey);
    }
    return q.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, LIST_SIZE).stream()
        .map(Task::getId).toList();
  }

  private List<String> assignedTaskIds(String user) {
    return tasks.createTaskQuery().taskAssignee(user).active().orderByDueDate().asc().orderByTaskCreateTime().asc()
        .listPage(0, LIST_SIZE).stream().map(Task::getId).toList();
  }

  /** Tasks as lines, most urgent first (overdue, then by due date; a paused clock last), each opening Tasklist. */
  private static List<Line> lines(List<Brief> tasks) {
    return tasks.stream()
        .sorted(java.util.Comparator.comparingInt((Brief b) -> rank(b.urgency()))
            .thenComparing(b -> b.dueOn() == null ? "9999" : b.dueOn()))
        .map(b -> new Line(b.trackingNumber() != null ? b.trackingNumber()
                : b.submission() != null ? b.submission().number() : b.caseNumber(),
            b.applicant(), b.taskName(), b.dueOn(), b.dueText(), urgencyClass(b.urgency()),
            DeskLayout.TASKLIST + "#/?task=" + b.taskId()))
        .toList();
  }

  private List<Line> registeredToday(LocalDate today) {
    var from = today.atStartOfDay();
    return requests.registeredBetween(from, from.plusDays(1), LIST_SIZE).stream()
        .map(r -> requestLine(r, today, false, "由 " + r.createdBy() + " 登记")).toList();
  }

  private List<Line> overdue(LocalDate today, boolean masked) {
    return requests.overdue(today, LIST_SIZE).stream()
        .map(r -> requestLine(r, today, masked, RequestStatus.labelOf(r.status())))
        .toList();
  }

  private Line requestLine(RequestRow r, LocalDate today, boolean masked, String what) {
    var due = deadlines.status(r, today);
    String applicant = masked ? PersonalData.maskName(r.applicantName()) : r.applicantName();
    return new Line(r.trackingNumber(), applicant, what, r.dueOn() == null ? null : r.dueOn().toString(),
        due == null ? "已办结" : due.text(), due == null ? "done" : urgencyClass(due.urgency().name()),
        "/ledger?q=" + java.net.URLEncoder.encode(r.trackingNumber(), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The year so far of the caller's own agency (DOMAIN.md §8: nothing of another agency, not even its count). */
  private Glance glance(LocalDate today, Authentication auth) {
    int year = today.getYear();
    ReportScope scope = statistics.homeScope(auth);
    if (scope == null) {
      return null;
    }
    AnnualTable t = statistics.table(year, scope);
    String base = "/reports/" + year;
    return new Glance(year, t.total("NEW_THIS_YEAR"), t.concluded(), Paragraph.rate(t.onTimeRate(), 1),
        statistics.overdueNow(scope, today), scope.link(base),
        scope.consolidated() ? scope.link(base) : scope.link("/api/statistics/" + year + "/report?format=docx"),
        scope.link(base + "/statistics-" + year + ".xlsx"), scope.link(base + "/statistics-" + year + ".csv"),
        scope.consolidated() ? "/api/requests?year=" + year + "&format=xlsx"
            : scope.link("/api/requests?year=" + year + "&format=xlsx"));
  }

  private static int rank(String urgency) {
    return urgency == null ? 4 : switch (urgency) {
      case "OVERDUE" -> 0;
      case "DUE_SOON" -> 1;
      case "ON_TRACK" -> 2;
      default -> 3;
    };
  }

  private static String urgencyClass(String urgency) {
    return urgency == null ? "none" : urgency.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
