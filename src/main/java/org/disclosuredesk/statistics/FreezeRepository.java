package org.disclosuredesk.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Snapshots of published figures, each agency's own (DOMAIN.md §8); the latest freeze of an
 * agency's year is the one its report compares with.
 */
@Repository
public class FreezeRepository {

  public record Freeze(LocalDateTime at, String by, Map<String, long[]> cells) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public FreezeRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(
      String agency,
      int year,
      String format,
      LocalDateTime at,
      String by,
      Map<String, long[]> cells) {
    try {
      jdbc.sql(
              "INSERT INTO dd_statistics_freeze (id, agency_code, report_year, format, frozen_at, frozen_by,"
                  + " snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              UUID.randomUUID().toString(),
              agency,
              year,
              format,
              at,
              by,
              json.writeValueAsString(cells))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Freeze> latest(String agency, int year, String format) {
    return jdbc
        .sql(
            "SELECT frozen_at, frozen_by, snapshot FROM dd_statistics_freeze"
                + " WHERE report_year = ? AND format = ? AND agency_code = ? ORDER BY frozen_at DESC, id")
        .params(year, format, agency)
        .query(
            (rs, i) -> {
              try {
                return new Freeze(
                    rs.getObject("frozen_at", LocalDateTime.class),
                    rs.getString("frozen_by"),
                    json.readValue(
                        rs.getString("snapshot"), new TypeReference<Map<String, long[]>>() {}));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            })
        .list()
        .stream()
        .findFirst();
  }

  /** When each agency last froze the year (the overview), by agency code. */
  public Map<String, LocalDateTime> latestByAgency(int year, String format) {
    Map<String, LocalDateTime> out = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT agency_code, MAX(frozen_at) last_at FROM dd_statistics_freeze"
                + " WHERE report_year = ? AND format = ? GROUP BY agency_code")
        .params(year, format)
        .query(
            rs -> {
              out.put(rs.getString("agency_code"), rs.getObject("last_at", LocalDateTime.class));
            });
    return out;
  }
}
