package org.disclosuredesk.common;

/** 413: an upload is larger than allowed; answered like the container's own multipart limit. */
public class TooLargeException extends RuntimeException {
  public TooLargeException(long maxBytes) {
    super("larger than " + maxBytes + " bytes");
  }
}
