package org.disclosuredesk.appeal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.handling.RequestView;
import org.springframework.stereotype.Component;

/** The request's appeals in {@code GET /api/requests/{id}}. */
@Component
public class AppealSection implements RequestView.Section {

  private final AppealRepository appeals;

  public AppealSection(AppealRepository appeals) {
    this.appeals = appeals;
  }

  @Override
  public String name() {
    return "appeals";
  }

  @Override
  public List<Map<String, Object>> items(String requestId) {
    return appeals.ofRequest(requestId).stream().map(AppealSection::view).toList();
  }

  static Map<String, Object> view(AppealRow a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("appealId", a.id());
    m.put("requestId", a.requestId());
    m.put("kind", a.kind());
    m.put("receivedOn", a.receivedOn());
    m.put("caseNumber", a.caseNumber());
    m.put("body", a.body());
    m.put("simpleProcedure", a.simpleProcedure());
    m.put("responseDueOn", a.responseDueOn());
    m.put("submittedOn", a.submittedOn());
    m.put("responseNote", a.responseNote());
    m.put("result", a.result());
    m.put("decidedOn", a.decidedOn());
    m.put("resultNote", a.resultNote());
    m.put("redoDueOn", a.redoDueOn());
    m.put("rehandledOn", a.rehandledOn());
    m.put("rehandledOutcome", a.rehandledOutcome());
    m.put("status", a.status());
    m.put("warning", a.warning());
    return m;
  }
}
