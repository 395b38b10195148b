package org.disclosuredesk.intake;

/** Where a request stands (API.md). */
public enum RequestStatus {
  SCREENING, AWAITING_SUPPLEMENT, HANDLING, SUSPENDED, AWAITING_EXTENSION_APPROVAL, AWAITING_SIGN_OFF, CONCLUDED
}
