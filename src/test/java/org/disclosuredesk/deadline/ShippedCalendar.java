package org.disclosuredesk.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shipped notices, and a naive day-by-day oracle of them to check the precomputed calendar
 * against.
 */
public final class ShippedCalendar {

  public static final Map<Integer, YearNotice> NOTICES = load();
  static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(NOTICES.values());
  private static final Set<LocalDate> OFF = new HashSet<>();
  private static final Set<LocalDate> WORK = new HashSet<>();

  static {
    NOTICES
        .values()
        .forEach(
            n -> {
              OFF.addAll(n.off());
              WORK.addAll(n.work());
            });
  }

  private ShippedCalendar() {}

  static Map<Integer, YearNotice> load() {
    try (InputStream in = ShippedCalendar.class.getResourceAsStream("/calendar/holidays-cn.json")) {
      return YearNotice.readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean naiveWorking(LocalDate d) {
    boolean weekday =
        d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    return WORK.contains(d) || (weekday && !OFF.contains(d));
  }

  static LocalDate naiveAdd(LocalDate d, int n) {
    while (n > 0) {
      d = d.plusDays(1);
      if (naiveWorking(d)) {
        n--;
      }
    }
    return d;
  }
}
