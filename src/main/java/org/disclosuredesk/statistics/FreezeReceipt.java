package org.disclosuredesk.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /api/statistics/{year}/freeze} answers: whose year was frozen, when ({@code at})
 * and by whom.
 */
public record FreezeReceipt(
    int year, @JsonInclude(JsonInclude.Include.NON_NULL) AgencyRef agency, String at, String by) {}
