package org.disclosuredesk.portal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.request.RegistrationForm;
import org.springframework.stereotype.Component;

/**
 * BPMN "登记为申请": the confirmed submission is registered through the same registration step as every
 * other channel — channel ONLINE, arrived on the day of submission, received on the day of
 * confirmation (Art. 31(3)), the submission number as its external reference, so it is registered
 * once.
 */
@Component("registerSubmission")
public class RegisterSubmission implements JavaDelegate {

  private final SubmissionRepository submissions;
  private final IntakeService intake;
  private final IdentityService identity;

  public RegisterSubmission(
      SubmissionRepository submissions, IntakeService intake, IdentityService identity) {
    this.submissions = submissions;
    this.intake = intake;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubmissionRow row = submissions.lock(execution.getProcessBusinessKey());
    String confirmedOn = (String) execution.getVariable(SubmissionProcess.CONFIRMED_ON);
    String actor = row.decidedBy() != null ? row.decidedBy() : Actors.of(execution, identity);
    RegistrationForm form =
        new RegistrationForm(
                Channel.ONLINE.name(),
                row.submittedOn().toString(),
                confirmedOn,
                new RegistrationForm.Applicant(
                    row.applicantType(),
                    row.applicantName(),
                    row.applicantIdNumber(),
                    row.applicantCreditCode(),
                    row.applicantEmail(),
                    row.applicantPhone(),
                    row.applicantAddress(),
                    row.applicantIdType()),
                row.agentName() == null
                    ? null
                    : new RegistrationForm.Agent(
                        row.agentName(), row.agentIdNumber(), row.agentPhone(), row.agentIdType()),
                row.description(),
                null,
                row.requestedForms() == null ? null : List.of(row.requestedForms().split(",")),
                row.deliveryChannel(),
                row.submissionNumber())
            .forAgency(row.agencyCode());
    var registered = intake.register(form, actor);
    submissions.update(
        row.id(),
        Columns.of("status", SubmissionStatus.CONFIRMED.name())
            .set("request_id", registered.request().id()));
    execution.removeVariable(SubmissionProcess.CONFIRMED_ON);
  }
}
