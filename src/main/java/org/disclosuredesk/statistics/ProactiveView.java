package org.disclosuredesk.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.disclosuredesk.statistics.counting.ProactiveFigures;

/**
 * Table 二 as {@code GET}/{@code PUT /api/statistics/{year}/proactive} answer it: {@code {year,
 * agency?, every figure (null where not filled in), updatedAt, updatedBy}}; {@code agency} once the
 * platform has several agencies.
 */
public record ProactiveView(
    int year,
    @JsonInclude(JsonInclude.Include.NON_NULL) AgencyRef agency,
    @JsonUnwrapped ProactiveFigures figures,
    String updatedAt,
    String updatedBy) {}
