package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.util.Objects;

/** A named run of days off from a State Council notice, e.g. 国庆节 2024-10-01 to 2024-10-07. */
public record Holiday(String name, LocalDate from, LocalDate to) {
  public Holiday {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("holiday ends before it starts: " + from + ".." + to);
    }
  }

  public boolean contains(LocalDate d) {
    return !d.isBefore(from) && !d.isAfter(to);
  }
}
