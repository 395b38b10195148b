package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.disclosuredesk.handling.Outcome;
import org.disclosuredesk.intake.ApplicantType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one statistics query: a single statement over dd_request, dd_appeal and dd_fee_notice whose UNION ALL branches
 * are each one grouped index range (receipt date, conclusion date, …). Never a per-request look-up, never the
 * Camunda history tables: a year of a million requests comes back as a few hundred groups.
 */
@Repository
public class StatisticsRepository {

  /** The SQL twin of {@link Timeliness#of}. */
  static final String TIMELINESS = "CASE WHEN due_on IS NULL THEN 'ON_TIME' WHEN concluded_on > due_on THEN 'OVERDUE'"
      + " WHEN extension_working_days > 0 AND original_due_on IS NOT NULL AND concluded_on > original_due_on"
      + " THEN 'EXTENDED' ELSE 'ON_TIME' END";

  static final String SQL = String.join("\n",
      "SELECT 'CONCLUDED' f, applicant_type a, outcome k1,",
      "  CASE WHEN already_public THEN 'Y' ELSE 'N' END k2, third_party_interest k3, not_held_reason k4,",
      "  " + TIMELINESS + " k5, 0 m, COUNT(*) n, 0 amt",
      "FROM dd_request WHERE concluded_on BETWEEN ? AND ?",
      "GROUP BY applicant_type, outcome, already_public, third_party_interest, not_held_reason, " + TIMELINESS,
      "UNION ALL",
      "SELECT 'NEW', applicant_type, channel, NULL, NULL, NULL, NULL, MONTH(received_on), COUNT(*), 0",
      "FROM dd_request WHERE received_on BETWEEN ? AND ? GROUP BY applicant_type, channel, MONTH(received_on)",
      "UNION ALL",
      "SELECT 'TOPIC', NULL, topic, NULL, NULL, NULL, NULL, 0, COUNT(*), 0",
      "FROM dd_request WHERE received_on BETWEEN ? AND ? GROUP BY topic",
      "UNION ALL",
      "SELECT 'CARRIED_OVER', applicant_type, NULL, NULL, NULL, NULL, NULL, 0, COUNT(*), 0",
      "FROM dd_request WHERE received_on < ? AND (concluded_on IS NULL OR concluded_on >= ?) GROUP BY applicant_type",
      "UNION ALL",
      "SELECT 'CARRIED_FORWARD', applicant_type, NULL, NULL, NULL, NULL, NULL, 0, COUNT(*), 0",
      "FROM dd_request WHERE received_on <= ? AND (concluded_on IS NULL OR concluded_on > ?) GROUP BY applicant_type",
      "UNION ALL",
      "SELECT 'APPEAL_DECIDED', NULL, kind, result, NULL, NULL, NULL, 0, COUNT(*), 0",
      "FROM dd_appeal WHERE decided_on BETWEEN ? AND ? AND result IS NOT NULL GROUP BY kind, result",
      "UNION ALL",
      "SELECT 'APPEAL_PENDING', NULL, kind, NULL, NULL, NULL, NULL, 0, COUNT(*), 0",
      "FROM dd_appeal WHERE received_on <= ? AND (decided_on IS NULL OR decided_on > ?) GROUP BY kind",
      "UNION ALL",
      "SELECT 'FEES', NULL, NULL, NULL, NULL, NULL, NULL, 0, COUNT(*), COALESCE(SUM(amount_yuan), 0)",
      "FROM dd_fee_notice WHERE status = 'PAID' AND paid_on BETWEEN ? AND ?");

  private final JdbcClient jdbc;

  public StatisticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Tally> tallies(int year) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    return jdbc.sql(SQL)
        .params(start, end, start, end, start, end, start, start, end, end, start, end, end, end, start, end)
        .query((rs, i) -> {
          BigDecimal amt = rs.getBigDecimal("amt");
          return new Tally(Tally.Facet.valueOf(rs.getString("f").trim()), rs.getString("a"), rs.getString("k1"),
              rs.getString("k2"), rs.getString("k3"), rs.getString("k4"), rs.getString("k5"), rs.getInt("m"),
              rs.getLong("n"), amt == null ? BigDecimal.ZERO : amt);
        })
        .list();
  }

  public record Offender(String trackingNumber, String applicantType, String problem) {}

  /**
   * Only when the identity breaks: the requests that make it break — concluded before they were received, concluded
   * without a known outcome, or with an unknown applicant type — named by tracking number.
   */
  public List<Offender> offenders(int year) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    String outcomes = Arrays.stream(Outcome.values()).map(o -> "'" + o.name() + "'").collect(Collectors.joining(","));
    String types = Arrays.stream(ApplicantType.values()).map(o -> "'" + o.name() + "'")
        .collect(Collectors.joining(","));
    List<Offender> out = new ArrayList<>();
    jdbc.sql("SELECT tracking_number, applicant_type, received_on, concluded_on, outcome FROM dd_request"
            + " WHERE ((received_on <= ? AND (concluded_on IS NULL OR concluded_on >= ? OR received_on >= ?))"
            + "   OR concluded_on BETWEEN ? AND ?)"
            + " AND ((concluded_on IS NOT NULL AND concluded_on < received_on)"
            + "   OR (concluded_on IS NOT NULL AND (outcome IS NULL OR outcome NOT IN (" + outcomes + ")))"
            + "   OR applicant_type NOT IN (" + types + "))"
            + " ORDER BY tracking_number")
        .params(end, start, start, start, end)
        .query(rs -> {
          LocalDate received = rs.getObject("received_on", LocalDate.class);
          LocalDate concluded = rs.getObject("concluded_on", LocalDate.class);
          String problem = concluded != null && concluded.isBefore(received) ? "办结日期早于收到申请日期"
              : rs.getString("outcome") == null || concluded != null && !validOutcome(rs.getString("outcome"))
                  ? "已办结但没有有效的办理结果" : "申请人类型无效";
          out.add(new Offender(rs.getString("tracking_number"), rs.getString("applicant_type"), problem));
        });
    return out;
  }

  private static boolean validOutcome(String s) {
    return Arrays.stream(Outcome.values()).anyMatch(o -> o.name().equals(s));
  }
}
