package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A clock stop: sent / notified on {@code from}, answered / paid on {@code to} ({@code null} while
 * still open). The working days after {@code from} up to and including {@code to} are not counted
 * (DOMAIN.md §3).
 */
public record Suspension(SuspensionKind kind, LocalDate from, LocalDate to) {
  public Suspension {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("suspension ends before it starts: " + from + ".." + to);
    }
  }

  public boolean open() {
    return to == null;
  }
}
