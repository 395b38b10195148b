package org.disclosuredesk.deadline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * 1,000,000 due dates on the shipped calendar, single thread; best of 5 runs after warm-up. Writes
 * bench-results/calendar.md. Run: {@code ./mvnw -B -Pbench -DskipTests verify}
 */
public final class CalendarBenchmark {

  private static final int N = 1_000_000;

  public static void main(String[] args) throws Exception {
    WorkingDayCalendar cal = ShippedCalendar.CALENDAR;
    DeadlineCalculator calc = new DeadlineCalculator(cal);
    Random rnd = new Random(1);
    LocalDate[] from = new LocalDate[N];
    int[] n = new int[N];
    int[] periods = {1, 5, 7, 10, 15, 20, 20, 20, 40};
    for (int i = 0; i < N; i++) {
      from[i] = LocalDate.of(2017, 1, 1).plusDays(rnd.nextInt(3600));
      n[i] = periods[rnd.nextInt(periods.length)];
    }
    DeadlineFacts[] facts = new DeadlineFacts[N];
    for (int i = 0; i < N; i++) {
      facts[i] =
          i % 4 == 0
              ? DeadlineFacts.received(from[i])
                  .withSuspensions(
                      List.of(
                          new Suspension(
                              SuspensionKind.THIRD_PARTY_CONSULTATION,
                              from[i].plusDays(3),
                              from[i].plusDays(20))))
              : DeadlineFacts.received(from[i]);
    }

    double addMs =
        best(
            () -> {
              long sink = 0;
              for (int i = 0; i < N; i++) {
                sink += cal.addWorkingDays(from[i], n[i]).toEpochDay();
              }
              return sink;
            });
    double explainedMs =
        best(
            () -> {
              long sink = 0;
              for (int i = 0; i < N; i++) {
                sink += calc.replyDue(facts[i]).explanation().size();
              }
              return sink;
            });

    String table =
        "| benchmark (1,000,000 due dates, 1 thread, best of 5) | total | per due date |\n"
            + "|---|---|---|\n"
            + row("WorkingDayCalendar.addWorkingDays (2017–2026, 1–40 WD)", addMs)
            + row(
                "DeadlineCalculator.replyDue with Chinese explanation (¼ with a stop)", explainedMs)
            + "\nCommand: `./mvnw -B -Pbench -DskipTests verify` — "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores\n";
    Path out = Path.of("bench-results", "calendar.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.print(table);
  }

  private static String row(String what, double ms) {
    return String.format("| %s | %.0f ms | %.0f ns |%n", what, ms, ms * 1e6 / N);
  }

  private interface Run {
    long run();
  }

  private static double best(Run r) {
    long sink = 0;
    for (int i = 0; i < 3; i++) {
      sink += r.run(); // warm-up
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      sink += r.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    if (sink == 42) {
      System.out.println(); // keeps the JIT from dropping the work
    }
    return best;
  }
}
