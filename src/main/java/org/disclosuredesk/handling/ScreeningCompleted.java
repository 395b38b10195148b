package org.disclosuredesk.handling;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/** BPMN "初审": proceed to handling, ask for a supplement (Art. 30), or decide at once. */
@Component("screeningCompleted")
public class ScreeningCompleted implements TaskListener {

  public enum Result {
    PROCEED,
    SUPPLEMENT,
    DECIDE
  }

  public static final String INPUT = "screeningResult";
  public static final String ROUTE = "screeningRoute";

  /** The history's details of "proceed" (dd_event). */
  record Screened(String result) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final Supplements supplements;
  private final Decisions decisions;
  private final IdentityService identity;

  public ScreeningCompleted(
      RequestRepository requests,
      RequestEvents events,
      Supplements supplements,
      Decisions decisions,
      IdentityService identity) {
    this.requests = requests;
    this.events = events;
    this.supplements = supplements;
    this.decisions = decisions;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    CompletedStep<Result> step = CompletedStep.of(task, INPUT, Result.class, requests, identity);
    RequestRow row = step.row();
    var process = step.process();
    switch (step.choice()) {
      case PROCEED ->
          events.record(row.id(), "SCREENED", step.actor(), new Screened(Result.PROCEED.name()));
      case SUPPLEMENT -> supplements.request(row, step.in(), step.actor(), process);
      case DECIDE ->
          process.setVariable(
              DecisionRoute.NEEDS_SIGN_OFF, decisions.record(row, step.in(), step.actor()));
    }
    process.setVariable(ROUTE, step.choice().name());
    StepValues.consume(task.getExecution(), INPUT, Supplements.FIELDS, Decisions.FIELDS);
  }
}
