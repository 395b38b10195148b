package org.disclosuredesk.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.deadline.YearNotice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The calendar tables of V2__calendar.sql. Writers call {@link #lockRevision()} first, inside their
 * transaction.
 */
@Repository
class CalendarRepository {

  /** One listed day as stored. */
  record DayRow(LocalDate date, String kind, String name) {}

  private final JdbcTemplate jdbc;

  CalendarRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int revision() {
    return jdbc.queryForObject(
        "SELECT revision FROM dd_calendar_revision WHERE id = 1", Integer.class);
  }

  /** Serialises writers across the cluster (a row lock on the revision counter). */
  int lockRevision() {
    return jdbc.queryForObject(
        "SELECT revision FROM dd_calendar_revision WHERE id = 1 FOR UPDATE", Integer.class);
  }

  void bumpRevision() {
    jdbc.update(
        "UPDATE dd_calendar_revision SET revision = revision + 1, updated_at = ? WHERE id = 1",
        Timestamp.from(Instant.now()));
  }

  /**
   * Who entered the year and when, as the calendar page says it: "国务院办公厅放假通知（随系统发布），2026-12-06 由
   * system 录入".
   */
  java.util.Optional<String> source(int year) {
    return jdbc
        .query(
            "SELECT origin, updated_at, updated_by FROM dd_calendar_year WHERE cal_year = ?",
            (rs, i) ->
                rs.getString(1)
                    + "，"
                    + rs.getTimestamp(2).toLocalDateTime().toLocalDate()
                    + " 由 "
                    + rs.getString(3)
                    + " 录入",
            year)
        .stream()
        .findFirst();
  }

  List<Integer> years() {
    return jdbc.queryForList(
        "SELECT cal_year FROM dd_calendar_year ORDER BY cal_year", Integer.class);
  }

  List<DayRow> days(int year) {
    return jdbc.query(
        "SELECT cal_date, kind, name FROM dd_calendar_day WHERE cal_year = ? ORDER BY cal_date",
        (rs, i) -> new DayRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)),
        year);
  }

  WorkingDayCalendar loadCalendar() {
    List<Integer> years = years();
    Map<LocalDate, String> off = new HashMap<>();
    List<LocalDate> work = new ArrayList<>();
    jdbc.query(
        "SELECT cal_date, kind, name FROM dd_calendar_day",
        rs -> {
          LocalDate d = rs.getObject(1, LocalDate.class);
          if ("OFF".equals(rs.getString(2))) {
            off.put(d, rs.getString(3));
          } else {
            work.add(d);
          }
        });
    return new WorkingDayCalendar(years, off, work);
  }

  /** The rows a notice is stored as. */
  static List<DayRow> rows(YearNotice n) {
    List<DayRow> rows = new ArrayList<>();
    n.off().stream().distinct().forEach(d -> rows.add(new DayRow(d, "OFF", n.nameOf(d))));
    n.work().stream().distinct().forEach(d -> rows.add(new DayRow(d, "WORK", null)));
    rows.sort((a, b) -> a.date().compareTo(b.date()));
    return rows;
  }

  boolean sameAsStored(YearNotice n) {
    return years().contains(n.year()) && Objects.equals(days(n.year()), rows(n));
  }

  void replaceYear(YearNotice n, String origin, String by) {
    jdbc.update("DELETE FROM dd_calendar_day WHERE cal_year = ?", n.year());
    jdbc.update("DELETE FROM dd_calendar_year WHERE cal_year = ?", n.year());
    jdbc.update(
        "INSERT INTO dd_calendar_year (cal_year, origin, updated_at, updated_by) VALUES (?, ?, ?, ?)",
        n.year(),
        origin,
        Timestamp.from(Instant.now()),
        by);
    jdbc.batchUpdate(
        "INSERT INTO dd_calendar_day (cal_date, cal_year, kind, name) VALUES (?, ?, ?, ?)",
        rows(n),
        100,
        (ps, r) -> {
          ps.setObject(1, r.date());
          ps.setInt(2, n.year());
          ps.setString(3, r.kind());
          ps.setString(4, r.name());
        });
  }
}
