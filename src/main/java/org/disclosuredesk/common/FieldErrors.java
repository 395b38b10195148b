package org.disclosuredesk.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every bad field of one call, so the answer names them all at once. */
public final class FieldErrors {
  private final Map<String, String> fields = new LinkedHashMap<>();

  public FieldErrors add(String field, String problem) {
    fields.putIfAbsent(field, problem);
    return this;
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Throws {@link BadInputException} if anything was collected. */
  public void throwIfAny() {
    if (!fields.isEmpty()) {
      throw new BadInputException(fields);
    }
  }
}
