package org.disclosuredesk.appeal;

import java.time.LocalDate;
import java.util.List;
import org.disclosuredesk.handling.RequestView;
import org.springframework.stereotype.Component;

/**
 * The request's appeals in {@code GET /api/requests/{id}}, each as {@code GET /api/appeals/{id}}
 * shows it.
 */
@Component
public class AppealSection implements RequestView.Section {

  /** An appeal as the staff read it. */
  public record AppealView(
      String appealId,
      String requestId,
      String kind,
      LocalDate receivedOn,
      String caseNumber,
      String body,
      boolean simpleProcedure,
      LocalDate responseDueOn,
      LocalDate submittedOn,
      String responseNote,
      String result,
      LocalDate decidedOn,
      String resultNote,
      LocalDate redoDueOn,
      LocalDate rehandledOn,
      String rehandledOutcome,
      String status,
      String warning) {}

  private final AppealRepository appeals;

  public AppealSection(AppealRepository appeals) {
    this.appeals = appeals;
  }

  @Override
  public String name() {
    return "appeals";
  }

  @Override
  public List<AppealView> items(String requestId) {
    return appeals.ofRequest(requestId).stream().map(AppealSection::view).toList();
  }

  static AppealView view(AppealRow a) {
    return new AppealView(
        a.id(),
        a.requestId(),
        a.kind(),
        a.receivedOn(),
        a.caseNumber(),
        a.body(),
        a.simpleProcedure(),
        a.responseDueOn(),
        a.submittedOn(),
        a.responseNote(),
        a.result(),
        a.decidedOn(),
        a.resultNote(),
        a.redoDueOn(),
        a.rehandledOn(),
        a.rehandledOutcome(),
        a.status(),
        a.warning());
  }
}
