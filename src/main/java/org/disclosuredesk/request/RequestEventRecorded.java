package org.disclosuredesk.request;

import java.util.Map;

/**
 * Published (synchronously, inside the step's transaction) for every event written to a request's
 * history, so features such as letters can react to a step without the step knowing them.
 */
public record RequestEventRecorded(
    String requestId, String type, String actor, Map<String, ?> details) {}
