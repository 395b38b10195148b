package org.disclosuredesk.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.disclosuredesk.common.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The request's history: every step writes who, when and what (Art. 45). */
@Component
public class RequestEvents {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final ApplicationEventPublisher publisher;

  public RequestEvents(JdbcClient jdbc, ObjectMapper json, BusinessClock clock, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.publisher = publisher;
  }

  public void record(String requestId, String type, String actor, Map<String, ?> details) {
    try {
      // numbered in the insert itself: one statement per event (the request's row lock orders its writers)
      jdbc.sql("INSERT INTO dd_event (id, request_id, at, seq, type, actor, details)"
              + " SELECT ?, ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM dd_event WHERE request_id = ?")
          .params(UUID.randomUUID().toString(), requestId,
              LocalDateTime.ofInstant(clock.now(), clock.zone()), type, actor,
              json.writeValueAsString(details == null ? Map.of() : details), requestId)
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    publisher.publishEvent(new RequestEventRecorded(requestId, type, actor, details == null ? Map.of() : details));
  }

  /** The events in order, each as {@code {at, type, by, ...details}}. */
  public List<Map<String, Object>> list(String requestId) {
    return jdbc.sql("SELECT at, type, actor, details FROM dd_event WHERE request_id = ? ORDER BY seq")
        .param(requestId)
        .query((rs, i) -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("at", rs.getTimestamp("at").toLocalDateTime().atZone(clock.zone()).toOffsetDateTime().toString());
          e.put("type", rs.getString("type"));
          e.put("by", rs.getString("actor"));
          try {
            e.putAll(json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {}));
          } catch (JsonProcessingException ex) {
            e.put("details", rs.getString("details"));
          }
          return e;
        })
        .list();
  }

  /** A field of the latest event of this type, as text (e.g. the date an Art. 35 decision was taken). */
  public Optional<String> latestDetail(String requestId, String type, String field) {
    return jdbc.sql("SELECT details FROM dd_event WHERE request_id = ? AND type = ? ORDER BY seq DESC")
        .params(requestId, type).query(String.class).list().stream().findFirst()
        .map(details -> {
          try {
            return json.readTree(details).path(field).asText(null);
          } catch (JsonProcessingException e) {
            return null;
          }
        });
  }
}
