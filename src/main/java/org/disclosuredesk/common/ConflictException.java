package org.disclosuredesk.common;

/**
 * 409: the action does not fit the request's current step or a rule of the regulation; the message
 * says which.
 */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
