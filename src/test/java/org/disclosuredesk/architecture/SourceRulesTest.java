package org.disclosuredesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.disclosuredesk.kernel.RequestStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules ArchUnit cannot see in byte code, read from the sources (issue #26): whose tables a
 * feature's SQL names, and where an untyped map or an unchecked cast may stand.
 */
class SourceRulesTest {

  private static final Path MAIN = Path.of("src/main/java/org/disclosuredesk");

  /** Each table belongs to one feature (the package its repository lives in). */
  static final Map<String, String> OWNER =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("dd_request", "request"),
              Map.entry("dd_event", "request"),
              Map.entry("dd_agency", "agency"),
              Map.entry("dd_agency_member", "agency"),
              Map.entry("dd_agency_counter", "intake"),
              Map.entry("dd_appeal", "appeal"),
              Map.entry("dd_calendar_day", "calendar"),
              Map.entry("dd_calendar_year", "calendar"),
              Map.entry("dd_calendar_revision", "calendar"),
              Map.entry("dd_consultation", "handling"),
              Map.entry("dd_extension", "handling"),
              Map.entry("dd_fee_notice", "handling"),
              Map.entry("dd_suspension", "handling"),
              Map.entry("dd_letter", "letters"),
              Map.entry("dd_mail", "mail"),
              Map.entry("dd_stat_tally", "statistics"),
              Map.entry("dd_statistics_freeze", "statistics"),
              Map.entry("dd_proactive_disclosure", "statistics"),
              Map.entry("dd_submission", "portal"),
              Map.entry("dd_submission_attachment", "portal"),
              Map.entry("dd_submission_forwarding", "portal"),
              Map.entry("dd_public_access", "portal"),
              Map.entry("dd_altcha_spent", "portal"),
              Map.entry("dd_setting", "portal"),
              Map.entry("dd_supervision_notice", "supervision"),
              Map.entry("dd_request_gram", "ledger"),
              Map.entry("dd_rate_bucket", "common")));

  /** Files whose SQL reads other features' tables, each with its reason. */
  static final Map<String, String> READS_OTHERS =
      Map.ofEntries(
          Map.entry(
              "statistics/StatisticsRepository.java",
              "counts a year of requests, fees and appeals in one GROUP BY: a row-by-row read would not scale"),
          Map.entry(
              "statistics/DrillDownRepository.java",
              "lists the requests behind a number with the same filters"),
          Map.entry(
              "statistics/StatisticsTallies.java",
              "keeps the tallies in the same transaction as the request row"),
          Map.entry(
              "statistics/ReconciliationRepository.java",
              "recounts the tallies from the rows they summarise"),
          Map.entry(
              "statistics/TalliesRepository.java",
              "rebuilds the tallies from the rows they summarise"),
          Map.entry(
              "appeal/AppealRepository.java",
              "Tasklist's appeal search matches the request's number or applicant in one indexed join"),
          Map.entry(
              "supervision/SupervisionRepository.java",
              "counts the open notices per agency in one join"),
          Map.entry(
              "ledger/LedgerSearchRepository.java",
              "searches a million requests with one indexed join"),
          Map.entry(
              "ledger/SearchIndexMigration.java",
              "a Flyway migration fills the index from the rows"),
          Map.entry(
              "agency/AgencyOwnershipRepository.java",
              "the agency guard runs before every controller and sits below the features it guards"),
          Map.entry(
              "home/DeskRepository.java",
              "each role's home lists what waits across features in one query each"),
          Map.entry(
              "monitoring/MonitoringRepository.java",
              "the gauges count across features for the scrape"));

  private static final Pattern TABLE = Pattern.compile("\\bdd_[a-z_]+\\b");

  private static Map<String, String> sources;

  /**
   * Text blocks and string literals, where SQL is: a table named in a comment or a name reads
   * nothing.
   */
  private static final Pattern STRING =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

  private static String strings(String text) {
    StringBuilder s = new StringBuilder();
    Matcher m = STRING.matcher(text);
    while (m.find()) {
      s.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
    }
    return s.toString();
  }

  @BeforeAll
  static void read() throws IOException {
    sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(
            MAIN.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void everyTableHasAnOwner() throws IOException {
    List<String> unknown = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          Matcher m = TABLE.matcher(text);
          while (m.find()) {
            if (!OWNER.containsKey(m.group()) && !unknown.contains(m.group())) {
              unknown.add(m.group() + " in " + file);
            }
          }
        });
    assertThat(unknown).as("tables without an owner in SourceRulesTest.OWNER").isEmpty();
  }

  @Test
  void oneFeatureReadsAnothersTablesOnlyThroughItsRepository() {
    List<String> found = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          if (!file.contains("/")) {
            return;
          }
          String feature = file.substring(0, file.indexOf('/'));
          if (READS_OTHERS.containsKey(file)) {
            return;
          }
          Matcher m = TABLE.matcher(strings(text));
          while (m.find()) {
            String owner = OWNER.get(m.group());
            if (owner != null && !owner.equals(feature)) {
              found.add(file + " names " + m.group() + " (" + owner + "'s table)");
            }
          }
        });
    assertThat(found.stream().distinct().toList())
        .as("ask the owning feature's repository or service instead")
        .isEmpty();
  }

  /**
   * A map with a fixed set of fields is a record. What stays a map is open-ended: process variables
   * at the engine's edge, bound SQL parameters, and the documents' and templates' models.
   */
  static final Map<String, String> UNTYPED_MAPS =
      Map.ofEntries(
          // the engine's edge: a step's values, checked by StepInput as strictly as a Tasklist form
          // (every bad field named at once, API.md) and handed to Camunda as variables
          Map.entry(
              "process/StepInput.java", "a step's form or API values, as Camunda's variables map"),
          Map.entry("process/StepValues.java", "reads Camunda's variables map"),
          Map.entry(
              "process/RequestProcess.java",
              "completes tasks and correlates messages with Camunda's variables"),
          Map.entry("handling/ActionController.java", "an action's body is the step's values"),
          Map.entry("handling/RequestActions.java", "hands an action's values to the step"),
          Map.entry("appeal/AppealController.java", "an appeal step's body is the step's values"),
          Map.entry("appeal/AppealActions.java", "hands an appeal step's values to the step"),
          Map.entry(
              "appeal/AppealProcess.java",
              "starts and completes appeal steps with Camunda's variables"),
          Map.entry(
              "portal/SubmissionsController.java",
              "confirming or rejecting is a step of the submission process"),
          Map.entry(
              "portal/Submissions.java",
              "hands the confirmation's values to the submission process"),
          Map.entry(
              "portal/SubmissionProcess.java",
              "completes the submission's task with Camunda's variables"),
          Map.entry(
              "ledger/LedgerImport.java",
              "a ledger row's typed steps become RequestActions' step values"),
          Map.entry(
              "security/RoleSetup.java",
              "a Camunda task filter's properties are Camunda's open map"),
          // open-ended by design
          Map.entry(
              "request/RequestEvent.java",
              "an event's details are open JSON: each event type has its own"),
          Map.entry("request/RequestEvents.java", "writes and reads the events' open JSON details"),
          Map.entry(
              "letters/LetterFields.java",
              "a Word template's tags: an admin's own template names its own"),
          Map.entry("letters/PreparedTemplate.java", "poi-tl's model of a template's tags"),
          Map.entry("common/Columns.java", "named SQL parameters for JdbcClient.params(Map)"));

  @Test
  void noUntypedMapsOutsideTheEngineEdge() {
    List<String> found = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          if (!UNTYPED_MAPS.containsKey(file) && text.contains("Map<String, Object>")) {
            found.add(file + " (" + count(text, "Map<String, Object>") + ")");
          }
        });
    assertThat(found).as("Map<String, Object> where a record would say what is there").isEmpty();
  }

  /** Framework edges that hand us an Object we know the type of. */
  static final Map<String, String> UNCHECKED_CASTS =
      Map.ofEntries(
          Map.entry(
              "agency/AgencyGuard.java",
              "Spring MVC's URI template variables attribute is a Map<String, String>"),
          Map.entry(
              "request/RequestRepository.java",
              "the transaction's resource holding this transaction's rows"));

  @Test
  void noUncheckedCastsOutsideTheEngineEdge() {
    List<String> found = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          if (!UNTYPED_MAPS.containsKey(file)
              && !UNCHECKED_CASTS.containsKey(file)
              && text.contains("@SuppressWarnings(\"unchecked\")")) {
            found.add(file);
          }
        });
    assertThat(found).isEmpty();
  }

  /** A request's status is a RequestStatus, compared as one. */
  @Test
  void statusComparedAsRequestStatus() {
    Set<String> statuses =
        Stream.of(RequestStatus.values()).map(Enum::name).collect(Collectors.toSet());
    Pattern literal =
        Pattern.compile(
            "\"([A-Z_]+)\"\\.equals\\([^)]*status\\(\\)\\)|status\\(\\)\\.equals\\(\"([A-Z_]+)\"\\)");
    List<String> found = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          Matcher m = literal.matcher(text);
          while (m.find()) {
            String s = m.group(1) != null ? m.group(1) : m.group(2);
            if (statuses.contains(s)) {
              found.add(file + ": " + m.group());
            }
          }
        });
    assertThat(found).isEmpty();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
