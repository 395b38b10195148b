package org.disclosuredesk.request;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code dd_event}: a request's history, numbered per request, its details as JSON text. */
@Repository
public class EventRepository {

  /** One stored event, its details as the JSON text they were written as. */
  public record StoredEvent(LocalDateTime at, String type, String actor, String details) {}

  private final JdbcClient jdbc;

  public EventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      String requestId, LocalDateTime at, String type, String actor, String detailsJson) {
    // numbered in the insert itself: one statement per event (the request's row lock orders its
    // writers)
    jdbc.sql(
            "INSERT INTO dd_event (id, request_id, at, seq, type, actor, details)"
                + " SELECT ?, ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM dd_event WHERE request_id = ?")
        .params(UUID.randomUUID().toString(), requestId, at, type, actor, detailsJson, requestId)
        .update();
  }

  /** The request's events in order. */
  public List<StoredEvent> of(String requestId) {
    return jdbc.sql(
            "SELECT at, type, actor, details FROM dd_event WHERE request_id = ? ORDER BY seq")
        .param(requestId)
        .query(
            (rs, i) ->
                new StoredEvent(
                    rs.getTimestamp("at").toLocalDateTime(),
                    rs.getString("type"),
                    rs.getString("actor"),
                    rs.getString("details")))
        .list();
  }

  /** The details of the request's latest event of this type. */
  public Optional<String> latestDetails(String requestId, String type) {
    return jdbc
        .sql("SELECT details FROM dd_event WHERE request_id = ? AND type = ? ORDER BY seq DESC")
        .params(requestId, type)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }
}
