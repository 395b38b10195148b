package org.disclosuredesk.appeal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's actions on appeals (API.md). Each completes the Tasklist task of the matching step, so
 * Tasklist and the API run the same step code; a rejected call changes nothing (one transaction).
 */
@Service
@Transactional
public class AppealActions {

  private final AppealRepository appeals;
  private final RequestRepository requests;
  private final AppealProcess process;

  public AppealActions(
      AppealRepository appeals, RequestRepository requests, AppealProcess process) {
    this.appeals = appeals;
    this.requests = requests;
    this.process = process;
  }

  /** The 201 body of a new appeal. */
  public record Opened(String appealId, LocalDate responseDueOn, List<String> warnings) {}

  /** Opens the appeal; {@code body} goes to the process's first step as its variables. */
  public Opened open(String requestId, Map<String, Object> body, String actor) {
    String agency =
        requests.lock(requestId).agencyCode(); // 404 first; serialises with the request's own steps
    scalarsOnly(body);
    Map<String, Object> values = new LinkedHashMap<>(body);
    values.remove("trackingNumber"); // the path names the request
    String appealId = UUID.randomUUID().toString();
    process.start(appealId, requestId, agency, values, actor);
    AppealRow a = appeals.get(appealId);
    return new Opened(
        a.id(),
        a.responseDueOn(),
        a.warning() == null ? List.of() : List.of(a.warning().split("；")));
  }

  @Transactional(readOnly = true)
  public AppealSection.AppealView get(String appealId) {
    return AppealSection.view(appeals.get(appealId));
  }

  /** Prepared (if still open) and submitted, as Tasklist's two steps would. */
  public void submission(String appealId, Map<String, Object> body, String actor) {
    AppealRow a = lock(appealId);
    scalarsOnly(body);
    if (a.result() != null || a.submittedOn() != null) {
      throw new ConflictException(a.result() != null ? "该案件已有结果" : "已登记提交日期 " + a.submittedOn());
    }
    List<Task> prepare = process.openTasks(appealId, "PrepareResponse");
    if (!prepare.isEmpty()) {
      Map<String, Object> note = new LinkedHashMap<>();
      if (body.containsKey("note")) {
        note.put("note", body.get("note"));
      }
      process.complete(prepare.get(0), note, actor);
    }
    process.complete(task(appealId, "登记提交日期", "RecordSubmission"), without(body, "note"), actor);
  }

  /** The result ends the case from wherever it stands (see {@link Appeals#decided}). */
  public void result(String appealId, Map<String, Object> body, String actor) {
    AppealRow a = lock(appealId);
    scalarsOnly(body);
    if (a.result() != null) {
      throw new ConflictException("该案件已于 " + a.decidedOn() + " 登记结果");
    }
    process.complete(task(appealId, "登记结果", "AwaitResult"), body, actor);
  }

  public void rehandling(String appealId, Map<String, Object> body, String actor) {
    lock(appealId);
    scalarsOnly(body);
    process.complete(task(appealId, "登记重新办理", "Rehandle"), body, actor);
  }

  /**
   * Every field of these calls is a text, date, number or flag; objects would not even reach the
   * step.
   */
  private static void scalarsOnly(Map<String, Object> body) {
    FieldErrors errors = new FieldErrors();
    body.forEach(
        (k, v) -> {
          if (v instanceof Map || v instanceof List) {
            errors.add(k, "类型不对：应为文本、日期、数字或 true/false");
          }
        });
    errors.throwIfAny();
  }

  private AppealRow lock(String appealId) {
    AppealRow a = appeals.get(appealId);
    requests.lock(a.requestId());
    return appeals.lock(appealId);
  }

  private Task task(String appealId, String what, String key) {
    List<Task> open = process.openTasks(appealId, key);
    if (open.isEmpty()) {
      throw new ConflictException("该案件当前不在可" + what + "的环节");
    }
    return open.get(0);
  }

  private static Map<String, Object> without(Map<String, Object> body, String key) {
    Map<String, Object> m = new LinkedHashMap<>(body);
    m.remove(key);
    return m;
  }
}
