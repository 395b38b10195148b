package org.disclosuredesk.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * One event of a request's history: when (ISO offset date-time), what, who, and the details its
 * step recorded. The details are open-ended JSON, as each kind of event wrote them; the API shows
 * them beside the three ({@code {at, type, by, ...details}}, API.md).
 */
public record RequestEvent(
    String at, String type, String by, @JsonIgnore Map<String, Object> details) {

  /** The details, written beside {@code at}, {@code type} and {@code by}. */
  @JsonAnyGetter
  public Map<String, Object> detailFields() {
    return details;
  }

  /**
   * A field as the API shows it: {@code at}, {@code type}, {@code by} or one of the details; null
   * if absent.
   */
  public Object get(String field) {
    return switch (field) {
      case "at" -> at;
      case "type" -> type;
      case "by" -> by;
      default -> details.get(field);
    };
  }
}
