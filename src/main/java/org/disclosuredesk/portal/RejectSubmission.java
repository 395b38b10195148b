package org.disclosuredesk.portal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.mail.Mailer;
import org.springframework.stereotype.Component;

/** BPMN "告知不予受理": the submission is closed as no request at all; the applicant is told why. */
@Component("rejectSubmission")
public class RejectSubmission implements JavaDelegate {

  private final SubmissionRepository submissions;
  private final Mailer mailer;

  public RejectSubmission(SubmissionRepository submissions, Mailer mailer) {
    this.submissions = submissions;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubmissionRow row = submissions.lock(execution.getProcessBusinessKey());
    submissions.update(row.id(), Columns.of("status", SubmissionStatus.REJECTED.name()));
    if (row.applicantEmail() != null) {
      mailer.queueFor(
          row.agencyCode(),
          null,
          "SUBMISSION_REJECTED",
          row.applicantEmail(),
          "网上申请不予受理：申请编号 " + row.submissionNumber(),
          "submission-rejected",
          new RejectedMail(row),
          List.of());
    }
  }

  /** The rejection's model (mail/submission-rejected.mustache). */
  public record RejectedMail(SubmissionRow submission) {}
}
