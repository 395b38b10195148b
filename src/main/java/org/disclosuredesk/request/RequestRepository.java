package org.disclosuredesk.request;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.common.RecordRowMapper;
import org.disclosuredesk.kernel.RequestStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code dd_request}: reads, the row lock that serialises actions on one request, and column
 * updates.
 */
@Repository
public class RequestRepository {

  /**
   * Not concluded, as an SQL condition on an unqualified {@code status}: a list of the open
   * statuses, so both databases range over ix_request_status (status, due_on); "status <>
   * 'CONCLUDED'" made H2 read every request (208,628 rows for the overdue list at 200,000 requests,
   * 3.8 s cold; with the list 7,327 rows, 34 ms).
   */
  public static final String OPEN =
      "status IN ("
          + Arrays.stream(RequestStatus.values())
              .filter(s -> s != RequestStatus.CONCLUDED)
              .map(s -> "'" + s.name() + "'")
              .collect(Collectors.joining(", "))
          + ")";

  /**
   * Open and past its statutory due date (the parameter: today); the ledger's filter and the
   * metrics use it.
   */
  public static final String OVERDUE = OPEN + " AND due_on < ?";

  private static final RowMapper<RequestRow> ROWS = new RecordRowMapper<>(RequestRow.class);
  private static final Object HELD = new Object();

  private final JdbcClient jdbc;
  private final List<RequestRowObserver> observers;

  public RequestRepository(JdbcClient jdbc, List<RequestRowObserver> observers) {
    this.jdbc = jdbc;
    this.observers = observers;
  }

  public Optional<RequestRow> find(String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    Map<String, RequestRow> held = held();
    if (held != null && held.get(id) != null) {
      return Optional.of(held.get(id));
    }
    Optional<RequestRow> row =
        jdbc.sql("SELECT * FROM dd_request WHERE id = ?").param(id).query(ROWS).optional();
    if (held != null && held.containsKey(id)) {
      row.ifPresent(r -> held.put(id, r));
    }
    return row;
  }

  /**
   * The rows this transaction holds locked (locked, or inserted), with their last read: nobody else
   * can change them until it ends, so a step that reads its request a dozen times reads the
   * database once per write. Null outside a transaction.
   */
  private static Map<String, RequestRow> held() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, RequestRow> held =
        (Map<String, RequestRow>) TransactionSynchronizationManager.getResource(HELD);
    if (held == null) {
      Map<String, RequestRow> fresh = new java.util.HashMap<>();
      TransactionSynchronizationManager.bindResource(HELD, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
            }
          });
      return fresh;
    }
    return held;
  }

  /** After a rollback to a savepoint: what was read since may be undone, so read again. */
  public void forgetHeldRows() {
    Map<String, RequestRow> held = held();
    if (held != null) {
      held.clear();
    }
  }

  public RequestRow get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("没有这个申请：" + id));
  }

  /**
   * Locks the request's row until the transaction ends, so two people acting on one request at once
   * are served one after the other on every cluster node; the second then sees the first one's
   * result.
   */
  public RequestRow lock(String id) {
    if (id == null || id.length() > 36) {
      throw new NotFoundException("没有这个申请：" + id);
    }
    Map<String, RequestRow> held = held();
    if (held != null && held.get(id) != null) {
      return held.get(id);
    }
    RequestRow row =
        jdbc.sql("SELECT * FROM dd_request WHERE id = ? FOR UPDATE")
            .param(id)
            .query(ROWS)
            .optional()
            .orElseThrow(() -> new NotFoundException("没有这个申请：" + id));
    if (held != null) {
      held.put(id, row);
    }
    return row;
  }

  /**
   * Open requests (at most {@code limit}) whose tracking number is {@code q} or whose applicant's
   * name contains it: the Tasklist search box.
   */
  public List<String> openIdsByTrackingNumberOrApplicant(String q, int limit) {
    String like = org.disclosuredesk.common.LikePattern.containing(q);
    return jdbc.sql(
            "SELECT id FROM dd_request WHERE "
                + OPEN
                + " AND (tracking_number = :q"
                + " OR applicant_name LIKE :like ESCAPE '!') ORDER BY due_on LIMIT "
                + Math.max(1, limit))
        .param("q", q)
        .param("like", like)
        .query(String.class)
        .list();
  }

  /** The requests {@code userId} registered most recently (a clerk's "我最近登记的申请"). */
  public List<RequestRow> recentlyRegisteredBy(String userId, int limit) {
    return jdbc.sql(
            "SELECT * FROM dd_request WHERE created_by = :user ORDER BY created_at DESC LIMIT "
                + Math.max(1, limit))
        .param("user", userId)
        .query(ROWS)
        .list();
  }

  /** Registered in [from, to) by anyone, newest first: the clerks' "today's registrations". */
  public List<RequestRow> registeredBetween(
      java.time.LocalDateTime from, java.time.LocalDateTime to, int limit) {
    return jdbc.sql(
            "SELECT * FROM dd_request WHERE created_at >= :from AND created_at < :to ORDER BY created_at DESC"
                + " LIMIT "
                + Math.max(1, limit))
        .param("from", from)
        .param("to", to)
        .query(ROWS)
        .list();
  }

  /** Open and past the due date on {@code today}, longest overdue first. */
  public List<RequestRow> overdue(LocalDate today, int limit) {
    return jdbc.sql(
            "SELECT * FROM dd_request WHERE "
                + OVERDUE
                + " ORDER BY due_on, tracking_number LIMIT "
                + Math.max(1, limit))
        .param(today)
        .query(ROWS)
        .list();
  }

  /** How many are open and past the due date on {@code today}. */
  public long overdueCount(LocalDate today) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_request WHERE " + OVERDUE)
        .param(today)
        .query(Long.class)
        .single();
  }

  /**
   * The requests these process instances belong to (a task's request, found without the engine).
   */
  public List<RequestRow> byProcessInstanceIds(java.util.Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dd_request WHERE process_instance_id IN (:ids)")
        .param("ids", List.copyOf(processInstanceIds))
        .query(ROWS)
        .list();
  }

  /** The requests of these ids, in no particular order. */
  public List<RequestRow> byIds(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dd_request WHERE id IN (:ids)")
        .param("ids", List.copyOf(ids))
        .query(ROWS)
        .list();
  }

  /**
   * A request known by this reference: the external reference it was registered with, or its
   * tracking number.
   */
  public Optional<RequestRow> findByReferenceOrTrackingNumber(String ref) {
    return findByExternalReference(ref)
        .or(
            () ->
                jdbc.sql("SELECT * FROM dd_request WHERE tracking_number = ?")
                    .param(ref)
                    .query(ROWS)
                    .optional());
  }

  public Optional<RequestRow> findByExternalReference(String ref) {
    return jdbc.sql("SELECT * FROM dd_request WHERE external_reference = ?")
        .param(ref)
        .query(ROWS)
        .optional();
  }

  /** The ids of the open requests, in id order. */
  public List<String> openIds() {
    return jdbc.sql("SELECT id FROM dd_request WHERE " + OPEN + " ORDER BY id")
        .query(String.class)
        .list();
  }

  /**
   * This request's place (1, 2, …) among its applicant's requests received in the same calendar
   * month, in order of receipt and tracking number: what the per-request fee tier counts.
   */
  public int placeInApplicantsMonth(RequestRow row) {
    LocalDate first = row.receivedOn().withDayOfMonth(1);
    return jdbc.sql(
            "SELECT COUNT(*) FROM dd_request WHERE applicant_key = ? AND received_on >= ? AND received_on < ?"
                + " AND (received_on < ? OR (received_on = ? AND tracking_number <= ?))")
        .params(
            row.applicantKey(),
            first,
            first.plusMonths(1),
            row.receivedOn(),
            row.receivedOn(),
            row.trackingNumber())
        .query(Integer.class)
        .single();
  }

  /**
   * The same applicant's other requests to the same agency received from {@code from} to {@code
   * to}, earliest first: the candidates for a possible duplicate.
   */
  public List<RequestRow> sameApplicantsOthers(RequestRow row, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT * FROM dd_request WHERE applicant_key = ? AND id <> ? AND received_on >= ?"
                + " AND received_on <= ? AND agency_code = ? ORDER BY received_on")
        .params(row.applicantKey(), row.id(), from, to, row.agencyCode())
        .query(ROWS)
        .list();
  }

  public void insert(Columns columns) {
    String id = String.valueOf(columns.get("id"));
    observers.forEach(o -> o.beforeWrite(id, true, columns.names()));
    jdbc.sql(columns.insertInto("dd_request")).params(columns.parameters()).update();
    forget(id);
    observers.forEach(o -> o.afterWrite(id, true, columns.names()));
  }

  /** Sets the given columns and bumps the row version. */
  public void update(String id, Columns columns) {
    observers.forEach(o -> o.beforeWrite(id, false, columns.names()));
    int updated =
        jdbc.sql(
                "UPDATE dd_request SET "
                    + columns.assignments()
                    + ", version = version + 1 WHERE id = :id")
            .params(columns.parameters())
            .param("id", id)
            .update();
    forget(id);
    if (updated != 1) {
      throw new NotFoundException("没有这个申请：" + id);
    }
    observers.forEach(o -> o.afterWrite(id, false, columns.names()));
  }

  public void update(String id, String column, Object value) {
    update(id, Columns.of(column, value));
  }

  /** A written row stays held (its lock lasts), its last read does not. */
  private static void forget(String id) {
    Map<String, RequestRow> held = held();
    if (held != null) {
      held.put(id, null);
    }
  }

  /** The request with this tracking number (a form that names a request by it), if there is one. */
  public Optional<RequestRow> findByTrackingNumber(String trackingNumber) {
    return jdbc.sql("SELECT * FROM dd_request WHERE tracking_number = ?")
        .param(trackingNumber)
        .query(ROWS)
        .optional();
  }
}
