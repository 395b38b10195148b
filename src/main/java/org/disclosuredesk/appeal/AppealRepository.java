package org.disclosuredesk.appeal;

import java.util.List;
import java.util.Optional;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.common.RecordRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code dd_appeal}: what table 四 counts (kind, received_on, result, decided_on) and what the steps
 * recorded.
 */
@Repository
public class AppealRepository {

  private static final RowMapper<AppealRow> ROWS = new RecordRowMapper<>(AppealRow.class);

  private final JdbcClient jdbc;

  public AppealRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AppealRow> find(String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dd_appeal WHERE id = ?").param(id).query(ROWS).optional();
  }

  public AppealRow get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("没有这个复议或诉讼案件：" + id));
  }

  /** Serialises the steps of one appeal (API and Tasklist alike) on every cluster node. */
  public AppealRow lock(String id) {
    if (id == null || id.length() > 36) {
      throw new NotFoundException("没有这个复议或诉讼案件：" + id);
    }
    return jdbc.sql("SELECT * FROM dd_appeal WHERE id = ? FOR UPDATE")
        .param(id)
        .query(ROWS)
        .optional()
        .orElseThrow(() -> new NotFoundException("没有这个复议或诉讼案件：" + id));
  }

  /**
   * Appeals whose reply or defence is still being prepared: their statutory due date counts on the
   * calendar.
   */
  public List<String> respondingIds() {
    return jdbc.sql("SELECT id FROM dd_appeal WHERE status = ?")
        .param(AppealStatus.RESPONDING.name())
        .query(String.class)
        .list();
  }

  public List<AppealRow> ofRequest(String requestId) {
    return jdbc.sql("SELECT * FROM dd_appeal WHERE request_id = ? ORDER BY received_on, created_at")
        .param(requestId)
        .query(ROWS)
        .list();
  }

  /**
   * The appeals these process instances belong to (an appeal task's case, found without the
   * engine).
   */
  public List<AppealRow> byProcessInstanceIds(java.util.Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dd_appeal WHERE process_instance_id IN (:ids)")
        .param("ids", List.copyOf(processInstanceIds))
        .query(ROWS)
        .list();
  }

  /**
   * Open appeals (at most {@code limit}) whose case number is {@code q}, or whose request's
   * tracking number is {@code q} or applicant's name contains it: the Tasklist search box.
   */
  public List<String> openIdsByCaseTrackingNumberOrApplicant(String q, int limit) {
    String like = org.disclosuredesk.common.LikePattern.containing(q);
    return jdbc.sql(
            "SELECT a.id FROM dd_appeal a JOIN dd_request r ON r.id = a.request_id"
                + " WHERE a.status <> :closed AND (a.case_number = :q OR r.tracking_number = :q"
                + " OR r.applicant_name LIKE :like ESCAPE '!') ORDER BY a.response_due_on LIMIT "
                + Math.max(1, limit))
        .param("closed", AppealStatus.CLOSED.name())
        .param("q", q)
        .param("like", like)
        .query(String.class)
        .list();
  }

  public boolean exists(String requestId, String kind, String caseNumber) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM dd_appeal WHERE request_id = ? AND kind = ? AND case_number = ?")
            .params(requestId, kind, caseNumber)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void insert(Columns columns) {
    jdbc.sql(columns.insertInto("dd_appeal")).params(columns.parameters()).update();
  }

  public void update(String id, Columns columns) {
    jdbc.sql("UPDATE dd_appeal SET " + columns.assignments() + " WHERE id = :id")
        .params(columns.parameters())
        .param("id", id)
        .update();
  }
}
