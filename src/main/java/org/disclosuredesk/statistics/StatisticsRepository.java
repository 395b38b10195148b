package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Tally;
import org.disclosuredesk.statistics.counting.Timeliness;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one statistics query: a single statement over the running tallies (dd_stat_tally),
 * dd_request, dd_appeal and dd_fee_notice whose UNION ALL branches are each one small grouped
 * range. Never a per-request look-up, never the Camunda history tables: a year of a million
 * requests comes back as a few hundred groups.
 */
@Repository
public class StatisticsRepository {

  /** The SQL twin of {@link Timeliness#of}, as the ordinal of {@link Timeliness}. */
  static final String TIMELINESS =
      "CASE WHEN due_on IS NULL THEN 0 WHEN concluded_on > due_on THEN 2"
          + " WHEN extension_working_days > 0 AND original_due_on IS NOT NULL AND concluded_on > original_due_on"
          + " THEN 1 ELSE 0 END";

  static final List<String> TYPES = names(ApplicantType.values());
  static final List<String> OUTCOMES = names(Outcome.values());
  static final List<String> CHANNELS = names(Channel.values());
  static final List<String> INTERESTS = names(ThirdPartyInterest.values());
  static final List<String> NOT_HELD = names(NotHeldReason.values());

  /*
   * Groups are keyed by one integer built from the codes' positions (0 = unknown, so a bad code still shows as a
   * break): grouping on an integer is several times cheaper for the database than on five text columns. The database
   * keeps both keys (and the years) in indexed generated columns defined by V6__statistics.sql with exactly these
   * expressions (StatisticsKeysTest): stat_concluded_key, stat_new_key, stat_concluded_year, stat_received_year.
   */
  static final String CONCLUDED_KEY =
      code("applicant_type", TYPES)
          + " * 1000000 + "
          + code("outcome", OUTCOMES)
          + " * 10000 + CASE WHEN already_public THEN 1000 ELSE 0 END + "
          + code("third_party_interest", INTERESTS)
          + " * 100 + "
          + code("not_held_reason", NOT_HELD)
          + " * 10 + "
          + TIMELINESS;
  static final String NEW_KEY =
      code("applicant_type", TYPES)
          + " * 10000 + "
          + code("channel", CHANNELS)
          + " * 100 + MONTH(received_on)";

  /*
   * Which rows each facet counts, as WHERE conditions of dd_request / dd_appeal. Shared with DrillDownRepository, so
   * a drill-down lists the requests of a cell by the very conditions the cell was counted by.
   */
  /** dd_request, NEW facet; parameter: the year. */
  static final String RECEIVED_IN_YEAR = "stat_received_year = ?";

  /** dd_request, CONCLUDED facet; parameter: the year. */
  static final String CONCLUDED_IN_YEAR = "stat_concluded_year = ?";

  /** dd_request, CARRIED_OVER facet; parameters: Y-01-01 twice. */
  static final String OPEN_AT_START =
      "received_on < ? AND (concluded_on IS NULL OR concluded_on >= ?)";

  /** dd_request, CARRIED_FORWARD facet; parameters: Y-12-31 twice. */
  static final String OPEN_AT_END =
      "received_on <= ? AND (concluded_on IS NULL OR concluded_on > ?)";

  /** dd_appeal, APPEAL_DECIDED facet; parameters: Y-01-01, Y-12-31. */
  static final String APPEAL_DECIDED_IN_YEAR = "decided_on BETWEEN ? AND ? AND result IS NOT NULL";

  /** dd_appeal, APPEAL_PENDING facet; parameters: Y-12-31 twice. */
  static final String APPEAL_OPEN_AT_END =
      "received_on <= ? AND (decided_on IS NULL OR decided_on > ?)";

  private final JdbcClient jdbc;

  public StatisticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A year's groups in one statement (one snapshot, so a commit in between cannot fake an identity
   * break): the two big groupings from the running tallies, the rest counted directly. A group may
   * come once per agency: whoever reads the list adds counts up ({@link AnnualTable#compute} does).
   * {@code agencies}: whose requests (DOMAIN.md §8: each agency's table is its own; several = the
   * cell-by-cell sum); null = every request on the platform.
   */
  public List<Tally> tallies(int year, Collection<String> agencies) {
    return query(year, agencies, true, false).getOrDefault(null, List.of());
  }

  /** Every request of the platform (a platform of one agency). */
  public List<Tally> tallies(int year) {
    return tallies(year, null);
  }

  /** The same groups per agency, in one statement: the overview of every agency's year. */
  public Map<String, List<Tally>> talliesByAgency(int year, Collection<String> agencies) {
    return query(year, agencies, true, true);
  }

  /**
   * The same groups, all counted from dd_request: what the tallies must equal (reconciliation,
   * tests).
   */
  public List<Tally> recount(int year) {
    return recount(year, null);
  }

  public List<Tally> recount(int year, Collection<String> agencies) {
    return query(year, agencies, false, false).getOrDefault(null, List.of());
  }

  public Map<String, List<Tally>> recountByAgency(int year, Collection<String> agencies) {
    return query(year, agencies, false, true);
  }

  /**
   * Builds the statement: {@code tallied} reads the two big groupings from dd_stat_tally (else
   * recounts them from dd_request); {@code byAgency} keeps each agency's groups apart (the map's
   * keys), else one list under null.
   */
  private Map<String, List<Tally>> query(
      int year, Collection<String> agencies, boolean tallied, boolean byAgency) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    Statement q = new Statement(agencies, byAgency);
    if (tallied) {
      // the running tallies: a few hundred rows per agency whatever the volume
      // one row per agency and group; for a sum of agencies the tables add the agencies' rows of a
      // group up (no GROUP BY here: it would sort tens of thousands of rows for 40 agencies, where
      // reading them in key order is what the overview costs)
      q.branch(
              "SELECT "
                  + q.group("agency_code")
                  + " g, facet f, stat_key k, NULL a, topic t, n, 0 amt"
                  + " FROM dd_stat_tally WHERE stat_year = ? AND n <> 0",
              year)
          .filter("agency_code");
    } else {
      q.branch(
              "SELECT "
                  + q.group("agency_code")
                  + " g, 'CONCLUDED' f, stat_concluded_key k, NULL a, NULL t,"
                  + " COUNT(*) n, 0 amt FROM dd_request WHERE "
                  + CONCLUDED_IN_YEAR,
              year)
          .filter("agency_code")
          .groupBy("agency_code", "stat_concluded_key");
      q.branch(
              "SELECT "
                  + q.group("agency_code")
                  + ", 'NEW', stat_new_key, NULL, topic, COUNT(*), 0"
                  + " FROM dd_request WHERE "
                  + RECEIVED_IN_YEAR,
              year)
          .filter("agency_code")
          .groupBy("agency_code", "stat_new_key, topic");
    }
    // open at a date, appeals and fees: small index ranges, always counted directly
    q.branch(
            "SELECT "
                + q.group("agency_code")
                + ", 'CARRIED_OVER', 0, applicant_type, NULL, COUNT(*), 0"
                + " FROM dd_request WHERE "
                + OPEN_AT_START,
            start,
            start)
        .filter("agency_code")
        .groupBy("agency_code", "applicant_type");
    q.branch(
            "SELECT "
                + q.group("agency_code")
                + ", 'CARRIED_FORWARD', 0, applicant_type, NULL, COUNT(*), 0"
                + " FROM dd_request WHERE "
                + OPEN_AT_END,
            end,
            end)
        .filter("agency_code")
        .groupBy("agency_code", "applicant_type");
    // an appeal or a fee belongs to its request's agency
    if (q.perAgency()) {
      q.branch(
              "SELECT "
                  + q.group("r.agency_code")
                  + ", 'APPEAL_DECIDED', 0, ap.kind, ap.result, COUNT(*), 0"
                  + " FROM (SELECT request_id, kind, result FROM dd_appeal WHERE "
                  + APPEAL_DECIDED_IN_YEAR
                  + ") ap"
                  + " JOIN dd_request r ON r.id = ap.request_id WHERE 1 = 1",
              start,
              end)
          .filter("r.agency_code")
          .groupBy("r.agency_code", "ap.kind, ap.result");
      q.branch(
              "SELECT "
                  + q.group("r.agency_code")
                  + ", 'APPEAL_PENDING', 0, ap.kind, NULL, COUNT(*), 0"
                  + " FROM (SELECT request_id, kind FROM dd_appeal WHERE "
                  + APPEAL_OPEN_AT_END
                  + ") ap"
                  + " JOIN dd_request r ON r.id = ap.request_id WHERE 1 = 1",
              end,
              end)
          .filter("r.agency_code")
          .groupBy("r.agency_code", "ap.kind");
      q.branch(
              "SELECT "
                  + q.group("r.agency_code")
                  + ", 'FEES', 0, NULL, NULL, COUNT(*),"
                  + " COALESCE(SUM(fn.amount_yuan), 0) FROM dd_fee_notice fn JOIN dd_request r ON r.id = fn.request_id"
                  + " WHERE fn.status = 'PAID' AND fn.paid_on BETWEEN ? AND ?",
              start,
              end)
          .filter("r.agency_code")
          .groupBy("r.agency_code", null);
    } else {
      q.branch(
          "SELECT NULL, 'APPEAL_DECIDED', 0, kind, result, COUNT(*), 0"
              + " FROM dd_appeal WHERE "
              + APPEAL_DECIDED_IN_YEAR
              + " GROUP BY kind, result",
          start,
          end);
      q.branch(
          "SELECT NULL, 'APPEAL_PENDING', 0, kind, NULL, COUNT(*), 0"
              + " FROM dd_appeal WHERE "
              + APPEAL_OPEN_AT_END
              + " GROUP BY kind",
          end,
          end);
      q.branch(
          "SELECT NULL, 'FEES', 0, NULL, NULL, COUNT(*), COALESCE(SUM(amount_yuan), 0)"
              + " FROM dd_fee_notice WHERE status = 'PAID' AND paid_on BETWEEN ? AND ?",
          start,
          end);
    }
    Map<String, List<Tally>> out = new LinkedHashMap<>();
    jdbc.sql(q.text())
        .params(q.params())
        .query(
            rs -> {
              String agency = byAgency ? rs.getString("g") : null;
              out.computeIfAbsent(agency, a -> new ArrayList<>())
                  .add(
                      tally(
                          Tally.Facet.valueOf(rs.getString("f").trim()),
                          rs.getLong("k"),
                          rs.getString("a"),
                          blankToNull(rs.getString("t")),
                          rs.getLong("n"),
                          rs.getBigDecimal("amt")));
            });
    return out;
  }

  /**
   * One statement of UNION ALL branches, each optionally narrowed to some agencies ({@code
   * agency_code IN (…)}) and grouped by agency; the parameters in the order the text needs them.
   */
  private static final class Statement {
    private final Collection<String> agencies;
    private final boolean byAgency;
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Statement(Collection<String> agencies, boolean byAgency) {
      this.agencies = agencies == null ? null : List.copyOf(agencies);
      this.byAgency = byAgency;
    }

    /**
     * Whether branches must look at the agency at all (else the one-agency statements, unchanged).
     */
    boolean perAgency() {
      return agencies != null || byAgency;
    }

    String group(String column) {
      return byAgency ? column : "NULL";
    }

    Statement branch(String sql, Object... values) {
      if (!text.isEmpty()) {
        text.append("\nUNION ALL\n");
      }
      text.append(sql);
      params.addAll(List.of(values));
      return this;
    }

    Statement filter(String column) {
      if (agencies != null) {
        text.append(" AND ")
            .append(column)
            .append(" IN (")
            .append(String.join(", ", Collections.nCopies(agencies.size(), "?")))
            .append(")");
        params.addAll(agencies);
      }
      return this;
    }

    /** GROUP BY the agency (when kept apart) and {@code rest} (null: nothing else). */
    Statement groupBy(String agencyColumn, String rest) {
      List<String> by = new ArrayList<>();
      if (byAgency) {
        by.add(agencyColumn);
      }
      if (rest != null) {
        by.add(rest);
      }
      if (!by.isEmpty()) {
        text.append(" GROUP BY ").append(String.join(", ", by));
      }
      return this;
    }

    String text() {
      return text.toString();
    }

    List<Object> params() {
      return params;
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s; // the tallies keep "no topic" as ''
  }

  /** Decodes a group's integer key back into the codes. */
  static Tally tally(Tally.Facet f, long k, String a, String t, long n, BigDecimal amt) {
    BigDecimal amount = amt == null ? BigDecimal.ZERO : amt;
    return switch (f) {
      case CONCLUDED ->
          new Tally(
              f,
              name(TYPES, k / 1000000),
              name(OUTCOMES, k / 10000 % 100),
              k / 1000 % 10 == 1 ? "Y" : "N",
              name(INTERESTS, k / 100 % 10),
              name(NOT_HELD, k / 10 % 10),
              Timeliness.values()[(int) (k % 10)].name(),
              0,
              n,
              amount);
      case NEW ->
          new Tally(
              f,
              name(TYPES, k / 10000),
              name(CHANNELS, k / 100 % 100),
              t,
              null,
              null,
              null,
              (int) (k % 100),
              n,
              amount);
      default ->
          new Tally(
              f,
              f == Tally.Facet.APPEAL_DECIDED || f == Tally.Facet.APPEAL_PENDING ? null : a,
              f == Tally.Facet.APPEAL_DECIDED || f == Tally.Facet.APPEAL_PENDING ? a : null,
              t,
              null,
              null,
              null,
              0,
              n,
              amount);
    };
  }

  private static String name(List<String> codes, long position) {
    return position <= 0 || position > codes.size() ? null : codes.get((int) position - 1);
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** CASE column WHEN 'A' THEN 1 WHEN 'B' THEN 2 … ELSE 0 END */
  private static String code(String column, List<String> codes) {
    StringBuilder b = new StringBuilder("(CASE ").append(column);
    for (int i = 0; i < codes.size(); i++) {
      b.append(" WHEN '").append(codes.get(i)).append("' THEN ").append(i + 1);
    }
    return b.append(" ELSE 0 END)").toString();
  }

  /** Requests open and past their due date today, per agency (the overview's "overdue now"). */
  public Map<String, Long> overdueByAgency(LocalDate today) {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT agency_code, COUNT(*) n FROM dd_request WHERE "
                + RequestRepository.OVERDUE
                + " GROUP BY agency_code")
        .param(today)
        .query(
            rs -> {
              out.put(rs.getString("agency_code"), rs.getLong("n"));
            });
    return out;
  }

  public record Offender(String trackingNumber, String applicantType, String problem) {}

  /**
   * Only when the identity breaks: the requests that make it break — concluded before they were
   * received, concluded without a known outcome, or with an unknown applicant type — named by
   * tracking number.
   */
  public List<Offender> offenders(int year, Collection<String> agencies) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    String outcomes =
        Arrays.stream(Outcome.values())
            .map(o -> "'" + o.name() + "'")
            .collect(Collectors.joining(","));
    String types =
        Arrays.stream(ApplicantType.values())
            .map(o -> "'" + o.name() + "'")
            .collect(Collectors.joining(","));
    List<Object> params = new ArrayList<>(List.of(end, start, start, start, end));
    if (agencies != null) {
      params.addAll(agencies);
    }
    List<Offender> out = new ArrayList<>();
    jdbc.sql(
            "SELECT tracking_number, applicant_type, received_on, concluded_on, outcome FROM dd_request"
                + " WHERE ((received_on <= ? AND (concluded_on IS NULL OR concluded_on >= ? OR received_on >= ?))"
                + "   OR concluded_on BETWEEN ? AND ?)"
                + " AND ((concluded_on IS NOT NULL AND concluded_on < received_on)"
                + "   OR (concluded_on IS NOT NULL AND (outcome IS NULL OR outcome NOT IN ("
                + outcomes
                + ")))"
                + "   OR applicant_type NOT IN ("
                + types
                + "))"
                + (agencies == null
                    ? ""
                    : " AND agency_code IN ("
                        + String.join(", ", Collections.nCopies(agencies.size(), "?"))
                        + ")")
                + " ORDER BY tracking_number")
        .params(params)
        .query(
            rs -> {
              LocalDate received = rs.getObject("received_on", LocalDate.class);
              LocalDate concluded = rs.getObject("concluded_on", LocalDate.class);
              String problem =
                  concluded != null && concluded.isBefore(received)
                      ? "办结日期早于收到申请日期"
                      : rs.getString("outcome") == null
                              || concluded != null && !validOutcome(rs.getString("outcome"))
                          ? "已办结但没有有效的办理结果"
                          : "申请人类型无效";
              out.add(
                  new Offender(
                      rs.getString("tracking_number"), rs.getString("applicant_type"), problem));
            });
    return out;
  }

  private static boolean validOutcome(String s) {
    return Arrays.stream(Outcome.values()).anyMatch(o -> o.name().equals(s));
  }
}
