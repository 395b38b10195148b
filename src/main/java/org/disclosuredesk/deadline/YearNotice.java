package org.disclosuredesk.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One year's State Council holiday notice: extra days off, make-up working days (调休上班) and the
 * named holidays. The shipped file and admin uploads share one JSON shape: {@code {"2024": {"off":
 * [], "work": [], "holidays": []}}}.
 */
public record YearNotice(
    int year, List<LocalDate> off, List<LocalDate> work, List<Holiday> holidays) {

  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;

  public YearNotice {
    // kept in the given order so that problems() names the fields as the caller sent them
    off = List.copyOf(off);
    work = List.copyOf(work);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  /** The holiday name of a day off of this notice, or null. */
  public String nameOf(LocalDate day) {
    for (Holiday h : holidays) {
      if (h.contains(day)) {
        return h.name();
      }
    }
    return null;
  }

  /**
   * What is wrong with this notice, field name to Chinese problem; empty when it is plausible. Days
   * off on a weekend are only accepted as part of a run that touches a weekday off or the year's
   * edge (the notices list whole breaks, weekends included; a lone weekend day off is a typo), and
   * make-up working days must be weekend days.
   */
  public Map<String, String> problems() {
    Map<String, String> p = new LinkedHashMap<>();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      p.put("year", "年份须在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间");
      return p;
    }
    Set<LocalDate> offSet = new HashSet<>(off);
    for (int i = 0; i < off.size(); i++) {
      LocalDate d = off.get(i);
      if (d.getYear() != year) {
        p.put("off[" + i + "]", d + " 不在 " + year + " 年内");
      } else if (work.contains(d)) {
        p.put("off[" + i + "]", d + " 不能同时是放假日和调休上班日");
      } else if (isWeekend(d) && !touchesWeekdayOrYearEdge(d, offSet)) {
        p.put("off[" + i + "]", d + " 是" + weekday(d) + "，本就休息，且不与任何工作日放假相连，请核对");
      }
    }
    for (int i = 0; i < work.size(); i++) {
      LocalDate d = work.get(i);
      if (d.getYear() != year) {
        p.put("work[" + i + "]", d + " 不在 " + year + " 年内");
      } else if (!isWeekend(d)) {
        p.put("work[" + i + "]", d + " 是" + weekday(d) + "，本就是工作日，无需列为调休上班日，请核对");
      }
    }
    for (int i = 0; i < holidays.size(); i++) {
      Holiday h = holidays.get(i);
      String f = "holidays[" + i + "]";
      if (h.name().isBlank() || h.name().length() > 100) {
        p.put(f + ".name", "节日名称必填，且不超过 100 个字符");
      }
      if (ChronoUnit.DAYS.between(h.from(), h.to()) > 31) {
        p.put(f + ".to", "一个假期不超过 31 天");
      } else if (h.to().getYear() < year || h.from().getYear() > year) {
        p.put(f + ".from", "假期 " + h.from() + "至" + h.to() + " 不在 " + year + " 年内");
      }
    }
    return p;
  }

  private static boolean touchesWeekdayOrYearEdge(LocalDate d, Set<LocalDate> offSet) {
    for (int dir = -1; dir <= 1; dir += 2) {
      for (LocalDate x = d; offSet.contains(x); x = x.plusDays(dir)) {
        if (!isWeekend(x)) {
          return true;
        }
        LocalDate next = x.plusDays(dir);
        if (next.getYear() != d.getYear()) {
          return true; // the break goes on in the neighbouring year's notice
        }
      }
    }
    return false;
  }

  static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  static String weekday(LocalDate d) {
    return "星期" + "一二三四五六日".charAt(d.getDayOfWeek().getValue() - 1);
  }

  /** Reads the shipped / uploaded JSON shape; {@code holidays} is optional. */
  public static Map<Integer, YearNotice> readAll(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.isObject()) {
      throw new IOException("calendar JSON must be an object keyed by year");
    }
    Map<Integer, YearNotice> out = new TreeMap<>();
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      int year = Integer.parseInt(e.getKey());
      JsonNode y = e.getValue();
      List<Holiday> hol = new ArrayList<>();
      for (JsonNode h : y.path("holidays")) {
        hol.add(
            new Holiday(
                h.path("name").asText(),
                LocalDate.parse(h.path("from").asText()),
                LocalDate.parse(h.path("to").asText())));
      }
      out.put(year, new YearNotice(year, dates(y.path("off")), dates(y.path("work")), hol));
    }
    return out;
  }

  private static List<LocalDate> dates(JsonNode arr) {
    List<LocalDate> l = new ArrayList<>();
    arr.forEach(n -> l.add(LocalDate.parse(n.asText())));
    return l;
  }
}
