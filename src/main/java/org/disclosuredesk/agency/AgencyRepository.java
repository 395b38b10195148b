package org.disclosuredesk.agency;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The agency registry and its members (dd_agency, dd_agency_member): the only SQL of the feature.
 */
@Repository
class AgencyRepository {

  record Member(String agencyCode, String userId) {}

  private static final String COLUMNS =
      "code, name, short_name, kind, parent_code, address, phone, email,"
          + " reconsideration_body, court, active";

  private static final RowMapper<Agency> AGENCY =
      (rs, i) ->
          new Agency(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              AgencyKind.valueOf(rs.getString(4)),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getBoolean(11));

  private final JdbcTemplate jdbc;

  AgencyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dd_agency", Integer.class);
  }

  List<Agency> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM dd_agency ORDER BY code", AGENCY);
  }

  List<Agency> active() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM dd_agency WHERE active = TRUE ORDER BY code", AGENCY);
  }

  Optional<Agency> find(String code) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dd_agency WHERE code = ?", AGENCY, code).stream()
        .findFirst();
  }

  /** False if the code is taken (also when another node inserted it at the same moment). */
  boolean insert(Agency a, LocalDateTime now) {
    try {
      jdbc.update(
          "INSERT INTO dd_agency ("
              + COLUMNS
              + ", created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          a.code(),
          a.name(),
          a.shortName(),
          a.kind().name(),
          a.parentCode(),
          a.address(),
          a.phone(),
          a.email(),
          a.reconsiderationBody(),
          a.court(),
          a.active(),
          now,
          now);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  void update(Agency a, LocalDateTime now) {
    jdbc.update(
        "UPDATE dd_agency SET name = ?, short_name = ?, kind = ?, parent_code = ?, address = ?, phone = ?,"
            + " email = ?, reconsideration_body = ?, court = ?, active = ?, updated_at = ? WHERE code = ?",
        a.name(),
        a.shortName(),
        a.kind().name(),
        a.parentCode(),
        a.address(),
        a.phone(),
        a.email(),
        a.reconsiderationBody(),
        a.court(),
        a.active(),
        now,
        a.code());
  }

  List<Member> members() {
    return jdbc.query(
        "SELECT agency_code, user_id FROM dd_agency_member ORDER BY agency_code, user_id",
        (rs, i) -> new Member(rs.getString(1), rs.getString(2)));
  }

  List<String> agenciesOf(String userId) {
    return jdbc.queryForList(
        "SELECT agency_code FROM dd_agency_member WHERE user_id = ? ORDER BY agency_code",
        String.class,
        userId);
  }

  List<String> members(String code) {
    return jdbc.queryForList(
        "SELECT user_id FROM dd_agency_member WHERE agency_code = ? ORDER BY user_id",
        String.class,
        code);
  }

  /**
   * Idempotent: a membership that is already there (or another node's at the same moment) is left
   * as it is.
   */
  void addMember(String code, String userId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM dd_agency_member WHERE agency_code = ? AND user_id = ?",
            Integer.class,
            code,
            userId);
    if (n != null && n > 0) {
      return;
    }
    try {
      jdbc.update(
          "INSERT INTO dd_agency_member (agency_code, user_id) VALUES (?, ?)", code, userId);
    } catch (DuplicateKeyException e) {
      // another node or request added it first
    }
  }

  void removeMember(String code, String userId) {
    jdbc.update("DELETE FROM dd_agency_member WHERE agency_code = ? AND user_id = ?", code, userId);
  }
}
