package org.disclosuredesk.appeal;

/**
 * Where an appeal stands: preparing our reply/defence, waiting for the result, re-handling after a
 * correction.
 */
public enum AppealStatus {
  RESPONDING,
  AWAITING_RESULT,
  REHANDLING,
  CLOSED
}
