package org.disclosuredesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Chinese working-day calendar (DOMAIN.md §3): Monday–Friday unless listed as a day off, plus
 * every make-up working day (调休上班). Immutable. Years without a State Council notice fall back to
 * plain Monday–Friday; callers ask {@link #uncoveredYears} to warn about it.
 *
 * <p>Every question is O(1): a prefix count of working days over the covered range and the inverse
 * table (the k-th working day), with closed formulas for Monday–Friday outside the range.
 */
public final class WorkingDayCalendar {

  private static final String UNNAMED = "";

  private final SortedSet<Integer> coveredYears;
  private final NavigableMap<LocalDate, String>
      daysOff; // value: holiday name, "" if the notice gave none
  private final NavigableSet<LocalDate> makeUpDays;
  private final List<Holiday> holidays;

  // precomputed over [start, start + cum.length)
  private final long start;
  private final boolean[] working;
  private final int[] cum; // cum[i] = working days in [start, start + i]
  private final int[] nth; // nth[k] = offset of the (k + 1)-th working day from start

  /**
   * @param coveredYears years whose notice is known
   * @param daysOff days off with their holiday name (empty string or null if unnamed); must lie in
   *     covered years
   * @param makeUpDays make-up working days; must lie in covered years
   */
  public WorkingDayCalendar(
      Collection<Integer> coveredYears,
      Map<LocalDate, String> daysOff,
      Collection<LocalDate> makeUpDays) {
    this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(coveredYears));
    TreeMap<LocalDate, String> off = new TreeMap<>();
    daysOff.forEach((d, n) -> off.put(d, n == null ? UNNAMED : n));
    this.daysOff = Collections.unmodifiableNavigableMap(off);
    this.makeUpDays = Collections.unmodifiableNavigableSet(new TreeSet<>(makeUpDays));
    for (LocalDate d : off.keySet()) {
      if (makeUpDays.contains(d)) {
        throw new IllegalArgumentException(d + " is both a day off and a make-up working day");
      }
      requireCovered(d);
    }
    this.makeUpDays.forEach(this::requireCovered);
    this.holidays = runsOfNamedDaysOff(off);

    if (this.coveredYears.isEmpty()) {
      start = 0;
      working = new boolean[0];
      cum = new int[0];
      nth = new int[0];
      return;
    }
    start = LocalDate.of(this.coveredYears.first(), 1, 1).toEpochDay();
    int len = (int) (LocalDate.of(this.coveredYears.last(), 12, 31).toEpochDay() - start + 1);
    working = new boolean[len];
    cum = new int[len];
    int count = 0;
    for (int i = 0; i < len; i++) {
      LocalDate d = LocalDate.ofEpochDay(start + i);
      working[i] = this.makeUpDays.contains(d) || (!isWeekend(d) && !off.containsKey(d));
      count += working[i] ? 1 : 0;
      cum[i] = count;
    }
    nth = new int[count];
    for (int i = 0, k = 0; i < len; i++) {
      if (working[i]) {
        nth[k++] = i;
      }
    }
  }

  /** Builds the calendar from the notices of the covered years. */
  public static WorkingDayCalendar of(Collection<YearNotice> notices) {
    Map<LocalDate, String> off = new TreeMap<>();
    List<LocalDate> work = new ArrayList<>();
    List<Integer> years = new ArrayList<>();
    for (YearNotice n : notices) {
      years.add(n.year());
      n.off().forEach(d -> off.put(d, n.nameOf(d)));
      work.addAll(n.work());
    }
    return new WorkingDayCalendar(years, off, work);
  }

  /**
   * This calendar with {@code notice} as its year, as it will be once the notice is stored (the
   * other years as they are): what an admin's change would move can be counted before it is saved.
   */
  public WorkingDayCalendar withYear(YearNotice notice) {
    int year = notice.year();
    Map<LocalDate, String> off = new TreeMap<>();
    daysOff.forEach(
        (d, name) -> {
          if (d.getYear() != year) {
            off.put(d, name);
          }
        });
    notice.off().forEach(d -> off.put(d, notice.nameOf(d)));
    List<LocalDate> work =
        new ArrayList<>(makeUpDays.stream().filter(d -> d.getYear() != year).toList());
    work.addAll(notice.work());
    SortedSet<Integer> years = new TreeSet<>(coveredYears);
    years.add(year);
    return new WorkingDayCalendar(years, off, work);
  }

  // ---- the questions
  // ------------------------------------------------------------------------------------------

  public boolean isWorkingDay(LocalDate d) {
    long x = d.toEpochDay();
    return inRange(x) ? working[(int) (x - start)] : !isWeekend(d);
  }

  /**
   * The n-th working day after {@code from} (DOMAIN.md §3: the day itself is not counted); n = 0
   * gives {@code from}.
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    return n == 0 ? from : LocalDate.ofEpochDay(firstWithCount(count(from.toEpochDay()) + n));
  }

  /**
   * Working days in (fromExclusive, toInclusive]; negative if {@code toInclusive} is before {@code
   * fromExclusive}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    return Math.toIntExact(count(toInclusive.toEpochDay()) - count(fromExclusive.toEpochDay()));
  }

  public LocalDate nextWorkingDayOnOrAfter(LocalDate d) {
    return isWorkingDay(d) ? d : addWorkingDays(d, 1);
  }

  /**
   * Calendar days, and if the last day is not a working day the next working day — e.g. the 15-day
   * defence period (《行政诉讼法》第六十七条; periods ending on a holiday end on the next working day,
   * 《民事诉讼法》第八十五条).
   */
  public LocalDate addCalendarDaysRolledToWorkingDay(LocalDate from, int days) {
    return nextWorkingDayOnOrAfter(from.plusDays(days));
  }

  // ---- coverage
  // -----------------------------------------------------------------------------------------------

  public boolean covers(LocalDate d) {
    return coveredYears.contains(d.getYear());
  }

  public SortedSet<Integer> coveredYears() {
    return coveredYears;
  }

  /**
   * Years from {@code from} to {@code to} (either order) that no notice covers: there Monday–Friday
   * was assumed.
   */
  public SortedSet<Integer> uncoveredYears(LocalDate from, LocalDate to) {
    int a = Math.min(from.getYear(), to.getYear());
    int b = Math.max(from.getYear(), to.getYear());
    SortedSet<Integer> out = new TreeSet<>();
    for (int y = a; y <= b; y++) {
      if (!coveredYears.contains(y)) {
        out.add(y);
      }
    }
    return out;
  }

  // ---- names and listings
  // -------------------------------------------------------------------------------------

  /** The holiday a day off belongs to, e.g. 国庆节. */
  public Optional<String> holidayName(LocalDate d) {
    String n = daysOff.get(d);
    return n == null || n.isEmpty() ? Optional.empty() : Optional.of(n);
  }

  public boolean isDayOff(LocalDate d) {
    return daysOff.containsKey(d);
  }

  public boolean isMakeUpWorkingDay(LocalDate d) {
    return makeUpDays.contains(d);
  }

  /** Named holidays (runs of consecutive days off with one name), in date order, all years. */
  public List<Holiday> holidays() {
    return holidays;
  }

  /** Named holidays with at least one day in [from, to]. */
  public List<Holiday> holidaysBetween(LocalDate from, LocalDate to) {
    return holidays.stream().filter(h -> !h.to().isBefore(from) && !h.from().isAfter(to)).toList();
  }

  /** Holidays touching the year, with their full extent (元旦 2019 runs from 2018-12-30). */
  public List<Holiday> holidays(int year) {
    return holidaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Listed days off in [from, to], with their names ("" if unnamed). */
  public NavigableMap<LocalDate, String> daysOffBetween(LocalDate from, LocalDate to) {
    return daysOff.subMap(from, true, to, true);
  }

  public NavigableSet<LocalDate> makeUpWorkingDaysBetween(LocalDate from, LocalDate to) {
    return makeUpDays.subSet(from, true, to, true);
  }

  public List<LocalDate> daysOff(int year) {
    return List.copyOf(
        daysOffBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).keySet());
  }

  public List<LocalDate> makeUpWorkingDays(int year) {
    return List.copyOf(
        makeUpWorkingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  public int workingDayCount(int year) {
    return workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
  }

  /** The year as a notice (for comparing and serving), or empty if not covered. */
  public Optional<YearNotice> notice(int year) {
    if (!coveredYears.contains(year)) {
      return Optional.empty();
    }
    return Optional.of(
        new YearNotice(year, daysOff(year), makeUpWorkingDays(year), holidays(year)));
  }

  // ---- internals
  // ----------------------------------------------------------------------------------------------

  private boolean inRange(long x) {
    return x >= start && x < start + cum.length;
  }

  /**
   * A monotone count of working days up to and including day x; only differences mean something.
   */
  private long count(long x) {
    if (cum.length == 0) {
      return weekdays(x);
    }
    if (x < start) {
      return weekdays(x) - weekdays(start - 1);
    }
    long end = start + cum.length - 1;
    return x <= end ? cum[(int) (x - start)] : nth.length + weekdays(x) - weekdays(end);
  }

  /** The first day x with count(x) >= k. */
  private long firstWithCount(long k) {
    if (cum.length == 0) {
      return firstWeekdayWithCount(k);
    }
    if (k <= 0) {
      return firstWeekdayWithCount(k + weekdays(start - 1));
    }
    if (k <= nth.length) {
      return start + nth[(int) (k - 1)];
    }
    return firstWeekdayWithCount(k - nth.length + weekdays(start + cum.length - 1));
  }

  // epoch day 4 (1970-01-05) is a Monday
  private static long weekdays(long x) {
    long t = x - 4;
    return Math.floorDiv(t, 7) * 5 + Math.min(Math.floorMod(t, 7) + 1, 5);
  }

  private static long firstWeekdayWithCount(long k) {
    return 4 + Math.floorDiv(k - 1, 5) * 7 + Math.floorMod(k - 1, 5);
  }

  private void requireCovered(LocalDate d) {
    if (!coveredYears.contains(d.getYear())) {
      throw new IllegalArgumentException(d + " lies in a year that is not covered");
    }
  }

  private static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }

  private static List<Holiday> runsOfNamedDaysOff(NavigableMap<LocalDate, String> off) {
    List<Holiday> out = new ArrayList<>();
    LocalDate from = null;
    LocalDate prev = null;
    String name = null;
    for (var e : off.entrySet()) {
      LocalDate d = e.getKey();
      boolean continues =
          prev != null && d.equals(prev.plusDays(1)) && Objects.equals(name, e.getValue());
      if (!continues) {
        if (prev != null && !name.isEmpty()) {
          out.add(new Holiday(name, from, prev));
        }
        from = d;
        name = e.getValue();
      }
      prev = d;
    }
    if (prev != null && !name.isEmpty()) {
      out.add(new Holiday(name, from, prev));
    }
    return List.copyOf(out);
  }
}
