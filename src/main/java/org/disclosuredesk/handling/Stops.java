package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.UUID;
import org.disclosuredesk.deadline.SuspensionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Clock stops as intervals on the request ({@code dd_suspension}), so the due date can be recomputed. */
@Component
public class Stops {

  private final JdbcClient jdbc;

  public Stops(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(String requestId, SuspensionKind kind, LocalDate from, String sourceId) {
    jdbc.sql("INSERT INTO dd_suspension (id, request_id, kind, from_on, to_on, source_id) VALUES (?, ?, ?, ?, NULL, ?)")
        .params(UUID.randomUUID().toString(), requestId, kind.name(), from, sourceId).update();
  }

  public void close(String sourceId, LocalDate to) {
    jdbc.sql("UPDATE dd_suspension SET to_on = ? WHERE source_id = ? AND to_on IS NULL").params(to, sourceId).update();
  }

  /** A concluded request leaves no stop open. */
  public void closeAll(String requestId, LocalDate to) {
    jdbc.sql("UPDATE dd_suspension SET to_on = CASE WHEN from_on > ? THEN from_on ELSE ? END"
        + " WHERE request_id = ? AND to_on IS NULL").params(to, to, requestId).update();
  }
}
