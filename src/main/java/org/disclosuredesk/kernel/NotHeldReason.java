package org.disclosuredesk.kernel;

/**
 * Why the agency does not hold the information: Art. 36(4) does not exist, 36(5) another agency
 * holds it.
 */
public enum NotHeldReason {
  DOES_NOT_EXIST,
  OTHER_AGENCY
}
