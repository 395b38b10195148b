package org.disclosuredesk.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** 400: names every bad field with its problem, in Chinese. */
public class BadInputException extends RuntimeException {
  private final Map<String, String> fields;

  public BadInputException(Map<String, String> fields) {
    super("输入有误：" + String.join("、", fields.keySet()));
    this.fields = new LinkedHashMap<>(fields);
  }

  public BadInputException(String field, String problem) {
    this(Map.of(field, problem));
  }

  public Map<String, String> fields() {
    return fields;
  }
}
