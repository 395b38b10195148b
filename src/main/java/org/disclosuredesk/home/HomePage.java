package org.disclosuredesk.home;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DueStatus;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.disclosuredesk.handling.RequestDeadlines;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.security.PersonalData;
import org.disclosuredesk.statistics.StatisticsService;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.disclosuredesk.supervision.SupervisionNotices;
import org.disclosuredesk.webapps.TaskBriefs;
import org.disclosuredesk.webapps.TaskBriefs.Brief;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台: the page every staff member lands on after signing in, with what their roles have to do
 * today. A user with several roles sees each role's part. Tasks open in Tasklist; nothing here
 * changes anything, except the supervising office's 督办 (DOMAIN.md §8), sent from its lists. On a
 * platform of several agencies every list and count holds only the caller's agencies (AgencyScope);
 * the supervising office sees them all, masked.
 */
@Controller
class HomePage {

  static final int LIST_SIZE = 50;

  /**
   * Tasks read from the engine per round while looking for the caller's agencies' (several agencies
   * only).
   */
  static final int TASK_PAGE = 200;

  static final int TASK_PAGES = 10;

  /** One line of a list: a task or a request, with its statutory due date and how urgent it is. */
  record Line(
      String number,
      String applicant,
      String what,
      String dueOn,
      String dueText,
      String urgency,
      String href) {}

  record Section(
      String id, String title, String empty, List<Line> lines, String moreHref, String moreLabel) {
    public boolean hasLines() {
      return !lines.isEmpty();
    }
  }

  record Glance(
      int year,
      long newThisYear,
      long concluded,
      String onTimeRate,
      long overdueNow,
      String tablesHref,
      String reportHref,
      String xlsxHref,
      String csvHref,
      String ledgerXlsxHref) {}

  record Model(
      DeskLayout.Page page,
      boolean clerk,
      boolean reviewer,
      boolean officeHead,
      boolean manager,
      boolean admin,
      boolean monitoring,
      List<Section> sections,
      Glance glance,
      Supervision supervision,
      String today,
      String tasklist,
      String cockpit,
      String camundaAdmin,
      String registerProcess) {}

  /**
   * A request the supervising office watches: which agency's, how late, how often it was already
   * urged.
   */
  record Watched(
      String requestId,
      String number,
      String agency,
      String applicant,
      String what,
      String dueOn,
      String dueText,
      String urgency,
      String href,
      long notices) {
    public boolean noticed() {
      return notices > 0;
    }
  }

  record WatchList(
      String id,
      String title,
      String empty,
      List<Watched> lines,
      String moreHref,
      String moreLabel) {
    public boolean hasLines() {
      return !lines.isEmpty();
    }
  }

  /** One agency's year in the supervising office's table. */
  record AgencyYear(
      String code,
      String name,
      boolean retired,
      long newThisYear,
      long concluded,
      String onTimeRate,
      long overdueNow,
      long supervised,
      String reportHref) {}

  record Supervision(
      int year,
      List<WatchList> lists,
      List<AgencyYear> agencies,
      AgencyYear total,
      String consolidatedHref,
      String overviewHref,
      String ledgerHref) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final TaskService tasks;
  private final TaskBriefs briefs;
  private final RequestRepository requests;
  private final RequestDeadlines deadlines;
  private final StatisticsService statistics;
  private final BusinessClock clock;
  private final AgencyScope scope;
  private final Agencies agencies;
  private final DeskRepository desk;
  private final SupervisionNotices notices;
  private final CalendarService calendars;

  HomePage(
      DeskTemplates templates,
      DeskLayout layout,
      TaskService tasks,
      TaskBriefs briefs,
      RequestRepository requests,
      RequestDeadlines deadlines,
      StatisticsService statistics,
      BusinessClock clock,
      AgencyScope scope,
      Agencies agencies,
      DeskRepository desk,
      SupervisionNotices notices,
      CalendarService calendars) {
    this.templates = templates;
    this.layout = layout;
    this.tasks = tasks;
    this.briefs = briefs;
    this.requests = requests;
    this.deadlines = deadlines;
    this.statistics = statistics;
    this.clock = clock;
    this.scope = scope;
    this.agencies = agencies;
    this.desk = desk;
    this.notices = notices;
    this.calendars = calendars;
  }

  @GetMapping("/")
  ResponseEntity<String> home(Authentication auth, HttpServletRequest request) {
    Set<String> roles = DeskLayout.roles(auth);
    boolean admin = roles.contains(Roles.ADMIN);
    boolean clerk = roles.contains(Roles.CLERK);
    boolean reviewer = roles.contains(Roles.REVIEWER);
    boolean head = roles.contains(Roles.OFFICE_HEAD);
    boolean manager = roles.contains(Roles.MANAGER);
    boolean supervisor = roles.contains(Roles.SUPERVISOR);
    // null: every agency (one-agency platform, supervising office, admin): the lists exactly as
    // before agencies
    Collection<String> mine = scope.visible(auth).filter();
    LocalDate today = clock.today();
    List<Section> sections = new ArrayList<>();
    if (clerk) {
      List<Brief> clerkTasks = briefs.of(groupTaskIds(Roles.CLERK, null, mine));
      sections.add(
          new Section(
              "submissions",
              "待确认的网上申请",
              "没有待确认的网上申请。",
              lines(
                  clerkTasks.stream().filter(b -> TaskBriefs.SUBMISSION.equals(b.kind())).toList()),
              null,
              null));
      sections.add(
          new Section(
              "records",
              "待登记的补正、缴费和征求意见答复",
              "没有待登记的材料。",
              lines(
                  clerkTasks.stream()
                      .filter(b -> !TaskBriefs.SUBMISSION.equals(b.kind()))
                      .toList()),
              null,
              null));
      sections.add(
          new Section(
              "registered-today",
              "今日登记的申请",
              "今天还没有登记申请。",
              registeredToday(today, mine),
              "/ledger",
              "查看台账"));
    }
    if (reviewer) {
      sections.add(
          new Section(
              "my-tasks",
              "我的任务（按法定答复期限排序）",
              "没有已认领的任务。",
              lines(briefs.of(assignedTaskIds(auth.getName(), mine))),
              DeskLayout.TASKLIST,
              "在待办任务中打开"));
      sections.add(
          new Section(
              "group-tasks",
              "我组的任务（按法定答复期限排序）",
              "本组没有待办任务。",
              lines(briefs.of(groupTaskIds(Roles.REVIEWER, null, mine))),
              DeskLayout.TASKLIST,
              "在待办任务中打开"));
    }
    if (head) {
      sections.add(
          new Section(
              "approvals",
              "待审批的延期申请",
              "没有待审批的延期申请。",
              lines(briefs.of(groupTaskIds(Roles.OFFICE_HEAD, "ApproveExtension", mine))),
              null,
              null));
      sections.add(
          new Section(
              "sign-offs",
              "待签发的答复",
              "没有待签发的答复。",
              lines(briefs.of(groupTaskIds(Roles.OFFICE_HEAD, "SignOff", mine))),
              null,
              null));
    }
    Glance glance = null;
    if (manager || admin) {
      glance = glance(today, mine);
      sections.add(
          new Section(
              "overdue",
              "已逾期的申请",
              "目前没有逾期的申请。",
              overdue(today, mine, PersonalData.masked(auth)),
              "/ledger?overdue=true",
              "在台账中查看全部逾期申请"));
    }
    Supervision supervision = supervisor ? supervision(today, PersonalData.masked(auth)) : null;
    boolean monitoring = roles.contains(Roles.MONITORING) && !admin && !manager;
    Model model =
        new Model(
            layout.page("工作台", "/", auth, request),
            clerk || admin,
            reviewer,
            head,
            manager,
            admin,
            monitoring,
            sections,
            glance,
            supervision,
            today.toString(),
            DeskLayout.TASKLIST,
            DeskLayout.COCKPIT,
            DeskLayout.ADMIN,
            org.disclosuredesk.process.RequestProcess.KEY);
    return templates.page("home", model);
  }

  private List<String> groupTaskIds(String group, String taskKey, Collection<String> agencies) {
    var q = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active();
    if (taskKey != null) {
      q = q.taskDefinitionKey(taskKey);
    }
    return ofAgencies(q.orderByDueDate().asc().orderByTaskCreateTime().asc(), agencies);
  }

  private List<String> assignedTaskIds(String user, Collection<String> agencies) {
    return ofAgencies(
        tasks
            .createTaskQuery()
            .taskAssignee(user)
            .active()
            .orderByDueDate()
            .asc()
            .orderByTaskCreateTime()
            .asc(),
        agencies);
  }

  /**
   * The first {@value #LIST_SIZE} tasks of the query whose request, submission or appeal belongs to
   * one of {@code agencies} (null: the first ones, as before agencies). The engine knows no agency,
   * our tables do: the tasks are read in rounds, in the query's order, until the list is full (at
   * most {@value #TASK_PAGES} rounds).
   */
  private List<String> ofAgencies(TaskQuery query, Collection<String> agencies) {
    if (agencies == null) {
      return query.listPage(0, LIST_SIZE).stream().map(Task::getId).toList();
    }
    List<String> out = new ArrayList<>();
    if (agencies.isEmpty()) {
      return out;
    }
    for (int round = 0; round < TASK_PAGES && out.size() < LIST_SIZE; round++) {
      List<Task> page = query.listPage(round * TASK_PAGE, TASK_PAGE);
      Map<String, String> agencyOf =
          desk.agencyOfProcessInstances(
              page.stream()
                  .map(Task::getProcessInstanceId)
                  .filter(java.util.Objects::nonNull)
                  .collect(Collectors.toSet()));
      for (Task t : page) {
        if (out.size() < LIST_SIZE && agencies.contains(agencyOf.get(t.getProcessInstanceId()))) {
          out.add(t.getId());
        }
      }
      if (page.size() < TASK_PAGE) {
        break;
      }
    }
    return out;
  }

  /**
   * Tasks as lines, most urgent first (overdue, then by due date; a paused clock last), each
   * opening Tasklist.
   */
  private static List<Line> lines(List<Brief> tasks) {
    return tasks.stream()
        .sorted(
            java.util.Comparator.comparingInt((Brief b) -> rank(b.urgency()))
                .thenComparing(b -> b.dueOn() == null ? "9999" : b.dueOn()))
        .map(
            b ->
                new Line(
                    b.trackingNumber() != null
                        ? b.trackingNumber()
                        : b.submission() != null ? b.submission().number() : b.caseNumber(),
                    b.applicant(),
                    b.taskName(),
                    b.dueOn(),
                    b.dueText(),
                    urgencyClass(b.urgency()),
                    DeskLayout.TASKLIST + "#/?task=" + b.taskId()))
        .toList();
  }

  private List<Line> registeredToday(LocalDate today, Collection<String> agencies) {
    var from = today.atStartOfDay();
    return (agencies == null
            ? requests.registeredBetween(from, from.plusDays(1), LIST_SIZE)
            : desk.registeredBetween(from, from.plusDays(1), agencies, LIST_SIZE))
        .stream().map(r -> requestLine(r, today, false, "由 " + r.createdBy() + " 登记")).toList();
  }

  private List<Line> overdue(LocalDate today, Collection<String> agencies, boolean masked) {
    return (agencies == null
            ? requests.overdue(today, LIST_SIZE)
            : desk.overdue(today, agencies, LIST_SIZE))
        .stream()
            .map(r -> requestLine(r, today, masked, RequestStatus.labelOf(r.status())))
            .toList();
  }

  private Line requestLine(RequestRow r, LocalDate today, boolean masked, String what) {
    var due = deadlines.status(r, today);
    String applicant = masked ? PersonalData.maskName(r.applicantName()) : r.applicantName();
    return new Line(
        r.trackingNumber(),
        applicant,
        what,
        r.dueOn() == null ? null : r.dueOn().toString(),
        due == null ? "已办结" : due.text(),
        due == null ? "done" : urgencyClass(due.urgency().name()),
        ledgerHref(r));
  }

  private static String ledgerHref(RequestRow r) {
    return "/ledger?q=" + URLEncoder.encode(r.trackingNumber(), StandardCharsets.UTF_8);
  }

  /**
   * The manager's year: the platform's tables when they see every agency (as before agencies); else
   * their agencies' figures counted from the requests, with links to their own tables (API.md: a
   * manager's own agency by default, named when they have just one).
   */
  private Glance glance(LocalDate today, Collection<String> agencies) {
    int year = today.getYear();
    String base = "/reports/" + year;
    if (agencies == null) {
      AnnualTable t = statistics.table(year);
      return new Glance(
          year,
          t.total("NEW_THIS_YEAR"),
          t.concluded(),
          Paragraph.rate(t.onTimeRate(), 1),
          requests.overdueCount(today),
          base,
          "/api/statistics/" + year + "/report?format=docx",
          base + "/statistics-" + year + ".xlsx",
          base + "/statistics-" + year + ".csv",
          "/api/requests?year=" + year + "&format=xlsx");
    }
    DeskRepository.YearFigures f =
        desk.year(year, today, agencies).values().stream()
            .reduce(DeskRepository.YearFigures.NONE, DeskRepository.YearFigures::plus);
    String one = agencies.size() == 1 ? "agency=" + encode(agencies.iterator().next()) : null;
    return new Glance(
        year,
        f.received(),
        f.concluded(),
        Paragraph.rate(f.onTimeRate(), 1),
        f.overdueNow(),
        query(base, one),
        query("/api/statistics/" + year + "/report?format=docx", one),
        query(base + "/statistics-" + year + ".xlsx", one),
        query(base + "/statistics-" + year + ".csv", one),
        "/api/requests?year=" + year + "&format=xlsx");
  }

  /**
   * The supervising office's part (DOMAIN.md §8): every agency's overdue and soon-due requests with
   * the 督办 action, each agency's year with its open 督办, and the way to the consolidated tables.
   * Applicants masked as for managers.
   */
  private Supervision supervision(LocalDate today, boolean masked) {
    int year = today.getYear();
    // the government first, then its departments, then the others (街道 …); by code within each kind
    Map<String, Agency> registry = new LinkedHashMap<>();
    agencies.all().stream()
        .sorted(java.util.Comparator.comparing(Agency::kind).thenComparing(Agency::code))
        .forEach(a -> registry.put(a.code(), a));
    LocalDate soonUntil =
        calendars.calendar().addWorkingDays(today, DueStatus.DUE_SOON_WORKING_DAYS);
    List<RequestRow> overdue = desk.overdue(today, null, LIST_SIZE);
    // due today or within five working days, clock running (a paused or restarting clock is not
    // about to run out)
    List<RequestRow> soon =
        desk.dueBetween(today, soonUntil, null, LIST_SIZE).stream()
            .filter(
                r -> {
                  DueStatus d = deadlines.status(r, today);
                  return d != null && d.urgency() == DueStatus.Urgency.DUE_SOON;
                })
            .toList();
    List<String> ids = new ArrayList<>();
    overdue.forEach(r -> ids.add(r.id()));
    soon.forEach(r -> ids.add(r.id()));
    Map<String, Long> urged = desk.noticesPerRequest(ids);
    List<WatchList> lists =
        List.of(
            new WatchList(
                "supervision-overdue",
                "各机关已逾期的申请",
                "目前没有逾期的申请。",
                watched(overdue, registry, urged, today, masked),
                "/ledger?overdue=true",
                "在台账中查看全部逾期申请"),
            new WatchList(
                "supervision-due-soon",
                "5 个工作日内到期的申请",
                "5 个工作日内没有到期的申请。",
                watched(soon, registry, urged, today, masked),
                null,
                null));
    Map<String, DeskRepository.YearFigures> figures = desk.year(year, today, null);
    Map<String, Long> open = notices.openPerAgency(null);
    List<AgencyYear> rows = new ArrayList<>();
    DeskRepository.YearFigures sum = DeskRepository.YearFigures.NONE;
    long supervised = 0;
    for (Agency a : registry.values()) {
      DeskRepository.YearFigures f =
          figures.getOrDefault(a.code(), DeskRepository.YearFigures.NONE);
      long n = open.getOrDefault(a.code(), 0L);
      sum = sum.plus(f);
      supervised += n;
      rows.add(
          new AgencyYear(
              a.code(),
              a.name(),
              !a.active(),
              f.received(),
              f.concluded(),
              Paragraph.rate(f.onTimeRate(), 1),
              f.overdueNow(),
              n,
              "/reports/" + year + "?agency=" + encode(a.code())));
    }
    AgencyYear total =
        new AgencyYear(
            null,
            "合计",
            false,
            sum.received(),
            sum.concluded(),
            Paragraph.rate(sum.onTimeRate(), 1),
            sum.overdueNow(),
            supervised,
            "/reports/" + year);
    return new Supervision(
        year,
        lists,
        rows,
        total,
        "/reports/" + year,
        "/api/statistics/" + year + "/agencies",
        "/ledger?overdue=true");
  }

  private List<Watched> watched(
      List<RequestRow> rows,
      Map<String, Agency> registry,
      Map<String, Long> urged,
      LocalDate today,
      boolean masked) {
    return rows.stream()
        .map(
            r -> {
              Line l = requestLine(r, today, masked, RequestStatus.labelOf(r.status()));
              Agency a = registry.get(r.agencyCode());
              return new Watched(
                  r.id(),
                  l.number(),
                  a == null ? r.agencyCode() : a.name(),
                  l.applicant(),
                  l.what(),
                  l.dueOn(),
                  l.dueText(),
                  l.urgency(),
                  l.href(),
                  urged.getOrDefault(r.id(), 0L));
            })
        .toList();
  }

  private static String query(String href, String param) {
    return param == null ? href : href + (href.contains("?") ? "&" : "?") + param;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int rank(String urgency) {
    return urgency == null
        ? 4
        : switch (urgency) {
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
