package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * Every user task of an appeal, when it opens: the statutory due date of the step (reply/defence,
 * or the re-handling a correction ordered) and a summary of the case for the top of the form.
 */
@Component("appealTaskOpened")
public class AppealTaskOpened implements TaskListener {

  private final AppealRepository appeals;
  private final RequestRepository requests;
  private final TaskDates dates;

  public AppealTaskOpened(AppealRepository appeals, RequestRepository requests, TaskDates dates) {
    this.appeals = appeals;
    this.requests = requests;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    AppealRow a = appeals.get(task.getExecution().getProcessBusinessKey());
    RequestRow r = requests.get(a.requestId());
    switch (task.getTaskDefinitionKey()) {
      case "PrepareResponse", "RecordSubmission" -> task.setDueDate(dates.due(a.responseDueOn()));
      case "Rehandle" -> task.setDueDate(dates.due(a.redoDueOn()));
      default -> {} // the result comes when the body decides: no due date of ours
    }
    task.setName(task.getName() + " " + r.trackingNumber());
    task.setVariableLocal("appealSummary", summary(a, r));
  }

  static String summary(AppealRow a, RequestRow r) {
    AppealKind kind = a.kindCode();
    StringBuilder s = new StringBuilder();
    s.append("**")
        .append(kind.label())
        .append("**　**案号** ")
        .append(a.caseNumber())
        .append("　**")
        .append(kind.bodyLabel())
        .append("** ")
        .append(a.body())
        .append("\n\n**收到")
        .append(kind.litigation() ? "起诉状" : "复议申请书")
        .append("副本** ")
        .append(a.receivedOn())
        .append("　**提交")
        .append(kind.responseLabel())
        .append("期限** ")
        .append(a.responseDueOn())
        .append(
            kind.litigation()
                ? "（15日，《行政诉讼法》第六十七条）"
                : a.simpleProcedure() ? "（简易程序5个工作日，《行政复议法》第五十四条）" : "（10个工作日，《行政复议法》第四十八条）");
    if (a.submittedOn() != null) {
      s.append("　**已提交** ").append(a.submittedOn());
    }
    s.append("\n\n**原申请** ")
        .append(r.trackingNumber())
        .append("（收到 ")
        .append(r.receivedOn())
        .append("）");
    if (r.outcome() != null) {
      s.append("　**答复结果** ")
          .append(org.disclosuredesk.kernel.Outcome.valueOf(r.outcome()).label())
          .append("　**答复日期** ")
          .append(r.concludedOn());
    } else {
      s.append("　**尚未答复**，法定答复期限 ").append(r.dueOn());
    }
    if (a.result() != null) {
      s.append("\n\n**")
          .append(AppealResult.valueOf(a.result()).label())
          .append("**（")
          .append(a.decidedOn())
          .append("）");
      if (a.redoDueOn() != null) {
        s.append("　**重新办理期限** ").append(a.redoDueOn());
      }
    }
    if (a.warning() != null) {
      s.append("\n\n**提示** ").append(a.warning());
    }
    return s.toString();
  }
}
