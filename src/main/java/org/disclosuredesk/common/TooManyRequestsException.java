package org.disclosuredesk.common;

import java.time.Duration;

/** A limit was hit: 429 with {@code Retry-After} (whole seconds, at least 1). */
public class TooManyRequestsException extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyRequestsException(String message, Duration retryAfter) {
    super(message);
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
