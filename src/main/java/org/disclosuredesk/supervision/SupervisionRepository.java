package org.disclosuredesk.supervision;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code dd_supervision_notice}: the supervising office's 督办 notices (V18). */
@Repository
class SupervisionRepository {

  record Notice(
      String id,
      String requestId,
      String agencyCode,
      String text,
      LocalDateTime sentAt,
      String sentBy) {}

  private final JdbcClient jdbc;

  SupervisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Notice n) {
    jdbc.sql(
            "INSERT INTO dd_supervision_notice (id, request_id, agency_code, text, sent_at, sent_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(n.id(), n.requestId(), n.agencyCode(), n.text(), n.sentAt(), n.sentBy())
        .update();
  }

  List<Notice> ofRequest(String requestId) {
    return jdbc.sql(
            "SELECT id, request_id, agency_code, text, sent_at, sent_by FROM dd_supervision_notice"
                + " WHERE request_id = ? ORDER BY sent_at, id")
        .param(requestId)
        .query(
            (rs, i) ->
                new Notice(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDateTime.class),
                    rs.getString(6)))
        .list();
  }

  /** Per agency, the requests still open that carry a 督办 (null agencies: all). */
  Map<String, Long> openPerAgency(Collection<String> agencies) {
    String in =
        agencies == null
            ? ""
            : agencies.isEmpty() ? " AND 1 = 0" : " AND r.agency_code IN (:agencies)";
    var spec =
        jdbc.sql(
            "SELECT r.agency_code, COUNT(DISTINCT r.id) FROM dd_supervision_notice n"
                + " JOIN dd_request r ON r.id = n.request_id WHERE r."
                + RequestRepository.OPEN
                + in
                + " GROUP BY r.agency_code");
    if (agencies != null && !agencies.isEmpty()) {
      spec = spec.param("agencies", agencies);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    spec.query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
    return out;
  }
}
