package org.disclosuredesk.common;

import java.util.Map;

/** The one error shape of the API: {@code {"error", "message", "fields": {name: problem}}}. */
public record ApiError(String error, String message, Map<String, String> fields) {}
