package org.disclosuredesk.handling;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * BPMN "办理": consult (Art. 32–34), issue a fee notice (Art. 42), ask for an extension (Art. 33), or
 * decide.
 */
@Component("handlingCompleted")
public class HandlingCompleted implements TaskListener {

  public enum Action {
    CONSULT,
    FEE,
    EXTEND,
    DECIDE
  }

  public static final String INPUT = "handlingAction";
  public static final String ROUTE = "handlingRoute";

  private final RequestRepository requests;
  private final Consultations consultations;
  private final Fees fees;
  private final Extensions extensions;
  private final Decisions decisions;
  private final IdentityService identity;

  public HandlingCompleted(
      RequestRepository requests,
      Consultations consultations,
      Fees fees,
      Extensions extensions,
      Decisions decisions,
      IdentityService identity) {
    this.requests = requests;
    this.consultations = consultations;
    this.fees = fees;
    this.extensions = extensions;
    this.decisions = decisions;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    CompletedStep<Action> step = CompletedStep.of(task, INPUT, Action.class, requests, identity);
    RequestRow row = step.row();
    var process = step.process();
    switch (step.choice()) {
      case CONSULT -> consultations.open(row, step.in(), step.actor(), process);
      case FEE -> fees.notice(row, step.in(), step.actor(), process);
      case EXTEND -> extensions.request(row, step.in(), step.actor());
      case DECIDE ->
          process.setVariable(
              DecisionRoute.NEEDS_SIGN_OFF, decisions.record(row, step.in(), step.actor()));
    }
    process.setVariable(ROUTE, step.choice().name());
    StepValues.consume(
        task.getExecution(),
        INPUT,
        Consultations.FIELDS,
        Fees.FIELDS,
        Extensions.FIELDS,
        Decisions.FIELDS);
  }
}
