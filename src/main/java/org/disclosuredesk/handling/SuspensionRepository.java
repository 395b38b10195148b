package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.disclosuredesk.deadline.Suspension;
import org.disclosuredesk.deadline.SuspensionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code dd_suspension}: the clock stops of a request, each closed by the consultation or fee
 * notice it belongs to.
 */
@Repository
public class SuspensionRepository {

  private final JdbcClient jdbc;

  public SuspensionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(String requestId, SuspensionKind kind, LocalDate from, String sourceId) {
    jdbc.sql(
            "INSERT INTO dd_suspension (id, request_id, kind, from_on, to_on, source_id) VALUES (?, ?, ?, ?, NULL, ?)")
        .params(UUID.randomUUID().toString(), requestId, kind.name(), from, sourceId)
        .update();
  }

  public void close(String sourceId, LocalDate to) {
    jdbc.sql("UPDATE dd_suspension SET to_on = ? WHERE source_id = ? AND to_on IS NULL")
        .params(to, sourceId)
        .update();
  }

  /** Closes every open stop of the request on {@code to}, or on its first day if it began later. */
  public void closeAll(String requestId, LocalDate to) {
    jdbc.sql(
            "UPDATE dd_suspension SET to_on = CASE WHEN from_on > ? THEN from_on ELSE ? END"
                + " WHERE request_id = ? AND to_on IS NULL")
        .params(to, to, requestId)
        .update();
  }

  public boolean anyOpen(String requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_suspension WHERE request_id = ? AND to_on IS NULL")
            .param(requestId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The request's stops, earliest first. */
  public List<Suspension> of(String requestId) {
    return jdbc.sql(
            "SELECT kind, from_on, to_on FROM dd_suspension WHERE request_id = ? ORDER BY from_on")
        .param(requestId)
        .query(
            (rs, i) ->
                new Suspension(
                    SuspensionKind.valueOf(rs.getString("kind")),
                    rs.getObject("from_on", LocalDate.class),
                    rs.getObject("to_on", LocalDate.class)))
        .list();
  }
}
