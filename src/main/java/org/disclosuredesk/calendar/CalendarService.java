package org.disclosuredesk.calendar;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.deadline.DeadlineCalculator;
import org.disclosuredesk.deadline.DeadlineFacts;
import org.disclosuredesk.deadline.DeadlineResult;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.deadline.YearNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the current {@link WorkingDayCalendar} from an in-memory snapshot of the database. Changes
 * (admin uploads) bump a revision in the database; every node reloads when it sees a new revision
 * and then publishes {@link CalendarChangedEvent}.
 */
@Service
public class CalendarService {

  private static final Logger log = LoggerFactory.getLogger(CalendarService.class);
  static final String SHIPPED = "/calendar/holidays-cn.json";

  private record Snapshot(
      int revision, WorkingDayCalendar calendar, DeadlineCalculator calculator) {}

  private final CalendarRepository repo;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final String dir;
  private volatile Snapshot snapshot;
  private Set<Integer> importedAtStartup = Set.of();

  CalendarService(
      CalendarRepository repo,
      PlatformTransactionManager txm,
      ApplicationEventPublisher events,
      @Value("${disclosure.calendar.dir:}") String dir) {
    this.repo = repo;
    this.tx = new TransactionTemplate(txm);
    this.events = events;
    this.dir = dir;
  }

  @PostConstruct
  void start() {
    importedAtStartup = importAtStartup();
    reload();
  }

  /** Tell this node's listeners what the start-up import changed, once they are all up. */
  @EventListener(ApplicationReadyEvent.class)
  void announceStartupImport() {
    if (!importedAtStartup.isEmpty()) {
      events.publishEvent(new CalendarChangedEvent(snapshot.revision(), importedAtStartup));
      importedAtStartup = Set.of();
    }
  }

  public WorkingDayCalendar calendar() {
    return snapshot.calendar();
  }

  public DeadlineCalculator calculator() {
    return snapshot.calculator();
  }

  public int revision() {
    return snapshot.revision();
  }

  /**
   * The reply due date on the current calendar; logs a warning when it relies on a year without a
   * notice.
   */
  public DeadlineResult replyDue(DeadlineFacts facts) {
    return logged(
        calculator().replyDue(facts), "reply due date of a request received " + facts.receivedOn());
  }

  /** The n-th working day after {@code from}, explained; logs a warning outside the calendar. */
  public DeadlineResult workingDaysAfter(LocalDate from, int n) {
    return logged(calculator().workingDaysAfter(from, n), from + " + " + n + " working days");
  }

  /** A year as the API shows it; logs a warning if no notice covers it. */
  public WorkingDayCalendar calendarForYear(int year) {
    WorkingDayCalendar cal = calendar();
    if (!cal.coveredYears().contains(year)) {
      log.warn(
          "calendar asked about {}, a year without a holiday notice: Monday to Friday assumed",
          year);
    }
    return cal;
  }

  /**
   * Adds or replaces a year's notice (admin). Refuses implausible notices with every bad field
   * named; on success bumps the revision, reloads this node at once and returns the new revision.
   */
  public int replaceYear(YearNotice notice, String by) {
    refuseImplausible(notice);
    tx.executeWithoutResult(
        s -> {
          repo.lockRevision();
          repo.replaceYear(notice, "管理员录入", by);
          repo.bumpRevision();
        });
    log.info("holiday notice for {} replaced by {}", notice.year(), by);
    reload();
    return revision();
  }

  /**
   * The calculator as {@link #replaceYear} would leave it, without saving anything: for counting
   * what a change would move before it is made. Refuses what replaceYear refuses.
   */
  public DeadlineCalculator proposed(YearNotice notice) {
    refuseImplausible(notice);
    return new DeadlineCalculator(calendar().withYear(notice));
  }

  private static void refuseImplausible(YearNotice notice) {
    Map<String, String> problems = notice.problems();
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
  }

  /** Cheap check for changes made by other nodes. */
  @Scheduled(
      fixedDelayString = "${disclosure.calendar.poll-interval:PT30S}",
      initialDelayString = "${disclosure.calendar.poll-interval:PT30S}")
  public void poll() {
    if (repo.revision() != snapshot.revision()) {
      reload();
    }
  }

  synchronized void reload() {
    int revision = repo.revision();
    Snapshot old = snapshot;
    if (old != null && old.revision() == revision) {
      return;
    }
    WorkingDayCalendar cal = repo.loadCalendar();
    snapshot = new Snapshot(revision, cal, new DeadlineCalculator(cal));
    if (old != null) {
      Set<Integer> changed = changedYears(old.calendar(), cal);
      log.info("calendar revision {} loaded; changed years {}", revision, changed);
      if (!changed.isEmpty()) {
        events.publishEvent(new CalendarChangedEvent(revision, changed));
      }
    }
  }

  /**
   * Adds the shipped years the database lacks (admin edits are never overwritten) and the years of
   * {@code disclosure.calendar.dir/*.json} that differ from the database. Under the revision lock,
   * so two nodes starting at once import once. Returns the years changed.
   */
  Set<Integer> importAtStartup() {
    return tx.execute(
        s -> {
          repo.lockRevision();
          Set<Integer> stored = new TreeSet<>(repo.years());
          SortedSet<Integer> changed = new TreeSet<>();
          read(SHIPPED).values().stream()
              .filter(n -> !stored.contains(n.year()))
              .forEach(
                  n -> {
                    repo.replaceYear(n, "国务院办公厅放假通知（随系统发布）", "system");
                    changed.add(n.year());
                  });
          for (Path file : configFiles()) {
            try (InputStream in = Files.newInputStream(file)) {
              for (YearNotice n : YearNotice.readAll(in).values()) {
                Map<String, String> problems = n.problems();
                if (!problems.isEmpty()) {
                  log.error("calendar file {}: year {} skipped: {}", file, n.year(), problems);
                } else if (!repo.sameAsStored(n)) {
                  repo.replaceYear(n, "配置目录 " + file.getFileName(), "system");
                  changed.add(n.year());
                }
              }
            } catch (IOException | RuntimeException e) {
              log.error("calendar file {} could not be read: {}", file, e.getMessage());
            }
          }
          if (!changed.isEmpty()) {
            repo.bumpRevision();
            log.info("calendar years imported at start-up: {}", changed);
          }
          return changed;
        });
  }

  private Iterable<Path> configFiles() {
    if (dir == null || dir.isBlank()) {
      return Set.of();
    }
    Path d = Path.of(dir);
    if (!Files.isDirectory(d)) {
      log.warn("disclosure.calendar.dir {} is not a directory; no calendar files loaded", d);
      return Set.of();
    }
    TreeSet<Path> files = new TreeSet<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "*.json")) {
      s.forEach(files::add);
    } catch (IOException e) {
      log.error("disclosure.calendar.dir {} could not be listed: {}", d, e.getMessage());
    }
    return files;
  }

  private static Map<Integer, YearNotice> read(String resource) {
    try (InputStream in = CalendarService.class.getResourceAsStream(resource)) {
      return YearNotice.readAll(Objects.requireNonNull(in, resource));
    } catch (IOException e) {
      throw new IllegalStateException("shipped calendar unreadable: " + resource, e);
    }
  }

  private static Set<Integer> changedYears(WorkingDayCalendar a, WorkingDayCalendar b) {
    Set<Integer> years = new TreeSet<>(a.coveredYears());
    years.addAll(b.coveredYears());
    years.removeIf(y -> a.notice(y).equals(b.notice(y)));
    return years;
  }

  private DeadlineResult logged(DeadlineResult r, String what) {
    if (!r.uncoveredYears().isEmpty()) {
      log.warn(
          "{}: years {} have no holiday notice, Monday to Friday assumed",
          what,
          r.uncoveredYears());
    }
    return r;
  }
}
