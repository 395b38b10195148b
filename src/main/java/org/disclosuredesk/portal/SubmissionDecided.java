package org.disclosuredesk.portal;

import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.process.StepInput;
import org.disclosuredesk.process.StepValues;
import org.springframework.stereotype.Component;

/**
 * BPMN "确认网上申请", completed: the clerk confirms (the day of confirmation is the date of receipt,
 * Art. 31(3)) or rejects what is no request at all, with a reason the applicant sees.
 */
@Component("submissionDecided")
public class SubmissionDecided implements TaskListener {

  enum Decision {
    CONFIRM,
    REJECT
  }

  private final SubmissionRepository submissions;
  private final BusinessClock clock;
  private final IdentityService identity;

  public SubmissionDecided(
      SubmissionRepository submissions, BusinessClock clock, IdentityService identity) {
    this.submissions = submissions;
    this.clock = clock;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmissionRow row = submissions.lock(task.getExecution().getProcessBusinessKey());
    StepInput in = StepValues.read(task);
    Decision decision = in.code("decision", Decision.class, true);
    var confirmedOn = in.pastDate("confirmedOn", false, clock.today(), row.submittedOn(), "提交之日");
    String reason = in.text("reason", decision == Decision.REJECT, StepInput.TEXT_MAX);
    if (decision == Decision.CONFIRM && in.present("reason")) {
      in.errors().add("reason", "确认受理时不填不予受理的理由");
    }
    in.errors().throwIfAny();
    String actor = Actors.of(task, identity);
    Columns cols = new Columns();
    cols.set("decided_at", LocalDateTime.ofInstant(clock.now(), clock.zone()));
    cols.set("decided_by", actor);
    if (decision == Decision.REJECT) {
      cols.set("rejection_reason", reason);
    }
    submissions.update(row.id(), cols);
    var instance = task.getExecution().getProcessInstance();
    instance.setVariable(SubmissionProcess.DECISION, decision.name());
    if (decision == Decision.CONFIRM) {
      instance.setVariable(
          SubmissionProcess.CONFIRMED_ON,
          (confirmedOn == null ? clock.today() : confirmedOn).toString());
    }
    StepValues.consume(task.getExecution(), List.of("decision", "confirmedOn", "reason"));
  }
}
