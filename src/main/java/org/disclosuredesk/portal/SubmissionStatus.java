package org.disclosuredesk.portal;

/** Where an online application stands before it is a request (DOMAIN.md §2a). */
public enum SubmissionStatus {
  /** waiting for a clerk: confirmed on the first working day after submission at the latest */
  AWAITING_CONFIRMATION,
  /** registered as a request (the request's own status takes over) */
  CONFIRMED,
  /** no request at all (empty, a test, abuse, sent twice), with the clerk's reason */
  REJECTED,
  /** withdrawn by the applicant before confirmation: never registered */
  WITHDRAWN
}
