package org.disclosuredesk.common;

/** 404: unknown or malformed id. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
