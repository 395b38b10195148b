package org.disclosuredesk.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.process.RequestProcess;
import org.disclosuredesk.statistics.counting.Tally;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Recomputes what table 三 can honestly take from Camunda history and compares it with the reporting
 * data.
 *
 * <p>What history really holds: per request one process instance (business key = request id) with
 * the variable {@code trackingNumber} ("YYYY-NNNN", YYYY = receipt year), and the activities that
 * ran with their SERVER end times: ReplyToApplicant (every reply, also after an expiry),
 * ConcludeNoSupplement, ConcludeFeeUnpaid, ConcludeWithdrawn. What it does not hold: business dates
 * (the step values are transient variables), the outcome, the applicant type. So we reconcile (1)
 * received per receipt year, and (2) concluded per path — each request the report counts as
 * concluded in Y must show that path's activity finished no earlier than its business conclusion
 * date (a server can record a business date late, never early), and every path activity that
 * finished in Y must belong to a request concluded in Y or earlier (earlier = back-filled,
 * explained). Applicant columns and the other outcome rows cannot be reconciled from history. Years
 * whose history was cleaned up (time-to-live) are reported as unavailable. This is a check, run on
 * demand: it reads history per year with a few list queries, never per request.
 *
 * <p>Each agency reconciles its own figures (DOMAIN.md §8). History knows no agency, but a tracking
 * number does: {@code RSJ-2024-0001} carries its agency's code, and a number without one was given
 * on a platform of one agency, whose requests stay the default agency's; a history entry whose
 * request row is missing altogether is counted in the agency its number names (else the default
 * agency).
 */
@Service
public class Reconciliation {

  static final Map<String, String> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put("CONCLUDED_BY_REPLY", "ReplyToApplicant");
    PATHS.put("CONCLUDED_NO_SUPPLEMENT", "ConcludeNoSupplement");
    PATHS.put("CONCLUDED_FEE_UNPAID", "ConcludeFeeUnpaid");
    PATHS.put("CONCLUDED_WITHDRAWN", "ConcludeWithdrawn");
  }

  private final HistoryService history;
  private final ReconciliationRepository requests;
  private final ZoneId zone;
  private final StatisticsRepository repository;
  private final ReportScopes scopes;
  private final String defaultAgency;

  public Reconciliation(
      HistoryService history,
      ReconciliationRepository requests,
      BusinessClock clock,
      StatisticsRepository repository,
      ReportScopes scopes,
      @Value("${disclosure.agency.code:AGENCY}") String defaultAgency) {
    this.history = history;
    this.requests = requests;
    this.zone = clock.zone();
    this.repository = repository;
    this.scopes = scopes;
    this.defaultAgency = defaultAgency;
  }

  /** "RSJ-2024-0001" → (RSJ, 2024); "2024-0001" → (null, 2024); anything else → null. */
  static final Pattern NUMBER = Pattern.compile("(?:([A-Z0-9]+)-)?(\\d{4})-\\d+");

  record Reported(
      String id,
      String trackingNumber,
      String processInstanceId,
      LocalDate concludedOn,
      String path) {}

  /**
   * The answer of {@code GET /api/statistics/{year}/reconciliation}: each check, the running
   * tallies' recount and what history cannot tell ({@code limits}).
   */
  public record Report(
      int year,
      boolean historyAvailable,
      boolean consistent,
      List<Check> checks,
      TallyCheck runningTallies,
      String limits) {}

  /**
   * One count held against history: the requests each side has that the other lacks, and the
   * back-filled ones.
   */
  public record Check(
      String code,
      String label,
      int reporting,
      int history,
      List<String> missingInHistory,
      List<String> missingInReporting,
      List<String> backfilledFromEarlierYears,
      boolean consistent) {}

  /** The running tallies against a recount of dd_request. */
  public record TallyCheck(String label, boolean consistent, List<TallyDifference> differences) {}

  /**
   * A group whose tally differs from its recount; {@code group}: the facet and its keys as a person
   * reads them.
   */
  public record TallyDifference(String agency, String group, long tallied, long recounted) {}

  /** Every agency of the platform (a plain run's one agency). */
  public Report check(int year) {
    return check(year, scopes.platform());
  }

  public Report check(int year, ReportScope scope) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    List<Check> checks = new ArrayList<>();
    Predicate<String> inScope = agency -> scope.whole() || scope.codes().contains(agency);

    // (1) received per receipt year: tracking numbers in history vs dd_request received in Y
    Map<String, String> agencyByNumber = requests.agencyByNumberReceived(start, end);
    Set<String> reportedReceived = new TreeSet<>();
    agencyByNumber.forEach(
        (number, agency) -> {
          if (inScope.test(agency)) {
            reportedReceived.add(number);
          }
        });
    Set<String> historyReceived = new TreeSet<>();
    Map<String, String> trackingByInstance = new HashMap<>();
    // the year anywhere in the number (an agency's code may stand in front); the exact year is
    // checked below
    for (HistoricProcessInstance p :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(RequestProcess.KEY)
            .variableValueLike("trackingNumber", "%" + year + "-%")
            .list()) {
      trackingByInstance.put(p.getId(), null);
    }
    if (!trackingByInstance.isEmpty()) {
      history
          .createHistoricVariableInstanceQuery()
          .variableName("trackingNumber")
          .processInstanceIdIn(trackingByInstance.keySet().toArray(String[]::new))
          .list()
          .forEach(
              v -> {
                String number = String.valueOf(v.getValue());
                Matcher m = NUMBER.matcher(number);
                if (m.matches()
                    && Integer.parseInt(m.group(2)) == year
                    && inScope.test(
                        agencyByNumber.getOrDefault(
                            number, m.group(1) == null ? defaultAgency : m.group(1)))) {
                  historyReceived.add(number);
                }
              });
    }
    checks.add(compare("RECEIVED", "本年新收申请（按受理编号年份）", reportedReceived, historyReceived, Set.of()));

    // (2) concluded in Y per path
    List<Reported> concluded =
        requests.concluded(start, end, scope.filter()).stream()
            .map(
                c ->
                    new Reported(
                        c.id(),
                        c.trackingNumber(),
                        c.processInstanceId(),
                        c.concludedOn(),
                        path(c.outcome(), c.withdrawn())))
            .toList();
    Date from = Date.from(start.atStartOfDay(zone).toInstant());
    Map<String, Map<String, LocalDate>> finishedByPath = new LinkedHashMap<>();
    Set<String> instances = new java.util.HashSet<>();
    for (var e : PATHS.entrySet()) {
      Map<String, LocalDate> finished = new HashMap<>();
      // business dates are never later than the server's: a conclusion in Y finished in history in
      // Y or after
      for (HistoricActivityInstance a :
          history
              .createHistoricActivityInstanceQuery()
              .activityId(e.getValue())
              .finished()
              .finishedAfter(from)
              .list()) {
        finished.merge(
            a.getProcessInstanceId(),
            LocalDate.ofInstant(a.getEndTime().toInstant(), zone),
            (x, y) -> x.isBefore(y) ? x : y);
        instances.add(a.getProcessInstanceId());
      }
      finishedByPath.put(e.getKey(), finished);
    }
    Map<String, Reported> byInstance = new HashMap<>();
    concluded.forEach(r -> byInstance.put(r.processInstanceId(), r));
    // requests the report does not count in Y but whose path ended in Y: earlier business dates are
    // back-filling
    Map<String, ReconciliationRepository.ByInstance> others =
        requests.byProcessInstance(
            instances.stream().filter(i -> !byInstance.containsKey(i)).toList());
    for (var e : PATHS.entrySet()) {
      String path = e.getKey();
      Map<String, LocalDate> finished = finishedByPath.get(path);
      Set<String> reported = new TreeSet<>();
      Set<String> seen = new TreeSet<>();
      Set<String> backfilled = new TreeSet<>();
      for (Reported r : concluded) {
        if (!path.equals(r.path()) && !(path.equals("CONCLUDED_BY_REPLY") && replies(r.path()))) {
          continue;
        }
        reported.add(r.trackingNumber());
        LocalDate done = finished.get(r.processInstanceId());
        if (done != null && !done.isBefore(r.concludedOn())) {
          seen.add(r.trackingNumber());
        }
      }
      for (var f : finished.entrySet()) {
        if (byInstance.containsKey(f.getKey())
            || f.getValue().isBefore(start)
            || f.getValue().isAfter(end)) {
          continue;
        }
        ReconciliationRepository.ByInstance other = others.get(f.getKey());
        if (other != null ? !inScope.test(other.agency()) : !scope.whole()) {
          continue; // another agency's request (one with no request row at all shows where every
          // request counts)
        }
        String tn = other == null ? "流程实例 " + f.getKey() : other.trackingNumber();
        if (other != null && other.concludedOn() != null && other.concludedOn().isBefore(start)) {
          backfilled.add(tn);
        } else {
          seen.add(tn);
        }
      }
      checks.add(compare(path, LABELS.get(path), reported, seen, backfilled));
    }
    boolean available =
        reportedReceived.isEmpty() && concluded.isEmpty()
            || !historyReceived.isEmpty()
            || finishedByPath.values().stream().anyMatch(m -> !m.isEmpty());
    TallyCheck tallies = tallies(year, scope.filter());
    return new Report(
        year,
        available,
        available && checks.stream().allMatch(Check::consistent) && tallies.consistent(),
        List.copyOf(checks),
        tallies,
        LIMITS);
  }

  static final String LIMITS =
      "流程历史只记录受理编号和各环节的系统完成时间，不记录业务日期、办理结果和申请人类型："
          + "因此只核对按年份的收到数和按办结路径（答复、逾期不补正、逾期未缴费、撤回）的办结数；"
          + "补录的历史案件在系统时间上晚于业务日期，按补录说明，不计为差异。历史数据超过保存期限（默认10年）后无法核对。";

  /**
   * (3) the running tallies the table reads against a recount of dd_request: they differ only if
   * rows were written past the application (then TalliesService.rebuild recounts them).
   */
  TallyCheck tallies(int year) {
    return tallies(year, null);
  }

  /**
   * The same for some agencies (null: all), agency by agency: a group counted in the wrong agency
   * is a difference.
   */
  TallyCheck tallies(int year, java.util.Collection<String> agencies) {
    Map<String, List<Tally>> talliedByAgency = repository.talliesByAgency(year, agencies);
    Map<String, List<Tally>> recountedByAgency = repository.recountByAgency(year, agencies);
    Set<String> codes = new TreeSet<>(talliedByAgency.keySet());
    codes.addAll(recountedByAgency.keySet());
    List<TallyDifference> differences = new ArrayList<>();
    for (String agency : codes) {
      Map<Tally, Long> tallied = counts(talliedByAgency.getOrDefault(agency, List.of()));
      Map<Tally, Long> recounted = counts(recountedByAgency.getOrDefault(agency, List.of()));
      Set<Tally> groups = new LinkedHashSet<>(recounted.keySet());
      groups.addAll(tallied.keySet());
      for (Tally g : groups) {
        long a = tallied.getOrDefault(g, 0L);
        long b = recounted.getOrDefault(g, 0L);
        if (a != b) {
          differences.add(
              new TallyDifference(
                  agency,
                  g.facet()
                      + " "
                      + Stream.of(
                              g.applicantType(),
                              g.k1(),
                              g.k2(),
                              g.k3(),
                              g.k4(),
                              g.k5(),
                              g.month() == 0 ? null : g.month() + "月")
                          .filter(Objects::nonNull)
                          .toList(),
                  a,
                  b));
        }
      }
    }
    return new TallyCheck("统计累计表与逐条重新计数一致", differences.isEmpty(), List.copyOf(differences));
  }

  /** Groups without their count, to compare two lists of tallies. */
  private static Map<Tally, Long> counts(List<Tally> tallies) {
    Map<Tally, Long> out = new HashMap<>();
    for (Tally t : tallies) {
      out.merge(
          new Tally(
              t.facet(),
              t.applicantType(),
              t.k1(),
              t.k2(),
              t.k3(),
              t.k4(),
              t.k5(),
              t.month(),
              0,
              BigDecimal.ZERO),
          t.count(),
          Long::sum);
    }
    return out;
  }

  private static final Map<String, String> LABELS =
      Map.of(
          "CONCLUDED_BY_REPLY", "本年办结并答复（含期满后答复）",
          "CONCLUDED_NO_SUPPLEMENT", "逾期不补正、不再处理",
          "CONCLUDED_FEE_UNPAID", "逾期未缴费、不再处理",
          "CONCLUDED_WITHDRAWN", "申请人撤回");

  /** Which concluding activity the process ran for this outcome. */
  static String path(String outcome, boolean withdrawn) {
    if (withdrawn) {
      return "CONCLUDED_WITHDRAWN";
    }
    return switch (outcome == null ? "" : outcome) {
      case "OTHER_NO_SUPPLEMENT" -> "CONCLUDED_NO_SUPPLEMENT";
      case "OTHER_FEE_UNPAID" -> "CONCLUDED_FEE_UNPAID";
      default -> "CONCLUDED_BY_REPLY";
    };
  }

  /**
   * Expiries end with a reply too (the process goes on to ReplyToApplicant); a withdrawal does not.
   */
  static boolean replies(String path) {
    return !"CONCLUDED_WITHDRAWN".equals(path);
  }

  private static Check compare(
      String code, String label, Set<String> reported, Set<String> history, Set<String> explained) {
    List<String> missing = reported.stream().filter(t -> !history.contains(t)).toList();
    List<String> extra = history.stream().filter(t -> !reported.contains(t)).toList();
    return new Check(
        code,
        label,
        reported.size(),
        history.size(),
        missing,
        extra,
        List.copyOf(explained),
        missing.isEmpty() && extra.isEmpty());
  }
}
