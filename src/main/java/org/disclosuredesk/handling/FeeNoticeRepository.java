package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.common.RecordRowMapper;
import org.disclosuredesk.handling.Fees.FeeNotice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code dd_fee_notice}: fee notices, OPEN until paid or expired (WAIVED when nothing is to be
 * paid).
 */
@Repository
public class FeeNoticeRepository {

  private static final RecordRowMapper<FeeNotice> ROWS = new RecordRowMapper<>(FeeNotice.class);
  private static final RecordRowMapper<OpenPeriod> PERIODS =
      new RecordRowMapper<>(OpenPeriod.class);

  private final JdbcClient jdbc;

  public FeeNoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Open or paid: a request has at most one such notice. */
  public boolean anyOpenOrPaid(String requestId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM dd_fee_notice WHERE request_id = ? AND status IN ('OPEN', 'PAID')")
            .param(requestId)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void insert(FeeNotice notice) {
    jdbc.sql(
            "INSERT INTO dd_fee_notice (id, request_id, notice_on, delivered_on, method, pages, amount_yuan, waived,"
                + " waiver_reason, payment_due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            notice.id(),
            notice.requestId(),
            notice.noticeOn(),
            notice.deliveredOn(),
            notice.method(),
            notice.pages(),
            notice.amountYuan(),
            notice.waived(),
            notice.waiverReason(),
            notice.paymentDueOn(),
            notice.status())
        .update();
  }

  public void paid(String id, LocalDate paidOn) {
    jdbc.sql("UPDATE dd_fee_notice SET paid_on = ?, status = 'PAID' WHERE id = ?")
        .params(paidOn, id)
        .update();
  }

  public void expired(String id) {
    jdbc.sql("UPDATE dd_fee_notice SET status = 'EXPIRED' WHERE id = ?").param(id).update();
  }

  public Optional<FeeNotice> find(String requestId, String id) {
    return jdbc.sql("SELECT * FROM dd_fee_notice WHERE id = ? AND request_id = ?")
        .params(id, requestId)
        .query(ROWS)
        .optional();
  }

  public List<FeeNotice> of(String requestId) {
    return jdbc.sql("SELECT * FROM dd_fee_notice WHERE request_id = ? ORDER BY notice_on, id")
        .param(requestId)
        .query(ROWS)
        .list();
  }

  /** The request's open notices, with their last day to pay. */
  List<OpenPeriod> openPeriods(String requestId) {
    return jdbc.sql(
            "SELECT id, delivered_on, payment_due_on AS last_day FROM dd_fee_notice"
                + " WHERE request_id = ? AND status = 'OPEN' ORDER BY id")
        .param(requestId)
        .query(PERIODS)
        .list();
  }

  void moveLastDay(String id, LocalDate lastDay) {
    jdbc.sql("UPDATE dd_fee_notice SET payment_due_on = ? WHERE id = ?")
        .params(lastDay, id)
        .update();
  }
}
