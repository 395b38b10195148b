package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.disclosuredesk.statistics.counting.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single requests (and appeals) behind the statistics: per facet, the rows that {@link
 * StatisticsRepository} counts, selected by its own WHERE conditions, each with the group it counts
 * in. Which cell a group lands in is left to the counting code ({@link DrillDown}), so a list
 * cannot follow a rule of its own.
 */
@Repository
public class DrillDownRepository {

  /** A request as a drill-down lists it (name unmasked: masking is the caller's, by role). */
  record RequestRow(
      String id,
      String trackingNumber,
      String applicantName,
      String applicantType,
      LocalDate receivedOn,
      LocalDate dueOn,
      LocalDate concludedOn,
      String outcome,
      String agencyCode) {}

  /** An appeal with its request. */
  record AppealRow(
      String id,
      String kind,
      String caseNumber,
      LocalDate receivedOn,
      LocalDate decidedOn,
      String result,
      RequestRow request) {}

  /**
   * A row and the one-member group it counts in, the same {@link Tally} the statistics query would
   * make of it.
   */
  record Counted<T>(Tally group, T row) {}

  private static final String REQUEST_COLUMNS =
      "r.id, r.tracking_number, r.applicant_name, r.applicant_type,"
          + " r.received_on, r.due_on, r.concluded_on, r.outcome, r.agency_code";

  private final JdbcClient jdbc;

  public DrillDownRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The requests a facet of table 三 counts in the year; {@code applicantType} (null: all) only
   * narrows the read, since a group's key carries its type. {@code agencies}: whose requests (null:
   * every agency's).
   */
  List<Counted<RequestRow>> requests(
      Tally.Facet facet, int year, String applicantType, Collection<String> agencies) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    List<Object> params = new ArrayList<>();
    String where =
        switch (facet) {
          case NEW -> {
            params.add(year);
            yield StatisticsRepository.RECEIVED_IN_YEAR;
          }
          case CONCLUDED -> {
            params.add(year);
            yield StatisticsRepository.CONCLUDED_IN_YEAR;
          }
          case CARRIED_OVER -> {
            params.addAll(List.of(start, start));
            yield StatisticsRepository.OPEN_AT_START;
          }
          case CARRIED_FORWARD -> {
            params.addAll(List.of(end, end));
            yield StatisticsRepository.OPEN_AT_END;
          }
          default -> throw new IllegalArgumentException("not a request facet: " + facet);
        };
    if (applicantType != null) {
      where = "(" + where + ") AND applicant_type = ?";
      params.add(applicantType);
    }
    where += in("agency_code", agencies, params);
    return jdbc.sql(
            "SELECT "
                + REQUEST_COLUMNS
                + ", r.stat_new_key, r.stat_concluded_key, r.topic"
                + " FROM dd_request r WHERE "
                + where)
        .params(params)
        .query((rs, i) -> new Counted<>(group(facet, rs), request(rs)))
        .list();
  }

  /**
   * The appeals a facet of table 四 counts in the year, with their requests; {@code kind} (null:
   * all) narrows, and {@code agencies} (null: all): an appeal belongs to its request's agency.
   */
  List<Counted<AppealRow>> appeals(
      Tally.Facet facet, int year, String kind, Collection<String> agencies) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    List<Object> params = new ArrayList<>();
    String where =
        switch (facet) {
          case APPEAL_DECIDED -> {
            params.addAll(List.of(start, end));
            yield StatisticsRepository.APPEAL_DECIDED_IN_YEAR;
          }
          case APPEAL_PENDING -> {
            params.addAll(List.of(end, end));
            yield StatisticsRepository.APPEAL_OPEN_AT_END;
          }
          default -> throw new IllegalArgumentException("not an appeal facet: " + facet);
        };
    if (kind != null) {
      where = "(" + where + ") AND kind = ?";
      params.add(kind);
    }
    // dd_appeal and dd_request share column names (received_on): the conditions run on dd_appeal
    // alone
    return jdbc.sql(
            "SELECT a.id a_id, a.kind a_kind, a.case_number a_case_number, a.received_on a_received_on,"
                + " a.decided_on a_decided_on, a.result a_result, "
                + REQUEST_COLUMNS
                + " FROM (SELECT id, request_id, kind, case_number, received_on, decided_on, result FROM dd_appeal"
                + " WHERE "
                + where
                + ") a JOIN dd_request r ON r.id = a.request_id WHERE 1 = 1"
                + in("r.agency_code", agencies, params))
        .params(params)
        .query(
            (rs, i) ->
                new Counted<>(
                    StatisticsRepository.tally(
                        facet,
                        0,
                        rs.getString("a_kind"),
                        StatisticsRepository.blankToNull(rs.getString("a_result")),
                        1,
                        BigDecimal.ZERO),
                    new AppealRow(
                        rs.getString("a_id"),
                        rs.getString("a_kind"),
                        rs.getString("a_case_number"),
                        rs.getObject("a_received_on", LocalDate.class),
                        rs.getObject("a_decided_on", LocalDate.class),
                        rs.getString("a_result"),
                        request(rs))))
        .list();
  }

  /** The group as {@link StatisticsRepository#tally} decodes it from the statistics query's row. */
  private static Tally group(Tally.Facet facet, ResultSet rs) throws SQLException {
    return switch (facet) {
      case NEW ->
          StatisticsRepository.tally(
              facet,
              rs.getLong("stat_new_key"),
              null,
              StatisticsRepository.blankToNull(rs.getString("topic")),
              1,
              BigDecimal.ZERO);
      case CONCLUDED ->
          StatisticsRepository.tally(
              facet, rs.getLong("stat_concluded_key"), null, null, 1, BigDecimal.ZERO);
      default ->
          StatisticsRepository.tally(
              facet, 0, rs.getString("applicant_type"), null, 1, BigDecimal.ZERO);
    };
  }

  private static RequestRow request(ResultSet rs) throws SQLException {
    return new RequestRow(
        rs.getString("id"),
        rs.getString("tracking_number"),
        rs.getString("applicant_name"),
        rs.getString("applicant_type"),
        rs.getObject("received_on", LocalDate.class),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("concluded_on", LocalDate.class),
        rs.getString("outcome"),
        rs.getString("agency_code"));
  }

  /** " AND column IN (?, …)" with the codes added to the parameters; "" for null (every agency). */
  private static String in(String column, Collection<String> agencies, List<Object> params) {
    if (agencies == null) {
      return "";
    }
    params.addAll(agencies);
    return " AND "
        + column
        + " IN ("
        + String.join(", ", Collections.nCopies(agencies.size(), "?"))
        + ")";
  }
}
