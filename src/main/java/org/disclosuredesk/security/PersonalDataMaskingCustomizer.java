package org.disclosuredesk.security;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/** Structured (JSON) logs never carry an ID number or phone number in full, whoever logged it. */
public class PersonalDataMaskingCustomizer
    implements StructuredLoggingJsonMembersCustomizer<Object> {

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(
        JsonWriter.ValueProcessor.of(String.class, PersonalData::maskText));
  }
}
