package org.disclosuredesk.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What {@link Reconciliation} reads of dd_request to hold against the process history: a few list
 * queries a year.
 */
@Repository
public class ReconciliationRepository {

  /** A request concluded in the year; {@code withdrawn}: it has a WITHDRAWN event. */
  public record Concluded(
      String id,
      String trackingNumber,
      String processInstanceId,
      LocalDate concludedOn,
      String outcome,
      boolean withdrawn) {}

  /**
   * A request found by its process instance: its number, its conclusion date (null: open) and its
   * agency.
   */
  public record ByInstance(String trackingNumber, LocalDate concludedOn, String agency) {}

  /** IN lists of at most this many parameters. */
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;

  public ReconciliationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The agency of every request received between the two dates, by tracking number. */
  public Map<String, String> agencyByNumberReceived(LocalDate start, LocalDate end) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql(
            "SELECT tracking_number, agency_code FROM dd_request WHERE received_on BETWEEN ? AND ?")
        .params(start, end)
        .query(
            rs -> {
              out.put(rs.getString(1), rs.getString(2));
            });
    return out;
  }

  /** The requests concluded between the two dates, of some agencies (null: all). */
  public List<Concluded> concluded(LocalDate start, LocalDate end, Collection<String> agencies) {
    List<Object> params = new ArrayList<>(List.of(start, end));
    String filter = "";
    if (agencies != null) {
      filter =
          " AND r.agency_code IN ("
              + String.join(", ", Collections.nCopies(agencies.size(), "?"))
              + ")";
      params.addAll(agencies);
    }
    return jdbc.sql(
            "SELECT r.id, r.tracking_number, r.process_instance_id, r.concluded_on,"
                + " r.outcome, (SELECT COUNT(*) FROM dd_event e WHERE e.request_id = r.id AND e.type = 'WITHDRAWN') w"
                + " FROM dd_request r WHERE r.concluded_on BETWEEN ? AND ?"
                + filter)
        .params(params)
        .query(
            (rs, i) ->
                new Concluded(
                    rs.getString("id"),
                    rs.getString("tracking_number"),
                    rs.getString("process_instance_id"),
                    rs.getObject("concluded_on", LocalDate.class),
                    rs.getString("outcome"),
                    rs.getLong("w") > 0))
        .list();
  }

  /**
   * The requests of these process instances, by process instance id; a few hundred ids per
   * statement.
   */
  public Map<String, ByInstance> byProcessInstance(List<String> instances) {
    Map<String, ByInstance> out = new HashMap<>();
    for (int i = 0; i < instances.size(); i += CHUNK) {
      List<String> chunk = instances.subList(i, Math.min(instances.size(), i + CHUNK));
      String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
      jdbc.sql(
              "SELECT process_instance_id, tracking_number, concluded_on, agency_code FROM dd_request"
                  + " WHERE process_instance_id IN ("
                  + in
                  + ")")
          .params(chunk.toArray())
          .query(
              rs -> {
                out.put(
                    rs.getString(1),
                    new ByInstance(
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
              });
    }
    return out;
  }
}
