package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.request.IdentityCheck;
import org.disclosuredesk.request.RequestRow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a person sees at the top of a task form in Tasklist (task-local display texts): the request,
 * its statutory due date, possible duplicates, and what the step must respect (e.g. the Art. 30
 * seven-day limit).
 */
@Component
public class TaskBriefing {

  private final RequestDeadlines deadlines;
  private final PossibleDuplicates duplicates;
  private final ExtensionRepository extensions;
  private final ObjectProvider<Addendum> addenda;

  /** More lines from a feature (e.g. links to the request's letters), appended to the summary. */
  public interface Addendum {
    String markdown(RequestRow row);
  }

  public TaskBriefing(
      RequestDeadlines deadlines,
      PossibleDuplicates duplicates,
      ExtensionRepository extensions,
      ObjectProvider<Addendum> addenda) {
    this.deadlines = deadlines;
    this.duplicates = duplicates;
    this.extensions = extensions;
    this.addenda = addenda;
  }

  public static final String SUMMARY = "requestSummary";

  void brief(DelegateTask task, RequestRow row) {
    task.setVariableLocal(SUMMARY, summary(row));
    switch (task.getTaskDefinitionKey()) {
      case "Screening" -> task.setVariableLocal("supplementNoticeHint", supplementHint(row));
      case "ApproveExtension" -> task.setVariableLocal("extensionSummary", extensionSummary(row));
      case "SignOff" -> task.setVariableLocal("decisionSummary", decisionSummary(row));
      default -> {}
    }
  }

  /**
   * Writes the summary of the request's open tasks again, after something they show changed (a 督办).
   */
  public void refresh(RequestRow row, TaskService tasks) {
    String summary = summary(row);
    tasks
        .createTaskQuery()
        .processInstanceId(row.processInstanceId())
        .list()
        .forEach(t -> tasks.setVariableLocal(t.getId(), SUMMARY, summary));
  }

  private String summary(RequestRow row) {
    StringBuilder s = new StringBuilder();
    s.append("**受理编号** ")
        .append(row.trackingNumber())
        .append("　**收到申请** ")
        .append(row.receivedOn())
        .append("（")
        .append(Channel.valueOf(row.channel()).label())
        .append("）　**法定答复期限** ")
        .append(row.dueOn() == null ? "计时暂停" : row.dueOn().toString())
        .append(row.extended() ? "（已延期）" : "")
        .append("\n\n");
    s.append("**申请人** ")
        .append(row.applicantName())
        .append("（")
        .append(ApplicantType.valueOf(row.applicantType()).label())
        .append("）");
    if (row.topic() != null) {
      s.append("　**类别** ").append(row.topic());
    }
    s.append("\n\n**申请内容** ").append(abbreviate(row.description(), 500));
    String identity = IdentityCheck.warning(row);
    if (identity != null) {
      s.append("\n\n**⚠ ").append(identity).append("**");
    }
    List<PossibleDuplicates.PossibleDuplicate> found = duplicates.of(row);
    if (!found.isEmpty()) {
      s.append("\n\n**可能重复的申请（请人工判断）** ");
      found.forEach(
          d ->
              s.append(d.trackingNumber())
                  .append("（")
                  .append(d.receivedOn())
                  .append("，相似度 ")
                  .append(d.similarity())
                  .append("）　"));
    }
    addenda
        .orderedStream()
        .map(a -> a.markdown(row))
        .filter(t -> t != null && !t.isBlank())
        .forEach(t -> s.append("\n\n").append(t));
    return s.toString();
  }

  private String supplementHint(RequestRow row) {
    LocalDate limit = deadlines.calculator().supplementNoticeLimit(row.receivedOn());
    return "补正告知应在收到申请后7个工作日内（不迟于 **" + limit + "**）一次性发出（第三十条）；晚于该日仍可发出，但系统会标注警示。";
  }

  private String extensionSummary(RequestRow row) {
    return extensions
        .pending(row.id())
        .map(
            e ->
                "**申请延长** "
                    + e.workingDays()
                    + " 个工作日（申请日期 "
                    + e.requestedOn()
                    + "）　**理由** "
                    + e.reason()
                    + "\n\n现行答复期限 "
                    + row.dueOn()
                    + "，批准须在此日或之前。")
        .orElse("");
  }

  private static String decisionSummary(RequestRow row) {
    if (row.outcome() == null) {
      return "";
    }
    Outcome o = Outcome.valueOf(row.outcome());
    return "**拟答复结果** "
        + o.row()
        + " "
        + o.label()
        + "　**答复日期** "
        + row.decidedOn()
        + (row.outcomeReason() == null ? "" : "\n\n**理由** " + row.outcomeReason());
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
