package org.disclosuredesk.handling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.process.RequestProcess;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.TaskDates;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's actions on a request (API.md). Each one locks the request, finds the Tasklist task of
 * the matching step (409 if the request is elsewhere) and completes it with the same values the
 * task's form would submit, so a reviewer in Tasklist and the API go through the very same step
 * code. The values stay a map (the engine's edge): they become the task's transient variables, and
 * the step reads them with StepInput's strict types.
 */
@Service
@Transactional
public class RequestActions {

  private final RequestRepository requests;
  private final RequestProcess process;
  private final TaskService tasks;
  private final Extensions extensions;

  public RequestActions(
      RequestRepository requests,
      RequestProcess process,
      TaskService tasks,
      Extensions extensions) {
    this.requests = requests;
    this.process = process;
    this.tasks = tasks;
    this.extensions = extensions;
  }

  public void screening(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    Object result = body.get("result");
    if (!ScreeningCompleted.Result.PROCEED.name().equals(result)) {
      throw new BadInputException(
          "result",
          result == null ? "必填" : "只能为 PROCEED（要求补正请用 supplement-request，直接答复请用 decision）");
    }
    Task task = process.task(id, "初审", "Screening");
    process.complete(task, Map.of(ScreeningCompleted.INPUT, "PROCEED"), actor);
  }

  public void supplementRequest(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    Task task = process.task(id, "要求补正", "Screening");
    process.complete(task, with(body, ScreeningCompleted.INPUT, "SUPPLEMENT"), actor);
  }

  public void supplement(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    process.complete(process.task(id, "登记补正", "RecordSupplement"), body, actor);
  }

  public String consultation(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    Task task = process.task(id, "征求意见", "Handling");
    Map<String, Object> values = rename(body, "kind", "consultationKind");
    String consultationId = UUID.randomUUID().toString();
    values.put("consultationId", consultationId);
    asCalled(
        "consultationKind",
        "kind",
        () -> process.complete(task, with(values, HandlingCompleted.INPUT, "CONSULT"), actor));
    return consultationId;
  }

  public void consultationReply(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    List<Task> open = process.openTasks(id, "RecordConsultationReply");
    Object wanted = body.get("consultationId");
    Task task;
    if (wanted == null) {
      if (open.isEmpty()) {
        throw new ConflictException("该申请没有未答复的征求意见");
      }
      if (open.size() > 1) {
        throw new BadInputException("consultationId", "有多个未答复的征求意见，请指明是哪一个");
      }
      task = open.get(0);
    } else {
      if (!(wanted instanceof String w)) {
        throw new BadInputException("consultationId", "应为文本");
      }
      task =
          open.stream()
              .filter(t -> w.equals(tasks.getVariableLocal(t.getId(), TaskDates.SOURCE_ID)))
              .findFirst()
              .orElseThrow(() -> new NotFoundException("没有这个未答复的征求意见：" + w));
    }
    process.complete(task, body, actor);
  }

  public void extension(String id, Map<String, Object> body, String actor) {
    RequestRow row = lockOpen(id);
    if (row.extended()) {
      throw new ConflictException("延期答复只能申请一次（第三十三条第二款）");
    }
    process.complete(
        process.task(id, "申请延期", "Handling"), with(body, HandlingCompleted.INPUT, "EXTEND"), actor);
  }

  public void extensionDecision(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    process.complete(process.task(id, "审批延期", "ApproveExtension"), body, actor);
  }

  public void customPeriod(String id, Map<String, Object> body, String actor) {
    RequestRow row = lockOpen(id);
    extensions.customPeriod(row, new StepInput(body), actor);
  }

  public void feeNotice(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    Task task = process.task(id, "发出收费通知", "Handling");
    asCalled(
        "feeMethod",
        "method",
        () ->
            process.complete(
                task,
                with(rename(body, "method", "feeMethod"), HandlingCompleted.INPUT, "FEE"),
                actor));
  }

  public void feePayment(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    process.complete(process.task(id, "登记缴费", "RecordFeePayment"), body, actor);
  }

  public void withdrawal(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    process.correlate("RequestWithdrawn", id, body, actor, "撤回");
  }

  public void decision(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    Map<String, Object> values = new HashMap<>(body);
    Object review = values.remove("confidentialityReview");
    if (review instanceof Map<?, ?> r) {
      values.put("reviewedBy", r.get("reviewedBy"));
      values.put("reviewedOn", r.get("reviewedOn"));
    } else if (review != null) {
      throw new BadInputException("confidentialityReview", "应为 {reviewedBy, reviewedOn}");
    }
    Task task = process.task(id, "作出决定", "Screening", "Handling");
    String input =
        task.getTaskDefinitionKey().equals("Screening")
            ? ScreeningCompleted.INPUT
            : HandlingCompleted.INPUT;
    process.complete(task, with(values, input, "DECIDE"), actor);
  }

  public void signOff(String id, Map<String, Object> body, String actor) {
    lockOpen(id);
    process.complete(process.task(id, "签发", "SignOff"), body, actor);
  }

  private RequestRow lockOpen(String id) {
    RequestRow row = requests.lock(id);
    if (row.concluded()) {
      throw new ConflictException("该申请已于 " + row.concludedOn() + " 办结");
    }
    return row;
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> m = new HashMap<>(body);
    m.put(key, value);
    return m;
  }

  /**
   * A bad field is named as the API caller called it, not by the step's own (Tasklist form) name.
   */
  private static void asCalled(String stepName, String apiName, Runnable action) {
    try {
      action.run();
    } catch (BadInputException e) {
      if (!e.fields().containsKey(stepName)) {
        throw e;
      }
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      e.fields().forEach((k, v) -> fields.put(k.equals(stepName) ? apiName : k, v));
      throw new BadInputException(fields);
    }
  }

  private static Map<String, Object> rename(Map<String, Object> body, String from, String to) {
    Map<String, Object> m = new HashMap<>(body);
    m.remove(to); // only the API's own name counts
    if (m.containsKey(from)) {
      m.put(to, m.remove(from));
    }
    return m;
  }
}
