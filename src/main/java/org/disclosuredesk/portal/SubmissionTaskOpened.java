package org.disclosuredesk.portal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.disclosuredesk.process.TaskDates;
import org.springframework.stereotype.Component;

/**
 * BPMN "确认网上申请", when it opens: named with the submission number, due by the evening of the first
 * working day after the submission, so Tasklist shows a late one among the overdue.
 */
@Component("submissionTaskOpened")
public class SubmissionTaskOpened implements TaskListener {

  private final SubmissionRepository submissions;
  private final SubmissionProcess process;
  private final TaskDates dates;

  public SubmissionTaskOpened(
      SubmissionRepository submissions, SubmissionProcess process, TaskDates dates) {
    this.submissions = submissions;
    this.process = process;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmissionRow row = submissions.get(task.getExecution().getProcessBusinessKey());
    task.setName(task.getName() + " " + row.submissionNumber());
    task.setDueDate(dates.due(process.confirmBy(row.submittedOn())));
  }
}
