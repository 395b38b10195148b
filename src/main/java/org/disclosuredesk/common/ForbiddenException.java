package org.disclosuredesk.common;

/**
 * The caller may not do this (403), for reasons beyond the role checks of the security
 * configuration.
 */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
