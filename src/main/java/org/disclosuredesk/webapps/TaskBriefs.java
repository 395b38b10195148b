package org.disclosuredesk.webapps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.appeal.AppealRepository;
import org.disclosuredesk.appeal.AppealRow;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.DueStatus;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.handling.RequestDeadlines;
import org.disclosuredesk.kernel.Roles;
import org.disclosuredesk.portal.SubmissionProcess;
import org.disclosuredesk.portal.SubmissionRepository;
import org.disclosuredesk.portal.SubmissionRow;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Tasklist shows of each task beyond its step name: the tracking number, the applicant and how
 * the statutory due date stands today. The tasks are looked up with the engine's current
 * authentication (the webapp user's), so a person learns nothing about a task Tasklist would not
 * show them; the request's data comes from our tables, not from process variables.
 */
@Service
public class TaskBriefs {

  /** At most this many tasks per call (a Tasklist page shows 15) and search hits. */
  static final int LIMIT = 50;

  /** What a task belongs to: {@link Brief#kind}. */
  public static final String REQUEST = "REQUEST";

  public static final String APPEAL = "APPEAL";
  public static final String SUBMISSION = "SUBMISSION";

  /** One task as the card and the task header show it. */
  public record Brief(
      String taskId,
      String taskName,
      String kind,
      String trackingNumber,
      String applicant,
      String caseNumber,
      String urgency,
      String dueOn,
      Integer workingDaysLeft,
      String dueText,
      Submission submission) {}

  /** An online application waiting for confirmation: what the clerk judges it by. */
  public record Submission(
      String number, String submittedOn, String description, List<Attachment> attachments) {}

  public record Attachment(String id, String name, int size, String purpose) {}

  private final TaskService tasks;
  private final IdentityService identity;
  private final RequestRepository requests;
  private final AppealRepository appeals;
  private final SubmissionRepository submissions;
  private final SubmissionProcess submissionProcess;
  private final RequestDeadlines deadlines;
  private final CalendarService calendars;
  private final BusinessClock clock;

  public TaskBriefs(
      TaskService tasks,
      IdentityService identity,
      RequestRepository requests,
      AppealRepository appeals,
      SubmissionRepository submissions,
      SubmissionProcess submissionProcess,
      RequestDeadlines deadlines,
      CalendarService calendars,
      BusinessClock clock) {
    this.tasks = tasks;
    this.identity = identity;
    this.requests = requests;
    this.appeals = appeals;
    this.submissions = submissions;
    this.submissionProcess = submissionProcess;
    this.deadlines = deadlines;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** The briefs of those of {@code taskIds} the current user may see, in the given order. */
  @Transactional(readOnly = true)
  public List<Brief> of(Collection<String> taskIds) {
    List<String> ids =
        taskIds.stream()
            .filter(id -> id != null && id.length() <= 64)
            .distinct()
            .limit(LIMIT)
            .toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Task> visible =
        tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().stream()
            .collect(Collectors.toMap(Task::getId, Function.identity()));
    Set<String> instances =
        visible.values().stream()
            .map(Task::getProcessInstanceId)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, RequestRow> requestOf =
        requests.byProcessInstanceIds(instances).stream()
            .collect(Collectors.toMap(RequestRow::processInstanceId, Function.identity()));
    Map<String, AppealRow> appealOf =
        appeals.byProcessInstanceIds(instances).stream()
            .collect(Collectors.toMap(AppealRow::processInstanceId, Function.identity()));
    Map<String, SubmissionRow> submissionOf =
        submissions.byProcessInstanceIds(instances).stream()
            .collect(Collectors.toMap(SubmissionRow::processInstanceId, Function.identity()));
    LocalDate today = clock.today();
    List<Brief> out = new ArrayList<>();
    for (String id : ids) {
      Task t = visible.get(id);
      if (t == null) {
        continue;
      }
      RequestRow r = requestOf.get(t.getProcessInstanceId());
      AppealRow a = appealOf.get(t.getProcessInstanceId());
      if (r != null) {
        out.add(brief(t, r, deadlines.status(r, today)));
      } else if (a != null) {
        RequestRow of = requests.find(a.requestId()).orElse(null);
        out.add(appealBrief(t, a, of, today));
      } else if (submissionOf.containsKey(t.getProcessInstanceId())) {
        out.add(submissionBrief(t, submissionOf.get(t.getProcessInstanceId()), today));
      }
    }
    return out;
  }

  /**
   * The current user's tasks of the open requests and appeals that match {@code q}: a tracking
   * number, a case number, or part of an applicant's name; most urgent first.
   */
  @Transactional(readOnly = true)
  public List<Brief> search(String q) {
    String text = q == null ? "" : q.strip();
    if (text.isEmpty() || text.length() > 100) {
      return List.of();
    }
    Set<String> keys =
        new LinkedHashSet<>(requests.openIdsByTrackingNumberOrApplicant(text, LIMIT));
    keys.addAll(appeals.openIdsByCaseTrackingNumberOrApplicant(text, LIMIT));
    if (keys.isEmpty()) {
      return List.of();
    }
    // only what the current user's group filter shows (staff may read every task, but look for
    // their own work)
    var query = tasks.createTaskQuery().processInstanceBusinessKeyIn(keys.toArray(String[]::new));
    var auth = identity.getCurrentAuthentication();
    List<String> groups =
        auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    if (!groups.contains(Roles.ADMIN)) {
      if (groups.isEmpty()) {
        return List.of();
      }
      query.taskCandidateGroupIn(groups).includeAssignedTasks();
    }
    List<String> found =
        query.orderByDueDate().asc().listPage(0, LIMIT).stream().map(Task::getId).toList();
    return of(found);
  }

  /**
   * A request the user registered: what a clerk writes on the paper application and tells the
   * applicant.
   */
  public record Registered(
      String trackingNumber, String applicant, String receivedOn, String dueText) {}

  /**
   * An online application's upload, for a staff member who handles requests (clerk, reviewer,
   * office head, admin); null for anyone else or an unknown one.
   */
  @Transactional(readOnly = true)
  public SubmissionRepository.AttachmentFile submissionAttachment(
      String submissionNumber, String attachmentId) {
    var auth = identity.getCurrentAuthentication();
    if (auth == null
        || auth.getGroupIds() == null
        || auth.getGroupIds().stream()
            .noneMatch(
                g ->
                    List.of(Roles.CLERK, Roles.REVIEWER, Roles.OFFICE_HEAD, Roles.ADMIN)
                        .contains(g))) {
      return null;
    }
    // and only of their own agencies' submissions (the tenant ids of the webapp sign-on), as in
    // Tasklist
    boolean admin = auth.getGroupIds().contains(Roles.ADMIN);
    return submissions
        .byNumber(submissionNumber)
        .filter(
            s ->
                admin
                    || auth.getTenantIds() != null && auth.getTenantIds().contains(s.agencyCode()))
        .flatMap(s -> submissions.attachment(s.id(), attachmentId))
        .orElse(null);
  }

  /**
   * The current user's latest registrations, newest first (the start form itself cannot show the
   * number).
   */
  @Transactional(readOnly = true)
  public List<Registered> recentlyRegistered(int limit) {
    var auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return List.of();
    }
    LocalDate today = clock.today();
    return requests.recentlyRegisteredBy(auth.getUserId(), Math.min(limit, 20)).stream()
        .map(
            r -> {
              DueStatus due = deadlines.status(r, today);
              return new Registered(
                  r.trackingNumber(),
                  r.applicantName(),
                  r.receivedOn().toString(),
                  due == null ? "已办结" : due.text());
            })
        .toList();
  }

  private static Brief brief(Task t, RequestRow r, DueStatus due) {
    return new Brief(
        t.getId(),
        t.getName(),
        REQUEST,
        r.trackingNumber(),
        r.applicantName(),
        null,
        due == null ? null : due.urgency().name(),
        due == null || due.dueOn() == null ? null : due.dueOn().toString(),
        due == null ? null : due.workingDaysLeft(),
        due == null ? "已办结" : due.text(),
        null);
  }

  /** Confirm by the first working day after the submission (DOMAIN.md §2a): late after that. */
  private Brief submissionBrief(Task t, SubmissionRow s, LocalDate today) {
    LocalDate by = submissionProcess.confirmBy(s.submittedOn());
    DueStatus.Urgency urgency =
        today.isAfter(by)
            ? DueStatus.Urgency.OVERDUE
            : today.isEqual(by) ? DueStatus.Urgency.DUE_SOON : DueStatus.Urgency.ON_TRACK;
    String text =
        "网上提交于 " + s.submittedOn() + "，应于 " + by + " 前确认" + (today.isAfter(by) ? "（已超期）" : "");
    List<Attachment> files =
        submissions.attachments(s.id()).stream()
            .map(a -> new Attachment(a.id(), a.name(), a.size(), a.purpose()))
            .toList();
    return new Brief(
        t.getId(),
        t.getName(),
        SUBMISSION,
        null,
        s.applicantName(),
        null,
        urgency.name(),
        by.toString(),
        null,
        text,
        new Submission(s.submissionNumber(), s.submittedOn().toString(), s.description(), files));
  }

  private Brief appealBrief(Task t, AppealRow a, RequestRow r, LocalDate today) {
    LocalDate dueOn =
        switch (t.getTaskDefinitionKey()) {
          case "PrepareResponse", "RecordSubmission" -> a.responseDueOn();
          case "Rehandle" -> a.redoDueOn();
          default -> null; // the result comes when the body decides
        };
    DueStatus due =
        dueOn == null
            ? null
            : DueStatus.running(
                "Rehandle".equals(t.getTaskDefinitionKey())
                    ? "重新办理期限"
                    : a.kindCode().litigation() ? "答辩期限" : "复议答复期限",
                dueOn,
                workingDaysLeft(calendars.calendar(), today, dueOn));
    return new Brief(
        t.getId(),
        t.getName(),
        APPEAL,
        r == null ? null : r.trackingNumber(),
        r == null ? null : r.applicantName(),
        a.caseNumber(),
        due == null ? null : due.urgency().name(),
        dueOn == null ? null : dueOn.toString(),
        due == null ? null : due.workingDaysLeft(),
        due == null ? "等待复议决定或裁判结果" : due.text(),
        null);
  }

  /** Working days after today up to {@code dueOn}; negative once it has passed. */
  static int workingDaysLeft(WorkingDayCalendar calendar, LocalDate today, LocalDate dueOn) {
    return today.isBefore(dueOn)
        ? calendar.workingDaysBetween(today, dueOn)
        : -calendar.workingDaysBetween(dueOn, today);
  }
}
