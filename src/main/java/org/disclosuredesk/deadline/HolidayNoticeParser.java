package org.disclosuredesk.deadline;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the State Council's holiday notice as published (国务院办公厅关于××年部分节假日安排的通知, e.g. "二、春节：2月15日
 * （农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。") into what PUT /api/calendar/{year}
 * takes: the holidays, the make-up working days and the days off. Plain Java, saves nothing. What
 * it cannot read with certainty it reports, in Chinese and naming the line, rather than guesses.
 *
 * <p>{@code off} is what the shipped calendar and {@link YearNotice} mean by it: the days of the
 * holidays, weekend days inside a holiday included; other weekends are off anyway and are not
 * listed (a lone weekend day off is refused by {@link YearNotice#problems()} as a typo).
 */
public final class HolidayNoticeParser {

  /** Far longer than any notice (about 1,000 characters): beyond it the text is not a notice. */
  public static final int MAX_LENGTH = 20_000;

  /** The seven holidays of 《全国年节及纪念日放假办法》 that every notice 2017–2026 arranges. */
  static final List<String> STATUTORY = List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

  /**
   * ERROR: the result is wrong or incomplete, do not save it as it is. WARNING: the result is
   * right; check this.
   */
  public enum Severity {
    ERROR,
    WARNING
  }

  /**
   * One problem; {@code line} is 1-based in the text as given, null when it concerns the whole
   * text.
   */
  public record Problem(Integer line, Severity severity, String message) {}

  /**
   * The notice as the calendar takes it, for {@code year} only; days of the notice that fall in
   * another year (元旦 from 12-30 or 12-31) are in {@code offInOtherYears} / {@code workInOtherYears}
   * and reported, not in off/work.
   */
  public record Result(
      int year,
      List<Holiday> holidays,
      List<LocalDate> off,
      List<LocalDate> work,
      List<LocalDate> offInOtherYears,
      List<LocalDate> workInOtherYears,
      List<Problem> problems) {

    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** The body of PUT /api/calendar/{year}. */
    public YearNotice notice() {
      return new YearNotice(year, off, work, holidays);
    }
  }

  // an item begins "二、春节：" at the start of the text, of a line, or after a full stop; a name has no
  // digits or brackets, so "农历腊月二十八、周日）" broken over two lines is never taken for one. Group 3 is
  // empty when the colon is missing ("三、清明节4月4日……"): still an item, reported
  private static final Pattern ITEM =
      Pattern.compile("([一二三四五六七八九十]{1,3})、([^：，。；（）0-9]{1,30}?)(：|(?=\\d))");
  // 2026年2月15日（农历腊月二十八、周日）, 2月15日, 23日; the bracket holds the weekday and notes
  private static final Pattern DATE =
      Pattern.compile("(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?");
  private static final Pattern WEEKDAY = Pattern.compile("(?:星期|周)([一二三四五六日天])");
  // "共9天" and "放假1天" state the holiday's length
  private static final Pattern COUNT = Pattern.compile("(?:共|放假)(\\d{1,3}|[一二三四五六七八九十]{1,3})天");
  // what a sentence that arranges days says of them
  private static final Pattern ARRANGES = Pattern.compile("放假|上班|补休");
  // the title "关于2026年部分节假日安排的通知" or the opening "现将2026年元旦、春节……"
  private static final Pattern TITLE_YEAR = Pattern.compile("(?:关于|现将)(\\d{4})年(?:部分节假日|元旦)");
  // the signature at the end: "国务院办公厅 2025年11月4日（此件公开发布）"
  private static final Pattern SIGNATURE =
      Pattern.compile("(?:国务院办公厅)?\\d{4}年\\d{1,2}月\\d{1,2}日(?:（[^）]*）)?");

  private final int year;
  private final StringBuilder text = new StringBuilder(); // normalised, line breaks removed
  private final List<Integer> lineOf =
      new ArrayList<>(); // the original line of each character of text
  private final List<Problem> problems = new ArrayList<>();

  private HolidayNoticeParser(int year) {
    this.year = year;
  }

  /**
   * Parses the notice for {@code year}; never throws on bad text, every problem is in the result.
   */
  public static Result parse(int year, String notice) {
    return new HolidayNoticeParser(year).run(notice);
  }

  // ---- the items
  // -----------------------------------------------------------------------------------------------

  /** One numbered paragraph of the notice: "二、春节：……". */
  private static final class Item {
    final int number;
    final String ordinal;
    final String name;
    final int line;
    final Set<LocalDate> off = new LinkedHashSet<>();
    final Set<LocalDate> work = new LinkedHashSet<>();
    final Map<LocalDate, Integer> lineOfDay = new LinkedHashMap<>();
    // the year and month a date without them takes: the last ones written in this item
    int contextYear;
    Integer lastYear;
    Integer lastMonth;

    Item(int number, String ordinal, String name, int line, int year) {
      this.number = number;
      this.ordinal = ordinal;
      this.name = name;
      this.line = line;
      this.contextYear = year;
    }

    String label() {
      return "「" + ordinal + "、" + name + "」";
    }
  }

  /** A date as written and the day it resolved to. */
  private record Written(
      LocalDate day, boolean yearWritten, boolean monthWritten, int start, int end, String text) {}

  private Result run(String notice) {
    if (year < YearNotice.MIN_YEAR || year > YearNotice.MAX_YEAR) {
      return failed("年份须在 " + YearNotice.MIN_YEAR + " 至 " + YearNotice.MAX_YEAR + " 之间");
    }
    if (notice == null || notice.isBlank()) {
      return failed("通知正文为空：请粘贴国务院办公厅关于" + year + "年部分节假日安排的通知全文");
    }
    if (notice.length() > MAX_LENGTH) {
      return failed("通知正文超过 " + MAX_LENGTH + " 字，不像是一份放假通知：请只粘贴通知本身");
    }
    normalise(notice);
    checkTitleYear();

    List<Item> items = new ArrayList<>();
    Matcher m = ITEM.matcher(text);
    List<int[]> spans = new ArrayList<>(); // [marker start, body start]
    for (int p = 0; p < text.length() && m.find(p); ) {
      if (!atBoundary(m.start())) {
        p = m.start() + 1;
        continue;
      }
      Item item =
          new Item(chineseNumber(m.group(1)), m.group(1), m.group(2), lineOf.get(m.start()), year);
      if (m.group(3).isEmpty()) {
        error(item, item.line, "节日名称后缺少冒号“：”（应如“" + item.ordinal + "、" + item.name + "：……”）");
      }
      spans.add(new int[] {m.start(), m.end()});
      items.add(item);
      p = m.end();
    }
    if (items.isEmpty()) {
      problems.add(
          new Problem(null, Severity.ERROR, "未找到节日条目：通知中每个节日应为一段，如“一、元旦：1月1日放假，共1天。”，请粘贴通知全文"));
      return result(items);
    }
    strayDates(0, spans.get(0)[0]);
    for (int i = 0; i < items.size(); i++) {
      int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
      readItem(items.get(i), spans.get(i)[1], end);
    }
    checkNumbering(items);
    checkStatutoryHolidays(items);
    return result(items);
  }

  /**
   * Full-width digits and ASCII punctuation as the notice's own, spaces dropped, line breaks
   * remembered.
   */
  private void normalise(String notice) {
    int line = 1;
    for (int i = 0; i < notice.length(); i++) {
      char c = notice.charAt(i);
      if (c == '\n' || c == '\r') {
        line += c == '\r' && i + 1 < notice.length() && notice.charAt(i + 1) == '\n' ? 0 : 1;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
        continue; // web pages put spaces in "1 月 1 日" and indent paragraphs with U+3000
      }
      if (c >= '０' && c <= '９') {
        c = (char) ('0' + (c - '０'));
      }
      c =
          switch (c) {
            case '(' -> '（';
            case ')' -> '）';
            case ':' -> '：';
            case ',' -> '，';
            case ';' -> '；';
            default -> c;
          };
      text.append(c);
      lineOf.add(line);
    }
  }

  private boolean atBoundary(int p) {
    return p == 0
        || text.charAt(p - 1) == '。'
        || text.charAt(p - 1) == '：'
        || !lineOf.get(p).equals(lineOf.get(p - 1));
  }

  /** A notice for another year pasted by mistake is caught by its title. */
  private void checkTitleYear() {
    Matcher m = TITLE_YEAR.matcher(text);
    if (m.find() && Integer.parseInt(m.group(1)) != year) {
      problems.add(
          new Problem(
              lineOf.get(m.start()),
              Severity.ERROR,
              "第"
                  + lineOf.get(m.start())
                  + "行：这是"
                  + m.group(1)
                  + "年的放假通知，与所录的"
                  + year
                  + "年不符，请核对年份或通知"));
    }
  }

  /**
   * Before the first item (title, opening): a day off or at work there is not in any item and not
   * counted.
   */
  private void strayDates(int from, int to) {
    for (int[] s : sentences(from, to)) {
      String sentence = text.substring(s[0], s[1]);
      if (DATE.matcher(sentence).find()
          && (sentence.contains("放假") || sentence.contains("上班"))
          && !SIGNATURE.matcher(sentence).matches()) {
        int line = lineOf.get(s[0]);
        problems.add(
            new Problem(
                line,
                Severity.WARNING,
                "第" + line + "行：“" + sentence + "”不在任何节日条目（如“一、元旦：……”）中，其中的日期未计入"));
      }
    }
  }

  private void readItem(Item item, int from, int to) {
    if (!item.name.matches(".*\\p{IsHan}.*")) {
      error(item, item.line, "缺少节日名称");
    }
    List<int[]> counts = new ArrayList<>(); // [stated days, line]
    for (int[] s : sentences(from, to)) {
      String sentence = text.substring(s[0], s[1]);
      int line = lineOf.get(s[0]);
      if (sentence.startsWith("鼓励")) {
        continue; // 2024: "鼓励各单位……安排职工在除夕（2月9日）休息" is a wish, not a day off of the calendar
      }
      if (SIGNATURE.matcher(sentence).matches()) {
        continue; // the date the notice was signed
      }
      if (!ARRANGES.matcher(sentence).find()) {
        // no day off or at work in the sentence: text after the items (or a web page's footer),
        // unless it has dates
        if (DATE.matcher(sentence).find()) {
          warning(line, where(item, line) + "“" + sentence + "”没有说明是放假还是上班，其中的日期未计入，请核对");
        }
        COUNT
            .matcher(sentence)
            .results()
            .forEach(r -> counts.add(new int[] {chineseNumber(r.group(1)), line}));
        continue;
      }
      for (int[] c : clauses(s[0], s[1])) {
        readClause(item, c[0], c[1], line, counts);
      }
    }
    if (item.off.isEmpty()) {
      error(item, item.line, "未找到放假日期（应如“10月1日至7日放假调休，共7天”）");
    }
    for (int[] c : counts) {
      if (c[0] != item.off.size() && !item.off.isEmpty()) {
        error(
            item,
            c[1],
            "通知写明共" + c[0] + "天，但所列放假日期为" + item.off.size() + "天（" + list(item.off) + "），请核对");
      }
    }
  }

  private void readClause(Item item, int from, int to, int line, List<int[]> counts) {
    String clause = text.substring(from, to);
    Matcher cm = COUNT.matcher(clause);
    while (cm.find()) {
      counts.add(new int[] {chineseNumber(cm.group(1)), line});
    }
    List<Written> dates = new ArrayList<>();
    Matcher dm = DATE.matcher(clause);
    while (dm.find()) {
      Written w = resolve(item, dm, line);
      if (w == null) {
        return; // reported; the rest of the clause cannot be read with certainty
      }
      dates.add(w);
    }
    if (dates.isEmpty()) {
      return; // "与周末连休", "不调休", "共3天": nothing to list
    }
    boolean work = clause.contains("上班");
    boolean off = clause.contains("放假");
    boolean compensatory = clause.contains("补休"); // 2017: "1月1日放假，1月2日（星期一）补休" is a day off too
    if (work && (off || compensatory)) {
      error(item, line, "“" + clause + "”中既有放假又有上班，无法区分各日期，请分开写");
      return;
    }
    if (!work && !off && !compensatory) {
      error(item, line, "“" + clause + "”没有说明是放假还是上班，其中的日期未计入");
      return;
    }
    List<Written> listed = dates;
    if (off && !compensatory) {
      // "10月1日至7日放假调休": the days come before the word; a date after it cannot be placed
      int keyword = clause.indexOf("放假");
      listed = dates.stream().filter(d -> d.end() <= keyword).toList();
      if (listed.size() < dates.size()) {
        error(item, line, "“" + clause + "”中“放假”之后的日期无法判断是放假还是上班，未计入");
      }
    }
    List<LocalDate> days = expand(item, clause, listed, line);
    for (LocalDate d : days) {
      if (work) {
        add(item, item.work, d, line);
      } else {
        add(item, item.off, d, line);
      }
    }
  }

  private void add(Item item, Set<LocalDate> days, LocalDate d, int line) {
    days.add(d);
    item.lineOfDay.putIfAbsent(d, line);
  }

  /** The year and month a date leaves out are the last ones written before it in the same item. */
  private Written resolve(Item item, Matcher m, int line) {
    boolean yearWritten = m.group(1) != null;
    boolean monthWritten = m.group(2) != null;
    int y;
    int mo;
    if (monthWritten) {
      mo = Integer.parseInt(m.group(2));
      y = yearWritten ? Integer.parseInt(m.group(1)) : item.contextYear;
    } else if (item.lastMonth != null && !yearWritten) {
      mo = item.lastMonth; // "至23日": the month of the date before
      y = item.lastYear;
    } else {
      error(item, line, "“" + m.group() + "”缺少月份");
      return null;
    }
    int d = Integer.parseInt(m.group(3));
    LocalDate day;
    try {
      day = LocalDate.of(y, mo, d);
    } catch (DateTimeException e) {
      error(item, line, "“" + m.group() + "”不是有效日期");
      return null;
    }
    if (yearWritten) {
      item.contextYear = y;
    }
    item.lastYear = y;
    item.lastMonth = mo;
    checkWeekday(item, line, day, m.group(4));
    return new Written(day, yearWritten, monthWritten, m.start(), m.end(), m.group());
  }

  /** "（周日）" must be the date's weekday: a mismatch means a mistyped date. */
  private void checkWeekday(Item item, int line, LocalDate day, String note) {
    if (note == null) {
      return;
    }
    Matcher w = WEEKDAY.matcher(note);
    if (w.find()) {
      int stated = "一二三四五六日天".indexOf(w.group(1)) + 1;
      DayOfWeek said = DayOfWeek.of(Math.min(stated, 7));
      if (said != day.getDayOfWeek()) {
        error(
            item,
            line,
            chinese(day) + "是" + YearNotice.weekday(day) + "，通知中写作“" + w.group() + "”，请核对日期");
      }
    }
  }

  /** Single dates joined by 、 (a list) or 至 (a range, both ends included). */
  private List<LocalDate> expand(Item item, String clause, List<Written> dates, int line) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      Written a = dates.get(i);
      String before = i == 0 ? "" : clause.substring(dates.get(i - 1).end(), a.start());
      if (i > 0 && !before.matches("[、和及]")) {
        error(
            item,
            line,
            "无法识别“"
                + dates.get(i - 1).text()
                + before
                + a.text()
                + "”中日期之间的“"
                + before
                + "”（日期之间应为“至”或“、”）");
        return List.of();
      }
      String after =
          i + 1 < dates.size() ? clause.substring(a.end(), dates.get(i + 1).start()) : "";
      if (!after.equals("至") && !after.equals("到")) {
        days.add(a.day());
        continue;
      }
      Written b = dates.get(++i);
      LocalDate from = a.day();
      LocalDate to = b.day();
      if (to.isBefore(from) && b.monthWritten() && !b.yearWritten()) {
        // "12月31日至1月2日": in the notice for Y the 元旦 at Y's start, which begins in Y-1; with Y-1
        // written at the start the end is in Y
        if (a.yearWritten()) {
          to = to.plusYears(1);
        } else {
          from = from.minusYears(1);
        }
      }
      if (to.isBefore(from)) {
        error(item, line, "“" + a.text() + "至" + b.text() + "”结束日期早于开始日期");
        return List.of();
      }
      if (ChronoUnit.DAYS.between(from, to) > 31) {
        error(item, line, "“" + a.text() + "至" + b.text() + "”超过31天，不像是一个假期，请核对");
        return List.of();
      }
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        days.add(d);
      }
    }
    return days;
  }

  // ---- the whole notice
  // ----------------------------------------------------------------------------------------

  /** "一、二、四": a paragraph lost in copying. */
  private void checkNumbering(List<Item> items) {
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (i == 0 && it.number != 1) {
        warning(it.line, where(it, it.line) + "第一个条目的编号应为“一、”，请核对是否漏贴了前面的段落");
      } else if (i > 0 && it.number != items.get(i - 1).number + 1) {
        warning(
            it.line,
            where(it, it.line)
                + "上一条是“"
                + items.get(i - 1).ordinal
                + "、”，这一条却是“"
                + it.ordinal
                + "、”，请核对是否漏贴或重复了一段");
      }
    }
  }

  /** A notice arranges all seven holidays: one missing was probably not copied. */
  private void checkStatutoryHolidays(List<Item> items) {
    for (String h : STATUTORY) {
      if (items.stream().noneMatch(it -> it.name.contains(h))) {
        warning(null, "通知中没有" + h + "的安排，请核对是否漏贴了这一段");
      }
    }
  }

  private Result result(List<Item> items) {
    Map<LocalDate, Item> offBy = new TreeMap<>();
    Map<LocalDate, Item> workBy = new TreeMap<>();
    List<Holiday> holidays = new ArrayList<>();
    Map<Holiday, Item> holidayBy = new LinkedHashMap<>();
    for (Item it : items) {
      for (LocalDate d : it.off) {
        Item other = offBy.putIfAbsent(d, it);
        if (other != null) {
          error(it, it.lineOfDay.get(d), chinese(d) + "已在" + other.label() + "中放假，不能再属于这个节日");
        }
      }
      it.work.forEach(d -> workBy.putIfAbsent(d, it));
      for (Holiday h : runs(it)) {
        if (h.to().getYear() < year || h.from().getYear() > year) {
          error(
              it,
              it.line,
              "假期" + chinese(h.from()) + "至" + chinese(h.to()) + "不在" + year + "年内，请核对年份");
        } else {
          holidays.add(h);
          holidayBy.put(h, it);
        }
      }
      otherYears(it);
    }
    holidays.sort(Comparator.comparing(Holiday::from));
    List<LocalDate> off = offBy.keySet().stream().filter(d -> d.getYear() == year).toList();
    List<LocalDate> work = workBy.keySet().stream().filter(d -> d.getYear() == year).toList();
    // what PUT /api/calendar/{year} would refuse, named by the item it came from
    new YearNotice(year, off, work, holidays)
        .problems()
        .forEach(
            (field, message) -> {
              Item it = itemOf(field, off, work, holidays, offBy, workBy, holidayBy);
              Integer line = it == null ? null : lineOfField(it, field, off, work);
              problems.add(
                  new Problem(line, Severity.ERROR, (it == null ? "" : where(it, line)) + message));
            });
    List<Problem> sorted = new ArrayList<>(problems);
    // errors first, each kind in the order of the text (what concerns the whole text before the
    // lines)
    sorted.sort(
        Comparator.comparing(Problem::severity)
            .thenComparing(Problem::line, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new Result(
        year,
        List.copyOf(holidays),
        off,
        work,
        offBy.keySet().stream().filter(d -> d.getYear() != year).toList(),
        workBy.keySet().stream().filter(d -> d.getYear() != year).toList(),
        List.copyOf(sorted));
  }

  /** Runs of consecutive days off of one item, each a holiday with the item's name. */
  private static List<Holiday> runs(Item it) {
    List<Holiday> out = new ArrayList<>();
    LocalDate from = null;
    LocalDate prev = null;
    for (LocalDate d : new TreeSet<>(it.off)) {
      if (prev == null || !d.equals(prev.plusDays(1))) {
        if (prev != null) {
          out.add(new Holiday(it.name, from, prev));
        }
        from = d;
      }
      prev = d;
    }
    if (prev != null) {
      out.add(new Holiday(it.name, from, prev));
    }
    return out;
  }

  /**
   * 元旦 may begin in the year before: those days belong to that year's calendar, which the admin
   * checks.
   */
  private void otherYears(Item it) {
    List<LocalDate> off = it.off.stream().filter(d -> d.getYear() != year).sorted().toList();
    List<LocalDate> work = it.work.stream().filter(d -> d.getYear() != year).sorted().toList();
    if (off.isEmpty() && work.isEmpty() || it.off.stream().noneMatch(d -> d.getYear() == year)) {
      return; // none, or the whole holiday is elsewhere (reported as an error)
    }
    List<String> parts = new ArrayList<>();
    if (!off.isEmpty()) {
      parts.add(list(off) + "放假");
    }
    if (!work.isEmpty()) {
      parts.add(list(work) + "上班");
    }
    Set<Integer> years = new TreeSet<>();
    off.forEach(d -> years.add(d.getYear()));
    work.forEach(d -> years.add(d.getYear()));
    String ys = years.stream().map(y -> y + "年").collect(Collectors.joining("、"));
    LocalDate first = off.isEmpty() ? work.get(0) : off.get(0);
    int line = it.lineOfDay.get(first);
    warning(
        line,
        where(it, line)
            + String.join("；", parts)
            + "，属于"
            + ys
            + "，不计入"
            + year
            + "年的日历；请核对"
            + ys
            + "的日历是否已含这些日期，没有则另行录入"
            + ys
            + "的安排");
  }

  private static Item itemOf(
      String field,
      List<LocalDate> off,
      List<LocalDate> work,
      List<Holiday> holidays,
      Map<LocalDate, Item> offBy,
      Map<LocalDate, Item> workBy,
      Map<Holiday, Item> holidayBy) {
    Matcher m = Pattern.compile("(off|work|holidays)\\[(\\d+)]").matcher(field);
    if (!m.lookingAt()) {
      return null;
    }
    int i = Integer.parseInt(m.group(2));
    return switch (m.group(1)) {
      case "off" -> offBy.get(off.get(i));
      case "work" -> workBy.get(work.get(i));
      default -> holidayBy.get(holidays.get(i));
    };
  }

  private static Integer lineOfField(
      Item it, String field, List<LocalDate> off, List<LocalDate> work) {
    Matcher m = Pattern.compile("(off|work)\\[(\\d+)]").matcher(field);
    if (m.matches()) {
      LocalDate d = (m.group(1).equals("off") ? off : work).get(Integer.parseInt(m.group(2)));
      return it.lineOfDay.getOrDefault(d, it.line);
    }
    return it.line;
  }

  // ---- text
  // ----------------------------------------------------------------------------------------------------

  /** Sentences end with 。 (the notice's paragraphs end with one too). */
  private List<int[]> sentences(int from, int to) {
    return split(from, to, "。");
  }

  /** Clauses end with ，or ；outside brackets: "（农历正月初九，星期日）" stays whole. */
  private List<int[]> clauses(int from, int to) {
    return split(from, to, "，；");
  }

  private List<int[]> split(int from, int to, String separators) {
    List<int[]> out = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      depth += c == '（' ? 1 : c == '）' && depth > 0 ? -1 : 0;
      if (depth == 0 && separators.indexOf(c) >= 0) {
        if (i > start) {
          out.add(new int[] {start, i});
        }
        start = i + 1;
      }
    }
    if (to > start) {
      out.add(new int[] {start, to});
    }
    return out;
  }

  /** 1–99 in Chinese numerals (一, 十, 十二, 二十三) or digits. */
  static int chineseNumber(String s) {
    if (s.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(s);
    }
    String digits = "一二三四五六七八九";
    int ten = s.indexOf('十');
    if (ten < 0) {
      return digits.indexOf(s.charAt(0)) + 1;
    }
    int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
    int ones = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
    return tens * 10 + ones;
  }

  static String chinese(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static String list(Iterable<LocalDate> days) {
    List<String> out = new ArrayList<>();
    days.forEach(d -> out.add(chinese(d) + "（" + YearNotice.weekday(d) + "）"));
    return String.join("、", out);
  }

  private static String where(Item it, Integer line) {
    return "第" + (line == null ? it.line : line) + "行" + it.label() + "：";
  }

  private void error(Item it, int line, String message) {
    problems.add(new Problem(line, Severity.ERROR, where(it, line) + message));
  }

  private void warning(Integer line, String message) {
    problems.add(new Problem(line, Severity.WARNING, message));
  }

  private Result failed(String message) {
    return new Result(
        year,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Problem(null, Severity.ERROR, message)));
  }
}
