package org.disclosuredesk.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The pre-2019 template as the API shows it (API.md {@code /legacy}): {@code {year, format:
 * "PRE-2019", rows:[{code, label, value}], paragraph}}, plus whose table it is once the platform
 * has several agencies.
 */
public record LegacyStatistics(
    int year,
    String format,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> agencies,
    @JsonInclude(JsonInclude.Include.NON_NULL) AgencyRef agency,
    List<Row> rows,
    String paragraph) {

  /** {@code value}: a count, or for {@code FEES_COLLECTED_10K_YUAN} an amount in 万元. */
  public record Row(String code, String label, Number value) {}
}
