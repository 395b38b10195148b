package org.disclosuredesk.statistics;

import java.time.LocalDateTime;
import java.util.Optional;
import org.disclosuredesk.common.RecordRowMapper;
import org.disclosuredesk.statistics.counting.ProactiveFigures;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The manager's figures of table 二, one row per agency and year ({@code dd_proactive_disclosure},
 * V14/V19).
 */
@Repository
public class ProactiveRepository {

  public record Saved(ProactiveFigures figures, LocalDateTime updatedAt, String updatedBy) {}

  private static final RecordRowMapper<ProactiveFigures> FIGURES =
      new RecordRowMapper<>(ProactiveFigures.class);
  private static final String COLUMNS =
      "regulations_issued, regulations_repealed, regulations_in_force,"
          + " normative_documents_issued, normative_documents_repealed, normative_documents_in_force,"
          + " licensing_decisions, penalty_decisions, coercion_decisions, charges_ten_thousand_yuan";

  private final JdbcClient jdbc;

  public ProactiveRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Saved> find(String agency, int year) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", updated_at, updated_by FROM dd_proactive_disclosure"
                + " WHERE agency_code = ? AND report_year = ?")
        .params(agency, year)
        .query(
            (rs, i) ->
                new Saved(
                    FIGURES.mapRow(rs, i),
                    rs.getObject("updated_at", LocalDateTime.class),
                    rs.getString("updated_by")))
        .optional();
  }

  public ProactiveFigures figures(String agency, int year) {
    return find(agency, year).map(Saved::figures).orElse(ProactiveFigures.BLANK);
  }

  /**
   * Replaces the year's row (every cell, nulls included); two managers saving at once: the later
   * one wins.
   */
  public void save(String agency, int year, ProactiveFigures f, LocalDateTime at, String by) {
    Object[] values = {
      f.regulationsIssued(),
      f.regulationsRepealed(),
      f.regulationsInForce(),
      f.normativeDocumentsIssued(),
      f.normativeDocumentsRepealed(),
      f.normativeDocumentsInForce(),
      f.licensingDecisions(),
      f.penaltyDecisions(),
      f.coercionDecisions(),
      f.chargesTenThousandYuan(),
      at,
      by,
      year,
      agency
    };
    String update =
        "UPDATE dd_proactive_disclosure SET regulations_issued = ?, regulations_repealed = ?,"
            + " regulations_in_force = ?, normative_documents_issued = ?, normative_documents_repealed = ?,"
            + " normative_documents_in_force = ?, licensing_decisions = ?, penalty_decisions = ?, coercion_decisions = ?,"
            + " charges_ten_thousand_yuan = ?, updated_at = ?, updated_by = ? WHERE report_year = ? AND agency_code = ?";
    if (jdbc.sql(update).params(values).update() > 0) {
      return;
    }
    try {
      jdbc.sql(
              "INSERT INTO dd_proactive_disclosure ("
                  + COLUMNS
                  + ", updated_at, updated_by, report_year,"
                  + " agency_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values)
          .update();
    } catch (DuplicateKeyException raced) {
      // another manager inserted the year's first row a moment ago: write over it as a second save
      // would
      jdbc.sql(update).params(values).update();
    }
  }
}
