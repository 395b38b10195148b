package org.disclosuredesk.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.StepValues;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/** BPMN "撤回办结": the applicant withdrew; concluded as OTHER on the withdrawal date. */
@Component("concludeWithdrawn")
public class ConcludeWithdrawn implements JavaDelegate {

  /** The history's details (dd_event); {@code note} only when given. */
  record Withdrawn(LocalDate withdrawnOn, @JsonInclude(Include.NON_NULL) String note) {}

  private final RequestRepository requests;
  private final RequestEvents events;
  private final BusinessClock clock;
  private final Conclusion conclusion;
  private final IdentityService identity;

  public ConcludeWithdrawn(
      RequestRepository requests,
      RequestEvents events,
      BusinessClock clock,
      Conclusion conclusion,
      IdentityService identity) {
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    this.conclusion = conclusion;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var row = requests.lock(execution.getProcessBusinessKey());
    StepInput in = StepValues.read(execution);
    LocalDate on = in.pastDate("withdrawnOn", true, clock.today(), row.receivedOn(), "收到申请之日");
    String note = in.text("note", false, StepInput.TEXT_MAX);
    in.errors().throwIfAny();
    String actor = Actors.of(execution, identity);
    Columns cols = new Columns();
    cols.set("outcome", Outcome.OTHER.name());
    cols.set("decided_on", on);
    cols.set("signed_off_on", null);
    cols.set("outcome_reason", note == null ? "申请人撤回申请" : "申请人撤回申请：" + note);
    requests.update(row.id(), cols);
    events.record(row.id(), "WITHDRAWN", actor, new Withdrawn(on, note));
    conclusion.conclude(row.id(), actor);
  }
}
