package org.disclosuredesk.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.common.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The request's history: every step writes who, when and what (Art. 45). */
@Component
public class RequestEvents {

  private static final TypeReference<LinkedHashMap<String, Object>> DETAILS =
      new TypeReference<>() {};

  private final EventRepository events;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final ApplicationEventPublisher publisher;

  public RequestEvents(
      EventRepository events,
      ObjectMapper json,
      BusinessClock clock,
      ApplicationEventPublisher publisher) {
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.publisher = publisher;
  }

  /** Records an event whose details a record of the step states (written as its JSON). */
  public void record(String requestId, String type, String actor, Record details) {
    record(requestId, type, actor, json.convertValue(details, DETAILS));
  }

  public void record(String requestId, String type, String actor, Map<String, ?> details) {
    Map<String, ?> written = details == null ? Map.of() : details;
    try {
      events.insert(
          requestId,
          LocalDateTime.ofInstant(clock.now(), clock.zone()),
          type,
          actor,
          json.writeValueAsString(written));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    publisher.publishEvent(new RequestEventRecorded(requestId, type, actor, written));
  }

  /** The events in order. */
  public List<RequestEvent> list(String requestId) {
    return events.of(requestId).stream()
        .map(
            e -> {
              String at = e.at().atZone(clock.zone()).toOffsetDateTime().toString();
              Map<String, Object> details;
              try {
                details = json.readValue(e.details(), DETAILS);
              } catch (JsonProcessingException ex) {
                details = new LinkedHashMap<>();
                details.put("details", e.details());
              }
              return new RequestEvent(at, e.type(), e.actor(), details);
            })
        .toList();
  }

  /**
   * A field of the latest event of this type, as text (e.g. the date an Art. 35 decision was
   * taken).
   */
  public Optional<String> latestDetail(String requestId, String type, String field) {
    return events
        .latestDetails(requestId, type)
        .map(
            details -> {
              try {
                return json.readTree(details).path(field).asText(null);
              } catch (JsonProcessingException e) {
                return null;
              }
            });
  }
}
