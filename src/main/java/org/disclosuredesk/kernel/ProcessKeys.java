package org.disclosuredesk.kernel;

/**
 * The keys of the BPMN processes in bpmn/, named once for the code that starts them and the code
 * that grants them.
 */
public final class ProcessKeys {

  /** bpmn/disclosure-request.bpmn: a request from registration to archive. */
  public static final String REQUEST = "disclosure-request";

  /** bpmn/appeal.bpmn: a reconsideration or lawsuit against a reply. */
  public static final String APPEAL = "appeal";

  /** bpmn/online-submission.bpmn: an online application waiting for a clerk. */
  public static final String SUBMISSION = "online-submission";

  private ProcessKeys() {}
}
