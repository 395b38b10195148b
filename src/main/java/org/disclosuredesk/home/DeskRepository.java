package org.disclosuredesk.home;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.common.RecordRowMapper;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the 工作台 reads for a platform of several agencies: the lists and counts of the home page
 * restricted to the caller's agencies, the agency of a task's process, and each agency's year at a
 * glance. Every query ranges over an index that starts with {@code agency_code} (V18) or over the
 * small set of rows the page already holds.
 */
@Repository
class DeskRepository {

  /**
   * One agency's year: the figures of the supervising office's table (DOMAIN.md §8 overview, §6
   * on-time rate).
   */
  record YearFigures(long received, long concluded, long concludedLate, long overdueNow) {
    static final YearFigures NONE = new YearFigures(0, 0, 0, 0);

    YearFigures plus(YearFigures o) {
      return new YearFigures(
          received + o.received,
          concluded + o.concluded,
          concludedLate + o.concludedLate,
          overdueNow + o.overdueNow);
    }

    /**
     * DOMAIN.md §6: concluded on or before the due date in force / concluded; null when none
     * concluded.
     */
    Double onTimeRate() {
      return concluded == 0 ? null : (double) (concluded - concludedLate) / concluded;
    }
  }

  private static final RowMapper<RequestRow> ROWS = new RecordRowMapper<>(RequestRow.class);

  private final JdbcClient jdbc;

  DeskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registered in [from, to) for one of {@code agencies}, newest first. */
  List<RequestRow> registeredBetween(
      LocalDateTime from, LocalDateTime to, Collection<String> agencies, int limit) {
    if (agencies.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT * FROM dd_request WHERE created_at >= :from AND created_at < :to"
                + " AND agency_code IN (:agencies) ORDER BY created_at DESC LIMIT "
                + Math.max(1, limit))
        .param("from", from)
        .param("to", to)
        .param("agencies", List.copyOf(agencies))
        .query(ROWS)
        .list();
  }

  /**
   * Open and past the due date on {@code today}, of these agencies (null: all), longest overdue
   * first.
   */
  List<RequestRow> overdue(LocalDate today, Collection<String> agencies, int limit) {
    return dueBetween(null, today.minusDays(1), agencies, limit);
  }

  /**
   * Open with a due date in [from, to] ({@code from} null: any date up to {@code to}), of these
   * agencies (null: all), earliest due first.
   */
  List<RequestRow> dueBetween(
      LocalDate from, LocalDate to, Collection<String> agencies, int limit) {
    if (agencies != null && agencies.isEmpty()) {
      return List.of();
    }
    var spec =
        jdbc.sql(
                "SELECT * FROM dd_request WHERE "
                    + RequestRepository.OPEN
                    + " AND due_on <= :to"
                    + (from == null ? "" : " AND due_on >= :from")
                    + (agencies == null ? "" : " AND agency_code IN (:agencies)")
                    + " ORDER BY due_on, tracking_number LIMIT "
                    + Math.max(1, limit))
            .param("to", to);
    if (from != null) {
      spec = spec.param("from", from);
    }
    if (agencies != null) {
      spec = spec.param("agencies", List.copyOf(agencies));
    }
    return spec.query(ROWS).list();
  }

  /**
   * The agency each of these process instances works for: a request's, a submission's, or an
   * appeal's request's.
   */
  Map<String, String> agencyOfProcessInstances(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    jdbc.sql(
            "SELECT process_instance_id, agency_code FROM dd_request WHERE process_instance_id IN (:ids)"
                + " UNION ALL SELECT process_instance_id, agency_code FROM dd_submission WHERE process_instance_id IN (:ids)"
                + " UNION ALL SELECT a.process_instance_id, r.agency_code FROM dd_appeal a JOIN dd_request r"
                + " ON r.id = a.request_id WHERE a.process_instance_id IN (:ids)")
        .param("ids", List.copyOf(processInstanceIds))
        .query((rs, i) -> out.put(rs.getString(1), rs.getString(2)))
        .list();
    return out;
  }

  /**
   * Per agency (of {@code agencies}; null: all): received in the year, concluded in it and of those
   * concluded after the due date in force, and open past the due date today. Three grouped counts
   * over ix_request_agency, ix_request_concluded and ix_request_agency_status.
   */
  Map<String, YearFigures> year(int year, LocalDate today, Collection<String> agencies) {
    Map<String, YearFigures> out = new LinkedHashMap<>();
    if (agencies != null && agencies.isEmpty()) {
      return out;
    }
    String in = agencies == null ? "" : " AND agency_code IN (:agencies)";
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    grouped(
            "SELECT agency_code, COUNT(*), 0 FROM dd_request WHERE received_on BETWEEN :first AND :last"
                + in
                + " GROUP BY agency_code",
            first,
            last,
            today,
            agencies)
        .forEach((code, n) -> out.merge(code, new YearFigures(n[0], 0, 0, 0), YearFigures::plus));
    // Timeliness.OVERDUE of the statistics: concluded after the due date in force (none while no
    // date ran)
    grouped(
            "SELECT agency_code, COUNT(*), SUM(CASE WHEN concluded_on > due_on THEN 1 ELSE 0 END) FROM dd_request"
                + " WHERE concluded_on BETWEEN :first AND :last"
                + in
                + " GROUP BY agency_code",
            first,
            last,
            today,
            agencies)
        .forEach(
            (code, n) -> out.merge(code, new YearFigures(0, n[0], n[1], 0), YearFigures::plus));
    grouped(
            "SELECT agency_code, COUNT(*), 0 FROM dd_request WHERE "
                + RequestRepository.OPEN
                + " AND due_on < :today"
                + in
                + " GROUP BY agency_code",
            first,
            last,
            today,
            agencies)
        .forEach((code, n) -> out.merge(code, new YearFigures(0, 0, 0, n[0]), YearFigures::plus));
    return out;
  }

  private Map<String, long[]> grouped(
      String sql, LocalDate first, LocalDate last, LocalDate today, Collection<String> agencies) {
    var spec = jdbc.sql(sql);
    if (sql.contains(":first")) {
      spec = spec.param("first", first).param("last", last);
    }
    if (sql.contains(":today")) {
      spec = spec.param("today", today);
    }
    if (agencies != null) {
      spec = spec.param("agencies", List.copyOf(agencies));
    }
    Map<String, long[]> out = new HashMap<>();
    spec.query((rs, i) -> out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    return out;
  }

  /** How many 督办 notices each of these requests has had (requests without any are left out). */
  Map<String, Long> noticesPerRequest(Collection<String> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> out = new HashMap<>();
    jdbc.sql(
            "SELECT request_id, COUNT(*) FROM dd_supervision_notice WHERE request_id IN (:ids) GROUP BY request_id")
        .param("ids", List.copyOf(requestIds))
        .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2)))
        .list();
    return out;
  }
}
