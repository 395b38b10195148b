package org.disclosuredesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.ledger.LedgerColumn.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.handling.RequestActions;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.statistics.StatisticsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger in and out over HTTP (API.md "Ledger (台账) in and out"): a ledger spanning 2009 and
 * 2010 whose table 三 was worked out by hand, the dry run listing every bad cell, all or nothing,
 * re-import, export and round trip. Years 2009, 2010 and 2007 are this test's own (the schema is
 * shared with every other test on MySQL).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "disclosure.test-context=statistics")
class LedgerImportTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired RequestRepository requests;
  @Autowired RequestActions actions;
  @Autowired StatisticsService statistics;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(LocalDate.of(2010, 3, 15).atTime(10, 0), ZONE).toInstant()));
  }

  /**
   * Concludes what this test left open, or it would be carried over into the years other tests
   * count.
   */
  @AfterEach
  void concludeOpenRows() {
    for (RequestRow r :
        jdbc
            .sql(
                "SELECT id FROM dd_request WHERE receipt_year IN (2007, 2009, 2010)"
                    + " AND status <> 'CONCLUDED'")
            .query(String.class)
            .list()
            .stream()
            .map(requests::get)
            .toList()) {
      actions.withdrawal(r.id(), Map.of("withdrawnOn", "2010-03-15"), "clerk");
    }
    ClockUtil.reset();
  }

  static Map<LedgerColumn, String> row(Object... kv) {
    Map<LedgerColumn, String> m = new EnumMap<>(LedgerColumn.class);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((LedgerColumn) kv[i], (String) kv[i + 1]);
    }
    return m;
  }

  /**
   * Eleven requests of an agency's own ledger, 2009 to early 2010, in the labels the export writes.
   */
  static List<Map<LedgerColumn, String>> twoYears() {
    List<Map<LedgerColumn, String>> rows = new ArrayList<>();
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2009-001",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2009-03-02",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "张台账",
            ID_TYPE,
            "居民身份证",
            ID_NUMBER,
            "110101199003072316",
            PHONE,
            "13800000001",
            DESCRIPTION,
            "申请公开2008年度社会保险基金收支情况",
            TOPIC,
            "社保信息",
            OUTCOME,
            Outcome.DISCLOSED.label(),
            ALREADY_PUBLIC,
            "是",
            REPLIED_ON,
            "2009-03-20"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2009-002",
            CHANNEL,
            "互联网渠道",
            ARRIVED_ON,
            "2009-05-04",
            CONFIRMED_ON,
            "2009-05-05",
            APPLICANT_TYPE,
            "商业企业",
            APPLICANT_NAME,
            "某某建设有限公司",
            CREDIT_CODE,
            "91350100M000100Y43",
            EMAIL,
            "office@example.com",
            DESCRIPTION,
            "申请公开某地块的征收补偿方案",
            TOPIC,
            "征地拆迁",
            OUTCOME,
            Outcome.PARTIALLY_DISCLOSED.label(),
            REPLIED_ON,
            "2009-05-25"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2009-003",
            CHANNEL,
            "邮寄（需签收）",
            ARRIVED_ON,
            "2009-06-01",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "李补正",
            DESCRIPTION,
            "申请公开有关文件",
            ADDRESS,
            "某市某路1号",
            SUPPLEMENT_NOTICE_ON,
            "2009-06-05",
            SUPPLEMENT_DUE_ON,
            "2009-06-19",
            SUPPLEMENT_RECEIVED_ON,
            "2009-06-15",
            OUTCOME,
            Outcome.UNAVAILABLE_STILL_UNCLEAR.label(),
            REPLIED_ON,
            "2009-07-01"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2009-004",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2009-08-03",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "王逾期",
            DESCRIPTION,
            "申请公开某项目资料",
            SUPPLEMENT_NOTICE_ON,
            "2009-08-06",
            SUPPLEMENT_DUE_ON,
            "2009-08-20",
            OUTCOME,
            Outcome.OTHER_NO_SUPPLEMENT.label(),
            REPLIED_ON,
            "2009-08-21",
            NOTE,
            "申请人逾期未补正，视为放弃申请（第三十条）")); // the process's own words, which the export writes
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2009-005",
            CHANNEL,
            "传真",
            ARRIVED_ON,
            "2009-12-21",
            CONFIRMED_ON,
            "2009-12-22",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "赵延期",
            DESCRIPTION,
            "申请公开住房保障名单",
            TOPIC,
            "住房保障",
            EXTENSION_WORKING_DAYS,
            "20",
            EXTENSION_APPROVED_ON,
            "2010-01-15",
            OUTCOME,
            Outcome.UNAVAILABLE_NOT_HELD.label(),
            NOT_HELD_REASON,
            "由其他机关负责公开",
            REPLIED_ON,
            "2010-02-10",
            NOTE,
            "某市住房和城乡建设局"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2009-006",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2009-12-28",
            APPLICANT_TYPE,
            "法律服务机构",
            APPLICANT_NAME,
            "某某律师事务所",
            CREDIT_CODE,
            "31110000400000001K",
            DESCRIPTION,
            "申请公开行政处罚决定书"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2010-001",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2010-01-11",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "张台账",
            ID_TYPE,
            "居民身份证",
            ID_NUMBER,
            "110101199003072316",
            DESCRIPTION,
            "再次申请公开2008年度社会保险基金收支情况",
            TOPIC,
            "社保信息",
            OUTCOME,
            Outcome.NOT_PROCESSED_DUPLICATE.label(),
            REPLIED_ON,
            "2010-01-20"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2010-002",
            CHANNEL,
            "互联网渠道",
            ARRIVED_ON,
            "2010-02-01",
            CONFIRMED_ON,
            "2010-02-01", // confirmed the day it arrived: the export says so
            APPLICANT_TYPE,
            "科研机构",
            APPLICANT_NAME,
            "某某研究院",
            DESCRIPTION,
            "申请公开企业投标文件",
            OUTCOME,
            Outcome.WITHHELD_THIRD_PARTY_RIGHTS.label(),
            THIRD_PARTY_INTEREST,
            "商业秘密",
            REPLIED_ON,
            "2010-02-19"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2010-003",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2010-03-01",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "孙等待",
            DESCRIPTION,
            "申请公开相关信息",
            SUPPLEMENT_NOTICE_ON,
            "2010-03-03",
            SUPPLEMENT_DUE_ON,
            "2010-03-31"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2010-004",
            CHANNEL,
            "平常信函",
            ARRIVED_ON,
            "2010-03-08",
            CONFIRMED_ON,
            "2010-03-09",
            APPLICANT_TYPE,
            "其他",
            APPLICANT_NAME,
            "某某协会",
            DESCRIPTION,
            "申请公开\"某专项资金\"分配结果，含附表，\n分年度列出"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "L-2010-005",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2010-01-04",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "周撤回",
            DESCRIPTION,
            "申请公开某会议纪要",
            OUTCOME,
            Outcome.OTHER.label(),
            REPLIED_ON,
            "2010-01-06",
            NOTE,
            "申请人撤回申请"));
    return rows;
  }

  @Test
  void aTwoYearLedgerGoesThroughTheProcessAndItsTablesAreTheOnesWorkedOutByHand() throws Exception {
    List<Map<LedgerColumn, String>> ledger = twoYears();
    byte[] file = LedgerFile.xlsx(ledger);
    long before = count();
    // what other tests left open in earlier years is carried through these years too: count the
    // ledger's own share
    Map<String, long[]> base2009 = table(2009);
    Map<String, long[]> base2010 = table(2010);

    // the dry run says what would happen and writes nothing
    JsonNode dry = importFile(file, "ledger.xlsx", true, "clerk");
    assertThat(dry.get("errors")).as(dry.toString()).isEmpty();
    assertThat(dry.get("rows").asInt()).isEqualTo(11);
    assertThat(dry.get("imported").asInt()).isEqualTo(11);
    assertThat(count()).isEqualTo(before);

    JsonNode done = importFile(file, "ledger.xlsx", false, "clerk");
    assertThat(done.get("errors")).as(done.toString()).isEmpty();
    assertThat(done.get("imported").asInt()).isEqualTo(11);
    assertThat(count()).isEqualTo(before + 11);

    // each row in the step its dates imply
    RequestRow disclosed = byRef("L-2009-001");
    assertThat(disclosed.status()).isEqualTo("CONCLUDED");
    assertThat(disclosed.concludedOn()).isEqualTo(LocalDate.of(2009, 3, 20));
    assertThat(disclosed.alreadyPublic()).isTrue();
    assertThat(disclosed.confidentialityReviewedBy()).isEqualTo(LedgerImport.FROM_LEDGER);
    // 答复日期 is when it was decided and, before that or on the day, reviewed
    assertThat(disclosed.decidedOn()).isEqualTo(LocalDate.of(2009, 3, 20));
    assertThat(disclosed.confidentialityReviewedOn()).isEqualTo(LocalDate.of(2009, 3, 20));
    assertThat(byRef("L-2009-002").signedOffOn()).isEqualTo(LocalDate.of(2009, 5, 25));
    assertThat(byRef("L-2009-002").receivedOn()).isEqualTo(LocalDate.of(2009, 5, 5));
    assertThat(byRef("L-2009-004").outcome()).isEqualTo("OTHER_NO_SUPPLEMENT");
    assertThat(byRef("L-2009-004").concludedOn()).isEqualTo(LocalDate.of(2009, 8, 21));
    RequestRow extended = byRef("L-2009-005");
    assertThat(extended.extensionWorkingDays()).isEqualTo(20);
    assertThat(extended.responsibleAgency()).isEqualTo("某市住房和城乡建设局");
    assertThat(extended.dueOn()).isEqualTo(dueDate(extended.originalDueOn(), 20));
    assertThat(extended.originalDueOn()).isEqualTo(dueDate(LocalDate.of(2009, 12, 22), 20));
    assertThat(byRef("L-2009-006").status()).isEqualTo("SCREENING");
    assertThat(byRef("L-2009-006").dueOn()).isEqualTo(dueDate(LocalDate.of(2009, 12, 28), 20));
    assertThat(byRef("L-2010-003").status()).isEqualTo("AWAITING_SUPPLEMENT");
    assertThat(byRef("L-2010-003").dueOn()).isNull();
    RequestRow screening = byRef("L-2010-004");
    assertThat(screening.status()).isEqualTo("SCREENING");
    assertThat(screening.receivedOn()).isEqualTo(LocalDate.of(2010, 3, 9));
    assertThat(screening.dueOn()).isEqualTo(dueDate(LocalDate.of(2010, 3, 9), 20));
    assertThat(screening.description()).isEqualTo("申请公开\"某专项资金\"分配结果，含附表，\n分年度列出");
    assertThat(screening.trackingNumber()).doesNotStartWith("L-");

    // the request says it came from the ledger; no mail went to anyone; the open ones have their
    // timers
    JsonNode view = json.readTree(get("/api/requests/" + disclosed.id(), "reviewer").body());
    assertThat(view.get("warnings").toString()).contains("台账导入").contains("L-2009-001");
    assertThat(view.get("events").toString()).contains("LEDGER_IMPORTED");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_mail m JOIN dd_request r ON r.id = m.request_id"
                        + " WHERE r.external_reference LIKE 'L-20%'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN dd_request r"
                        + " ON r.process_instance_id = j.PROCESS_INSTANCE_ID_ WHERE j.TYPE_ = 'timer' AND r.external_reference = 'L-2010-003'")
                .query(Long.class)
                .single())
        .isPositive();

    // table 三 of both years, as worked out by hand (columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他,
    // 总计)
    Map<String, long[]> y2009 = minus(table(2009), base2009);
    assertThat(y2009.get("NEW_THIS_YEAR")).containsExactly(4, 1, 0, 0, 1, 0, 6);
    assertThat(y2009.get("CARRIED_OVER_FROM_LAST_YEAR")).containsExactly(0, 0, 0, 0, 0, 0, 0);
    assertThat(y2009.get("DISCLOSED")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(y2009.get("PARTIALLY_DISCLOSED")).containsExactly(0, 1, 0, 0, 0, 0, 1);
    assertThat(y2009.get("UNAVAILABLE_STILL_UNCLEAR")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(y2009.get("OTHER_NO_SUPPLEMENT")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(y2009.get("CONCLUDED_TOTAL")).containsExactly(3, 1, 0, 0, 0, 0, 4);
    assertThat(y2009.get("CARRIED_FORWARD_TO_NEXT_YEAR")).containsExactly(1, 0, 0, 0, 1, 0, 2);
    Map<String, long[]> y2010 = minus(table(2010), base2010);
    assertThat(y2010.get("NEW_THIS_YEAR")).containsExactly(3, 0, 1, 0, 0, 1, 5);
    assertThat(y2010.get("CARRIED_OVER_FROM_LAST_YEAR")).containsExactly(1, 0, 0, 0, 1, 0, 2);
    assertThat(y2010.get("UNAVAILABLE_NOT_HELD")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(y2010.get("NOT_PROCESSED_DUPLICATE")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(y2010.get("WITHHELD_THIRD_PARTY_RIGHTS")).containsExactly(0, 0, 1, 0, 0, 0, 1);
    assertThat(y2010.get("OTHER")).containsExactly(1, 0, 0, 0, 0, 0, 1);
    assertThat(y2010.get("CONCLUDED_TOTAL")).containsExactly(3, 0, 1, 0, 0, 0, 4);
    assertThat(y2010.get("CARRIED_FORWARD_TO_NEXT_YEAR")).containsExactly(1, 0, 0, 0, 1, 1, 3);

    // the same file again changes nothing
    JsonNode again = importFile(file, "ledger.xlsx", false, "clerk");
    assertThat(again.get("imported").asInt()).isZero();
    assertThat(again.get("unchanged").asInt()).isEqualTo(11);
    assertThat(count()).isEqualTo(before + 11);

    // export → the same cells; export → import is a round trip (nothing new)
    List<Map<LedgerColumn, String>> exported = new ArrayList<>();
    for (int year : new int[] {2009, 2010}) {
      HttpResponse<byte[]> x = get("/api/requests?year=" + year + "&format=xlsx", "clerk");
      assertThat(x.statusCode()).isEqualTo(200);
      assertThat(x.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
      exported.addAll(readXlsx(x.body()));
    }
    Map<String, Map<LedgerColumn, String>> byRef = new HashMap<>();
    exported.forEach(r -> byRef.put(r.get(EXTERNAL_REFERENCE), r));
    for (Map<LedgerColumn, String> original : ledger) {
      assertThat(byRef.get(original.get(EXTERNAL_REFERENCE)))
          .as(original.get(EXTERNAL_REFERENCE))
          .isEqualTo(original);
    }
    JsonNode roundTrip = importFile(LedgerFile.xlsx(exported), "export.xlsx", false, "clerk");
    assertThat(roundTrip.get("errors")).isEmpty();
    assertThat(roundTrip.get("unchanged").asInt()).isEqualTo(11);
    HttpResponse<byte[]> csv = get("/api/requests?year=2010&format=csv", "clerk");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    JsonNode csvTrip = importFile(csv.body(), "export.csv", true, "clerk");
    assertThat(csvTrip.get("errors")).as(csvTrip.toString()).isEmpty();
    assertThat(csvTrip.get("unchanged").asInt()).isEqualTo(5);

    // managers read the export with ID numbers and phones masked
    String managers =
        new String(
            get("/api/requests?year=2009&format=csv", "manager").body(), StandardCharsets.UTF_8);
    assertThat(managers)
        .doesNotContain("110101199003072316")
        .doesNotContain("13800000001")
        .contains("1101****");
  }

  /**
   * Issue #26: the import reported a problem with the reviewer (reviewedBy) in the 答复日期 column.
   * Each field a row's steps send carries the cell of the column its problems are reported in; 答复日期
   * is the day of the decision, of its sign-off and of the confidentiality review; the reviewer,
   * whom the ledger does not name, is no cell's.
   */
  @Test
  void everyFieldAStepSendsComesFromTheColumnItsProblemsAreReportedIn() {
    Map<LedgerColumn, String> cells =
        row(
            EXTERNAL_REFERENCE,
            "M-1",
            CHANNEL,
            "IN_PERSON",
            ARRIVED_ON,
            "2009-01-05",
            APPLICANT_TYPE,
            "NATURAL_PERSON",
            APPLICANT_NAME,
            "马映射",
            ID_NUMBER,
            "110101199003072316",
            EMAIL,
            "m@example.org",
            DESCRIPTION,
            "申请公开映射",
            TOPIC,
            "社保信息",
            SUPPLEMENT_NOTICE_ON,
            "2009-01-06",
            SUPPLEMENT_DUE_ON,
            "2009-01-20",
            SUPPLEMENT_RECEIVED_ON,
            "2009-01-12",
            EXTENSION_WORKING_DAYS,
            "15",
            EXTENSION_APPROVED_ON,
            "2009-02-02",
            OUTCOME,
            "DISCLOSED",
            ALREADY_PUBLIC,
            "true",
            REPLIED_ON,
            "2009-02-27",
            NOTE,
            "说明");
    List<LedgerImport.Problem> problems = new ArrayList<>();
    LedgerRow row =
        LedgerRow.parse(new LedgerFile.Line(2, cells), LocalDate.of(2010, 3, 15), problems);
    assertThat(problems).isEmpty();

    LocalDate replied = LocalDate.of(2009, 2, 27);
    assertThat(row.repliedOn()).isEqualTo(replied);
    assertThat(row.decision().decidedOn()).isEqualTo(replied);
    assertThat(row.signOff().decidedOn()).isEqualTo(replied);
    assertThat(row.decision().confidentialityReview().reviewedOn()).isEqualTo(replied);
    assertThat(row.decision().confidentialityReview().reviewedBy())
        .isEqualTo(LedgerImport.FROM_LEDGER);
    assertThat(LedgerImport.DECISION)
        .containsEntry("decidedOn", REPLIED_ON)
        .containsEntry("reviewedOn", REPLIED_ON)
        .doesNotContainKey("reviewedBy");

    assertFromTheirColumns(row.registration(null), LedgerImport.REGISTRATION, cells);
    assertFromTheirColumns(row.supplementRequest(), LedgerImport.SUPPLEMENT, cells);
    assertFromTheirColumns(row.supplement(), LedgerImport.SUPPLEMENT, cells);
    assertFromTheirColumns(row.extensionRequest(), LedgerImport.EXTENSION, cells);
    assertFromTheirColumns(row.extensionDecision(), LedgerImport.EXTENSION, cells);
    assertFromTheirColumns(row.decision(), LedgerImport.DECISION, cells);
    assertFromTheirColumns(row.signOff(), LedgerImport.DECISION, cells);
  }

  /**
   * Every value of the step's body whose field a column is named for (by its path, {@code
   * applicant.name}, or, as the decision's review reaches the process, by its own name) is that
   * column's cell.
   */
  private void assertFromTheirColumns(
      Record step, Map<String, LedgerColumn> columns, Map<LedgerColumn, String> cells) {
    List<String> checked = new ArrayList<>();
    walk(
        json.valueToTree(step),
        "",
        (path, value) -> {
          String name = path.substring(path.lastIndexOf('.') + 1);
          LedgerColumn column = columns.containsKey(path) ? columns.get(path) : columns.get(name);
          if (column != null) {
            assertThat(value.asText()).as(step + " " + path).isEqualTo(cells.get(column));
            checked.add(path);
          }
        });
    assertThat(checked).as(step.toString()).isNotEmpty();
  }

  private static void walk(
      JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> leaf) {
    node.fields()
        .forEachRemaining(
            f -> {
              String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
              if (f.getValue().isObject()) {
                walk(f.getValue(), at, leaf);
              } else if (!f.getValue().isNull()) {
                leaf.accept(at, f.getValue());
              }
            });
  }

  @Test
  void theDryRunNamesEveryBadCellAndNothingIsWritten() throws Exception {
    List<Map<LedgerColumn, String>> rows = new ArrayList<>();
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "B-1",
            CHANNEL,
            "飞鸽传书",
            ARRIVED_ON,
            "2007-02-30",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "甲",
            DESCRIPTION,
            "内容",
            EMAIL,
            "not-a-mail"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "B-2",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2007-03-01",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "乙",
            OUTCOME,
            "予以公开"));
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "B-1",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2011-01-01",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "丙",
            DESCRIPTION,
            "内容",
            EXTENSION_WORKING_DAYS,
            "30"));
    // passes the cell checks, fails in the process: the decision is dated before the request
    // arrived
    rows.add(
        row(
            EXTERNAL_REFERENCE,
            "B-4",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2007-03-05",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "丁",
            DESCRIPTION,
            "内容",
            OUTCOME,
            "重复申请",
            REPLIED_ON,
            "2007-03-01"));
    long before = count();
    JsonNode r = importFile(LedgerFile.xlsx(rows), "bad.xlsx", true, "clerk");
    List<String> problems = new ArrayList<>();
    r.get("errors")
        .forEach(e -> problems.add(e.get("row").asInt() + " " + e.get("column").asText()));
    assertThat(problems)
        .contains(
            "2 申请渠道",
            "2 到达日期",
            "2 电子邮箱",
            "3 申请内容",
            "3 答复日期",
            "4 原编号",
            "4 到达日期",
            "4 延期工作日",
            "4 延期批准日期");
    assertThat(r.get("imported").asInt()).isZero();
    assertThat(count()).isEqualTo(before);

    // a file whose cells are right but whose steps are not: the process's own rule, on the right
    // cell
    JsonNode steps = importFile(LedgerFile.xlsx(rows.subList(3, 4)), "bad.xlsx", false, "clerk");
    assertThat(steps.get("errors").toString()).contains("答复日期").contains("不能早于");
    assertThat(count()).isEqualTo(before);
    assertThat(requests.findByExternalReference("B-4")).isEmpty();

    // a good row and a bad one: all or nothing
    List<Map<LedgerColumn, String>> mixed =
        List.of(
            row(
                EXTERNAL_REFERENCE,
                "B-5",
                CHANNEL,
                "IN_PERSON",
                ARRIVED_ON,
                "2007-04-02",
                APPLICANT_TYPE,
                "NATURAL_PERSON",
                APPLICANT_NAME,
                "戊",
                DESCRIPTION,
                "内容",
                OUTCOME,
                "DISCLOSED",
                REPLIED_ON,
                "2007-04-03"),
            rows.get(3));
    JsonNode all = importFile(LedgerFile.xlsx(mixed), "mixed.xlsx", false, "clerk");
    assertThat(all.get("errors")).hasSize(1);
    assertThat(requests.findByExternalReference("B-5")).isEmpty();
  }

  @Test
  void aCsvInCodesImportsAndTheHeaderMustBeTheTemplates() throws Exception {
    String csv =
        "\uFEFF"
            + String.join(",", LedgerColumn.headers())
            + "\r\n"
            + "C-1,IN_PERSON,2007-05-08,,NATURAL_PERSON,\"钱,某\",,,,,'+86 10 1234,,\"=SUM(A1)\",,,,,,,DISCLOSED,否,,,"
            + "2007-05-10,\r\n";
    JsonNode r = importFile(csv.getBytes(StandardCharsets.UTF_8), "ledger.csv", false, "clerk");
    assertThat(r.get("errors")).as(r.toString()).isEmpty();
    RequestRow c = requests.findByExternalReference("C-1").orElseThrow();
    assertThat(c.applicantName()).isEqualTo("钱,某");
    assertThat(c.applicantPhone()).isEqualTo("+86 10 1234");
    assertThat(c.description()).isEqualTo("=SUM(A1)");
    assertThat(c.alreadyPublic()).isFalse();
    // the export writes a formula-looking cell so that a spreadsheet shows it as text
    String out =
        new String(
            get("/api/requests?year=2007&format=csv", "clerk").body(), StandardCharsets.UTF_8);
    assertThat(out).contains("'=SUM(A1)").contains("'+86 10 1234");

    String wrong = "原编号,渠道\r\nX,当面提交\r\n";
    JsonNode h = importFile(wrong.getBytes(StandardCharsets.UTF_8), "x.csv", true, "clerk");
    assertThat(h.get("errors").toString()).contains("渠道").contains("不是导入模板的列").contains("缺少该列");
    JsonNode notUtf8 =
        importFile("原编号".getBytes(java.nio.charset.Charset.forName("GBK")), "x.csv", true, "clerk");
    assertThat(notUtf8.get("errors").toString()).contains("UTF-8");
  }

  @Test
  void templateAndAccess() throws Exception {
    HttpResponse<byte[]> t = get("/api/ledger/template", "clerk");
    assertThat(t.statusCode()).isEqualTo(200);
    assertThat(t.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
      Row head = wb.getSheetAt(0).getRow(0);
      List<String> headers = new ArrayList<>();
      head.forEach(c -> headers.add(c.getStringCellValue()));
      // API.md's column list, in its order
      assertThat(headers)
          .containsExactly(
              "原编号",
              "申请渠道",
              "到达日期",
              "确认日期",
              "申请人类型",
              "申请人姓名或名称",
              "证件类型",
              "证件号码",
              "统一社会信用代码",
              "电子邮箱",
              "联系电话",
              "通信地址",
              "申请内容",
              "信息类别",
              "补正告知日期",
              "补正期限",
              "补正收到日期",
              "延期工作日",
              "延期批准日期",
              "处理结果",
              "已主动公开",
              "第三方权益",
              "不掌握原因",
              "答复日期",
              "说明");
      Sheet help = wb.getSheet("填写说明");
      assertThat(help.getRow(1).getCell(0).getStringCellValue()).isEqualTo("原编号");
    }
    assertThat(get("/api/ledger/template", "manager").statusCode()).isEqualTo(403);
    assertThat(get("/api/ledger/template", null).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> reviewer =
        send(multipart(LedgerFile.template(), "t.xlsx", true, "reviewer", null));
    assertThat(reviewer.statusCode()).isEqualTo(403);
    HttpResponse<byte[]> foreign =
        send(multipart(LedgerFile.template(), "t.xlsx", true, "clerk", "https://evil.example"));
    assertThat(foreign.statusCode()).isEqualTo(403);
    HttpResponse<byte[]> noFile =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/ledger/import"))
                .header("Authorization", basic("clerk"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(new String(noFile.body(), StandardCharsets.UTF_8)).contains("\"file\"");
    assertThat(get("/api/requests?format=pdf", "clerk").statusCode()).isEqualTo(400);
    String page = new String(get("/ledger", "clerk").body(), StandardCharsets.UTF_8);
    assertThat(page).contains("导入原有台账").contains("试导入");
    // every staff member searches the ledger; only clerks and admins import
    String managers = new String(get("/ledger", "manager").body(), StandardCharsets.UTF_8);
    assertThat(managers).contains("查询台账").doesNotContain("导入原有台账");
  }

  // --- helpers

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM dd_request").query(Long.class).single();
  }

  private RequestRow byRef(String ref) {
    return requests.findByExternalReference(ref).orElseThrow();
  }

  private LocalDate dueDate(LocalDate from, int workingDays) throws Exception {
    JsonNode d =
        json.readTree(
            get("/api/calendar/due-date?from=" + from + "&workingDays=" + workingDays, "clerk")
                .body());
    return LocalDate.parse(d.get("dueOn").asText());
  }

  private Map<String, long[]> table(int year) throws Exception {
    JsonNode s = json.readTree(get("/api/statistics/" + year, "manager").body());
    assertThat(s.get("consistent").asBoolean()).isTrue();
    Map<String, long[]> m = new LinkedHashMap<>();
    s.get("rows")
        .forEach(
            r -> {
              long[] v = new long[7];
              for (int i = 0; i < 7; i++) {
                v[i] = r.get("values").get(i).asLong();
              }
              m.put(r.get("code").asText(), v);
            });
    return m;
  }

  private static Map<String, long[]> minus(Map<String, long[]> after, Map<String, long[]> before) {
    Map<String, long[]> m = new LinkedHashMap<>();
    after.forEach(
        (code, v) -> {
          long[] d = new long[v.length];
          for (int i = 0; i < v.length; i++) {
            d[i] = v[i] - before.get(code)[i];
          }
          m.put(code, d);
        });
    return m;
  }

  static List<Map<LedgerColumn, String>> readXlsx(byte[] body) throws Exception {
    LedgerFile.Read read = LedgerFile.read("x.xlsx", body);
    assertThat(read.problems()).isEmpty();
    return read.lines().stream()
        .map(l -> (Map<LedgerColumn, String>) new EnumMap<>(l.cells()))
        .toList();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (user != null) {
      b.header("Authorization", basic(user));
    }
    return send(b);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder multipart(
      byte[] file, String name, boolean dryRun, String user, String origin) throws Exception {
    String boundary = "----ledger" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + "/api/ledger/import?dryRun=" + dryRun))
            .header("Authorization", basic(user))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return b;
  }

  private JsonNode importFile(byte[] file, String name, boolean dryRun, String user)
      throws Exception {
    HttpResponse<byte[]> r = send(multipart(file, name, dryRun, user, null));
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return json.readTree(r.body());
  }
}
