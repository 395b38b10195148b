package org.disclosuredesk.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.disclosuredesk.appeal.AppealKind;
import org.disclosuredesk.appeal.AppealResult;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.security.PersonalData;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.Layout;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.disclosuredesk.statistics.counting.Paragraph;
import org.disclosuredesk.statistics.counting.Tally;
import org.springframework.stereotype.Service;

/**
 * "Every number opens its requests": the requests (or appeals) counted in one cell of table 三,
 * table 四 or the pre-2019 template, and in each count of the report paragraph.
 *
 * <p>A list is not a second set of rules: every row of the facet that feeds the cell is read with
 * the statistics query's own conditions ({@link DrillDownRepository}) as the same one-member {@link
 * Tally} that query makes of it, and the tables' own code ({@link AnnualTable#compute}, {@link
 * LegacyTable#compute}) decides whether that group lands in the cell — once per distinct group, not
 * per request. A list therefore holds exactly the cell's count whenever the running tallies equal a
 * recount of dd_request (what {@link Reconciliation} checks).
 */
@Service
// no read-only transaction, as StatisticsService: the legacy rows evaluate the DMN mapping, which
// writes history
public class DrillDown {

  /**
   * A line of a list: a request, or an appeal with its request (the pre-2019 template's lists hold
   * either).
   */
  public sealed interface ListItem permits RequestItem, AppealItem {}

  @Schema(description = "表中计入的一件申请；管理人员看到的申请人姓名或名称打码（如 张**）")
  public record RequestItem(
      String id,
      @Schema(description = "受理编号") String trackingNumber,
      @Schema(description = "申请人姓名或名称；管理人员看到的是打码的（张**）") String applicantName,
      String applicantType,
      String applicantTypeLabel,
      @Schema(description = "收到申请之日") LocalDate receivedOn,
      @Schema(description = "答复期限（现行有效的）") LocalDate dueOn,
      @Schema(description = "办结日期；未办结为 null") LocalDate concludedOn,
      @Schema(description = "办理结果代码；未办结为 null") String outcome,
      String outcomeLabel,
      @Schema(description = "所属机关代码（平台上有多个机关时）") @JsonInclude(JsonInclude.Include.NON_NULL)
          String agency)
      implements ListItem {}

  @Schema(description = "表四中计入的一件复议或诉讼案件，连同引起它的申请（申请的字段在前，与 RequestItem 相同）")
  public record AppealItem(
      @JsonUnwrapped RequestItem request,
      String appealId,
      @Schema(description = "RECONSIDERATION、LITIGATION_DIRECT 或 LITIGATION_AFTER_RECONSIDERATION")
          String kind,
      String kindLabel,
      @Schema(description = "案号") String caseNumber,
      @Schema(description = "收到复议申请或起诉的日期") LocalDate appealReceivedOn,
      @Schema(description = "审结日期；尚未审结为 null") LocalDate decidedOn,
      @Schema(description = "UPHELD、CORRECTED 或 OTHER；尚未审结为 null") String result,
      String resultLabel)
      implements ListItem {}

  @Schema(description = "表三一个单元格计入的申请")
  public record RequestList(
      int year,
      String row,
      String column,
      String rowLabel,
      String columnLabel,
      @Schema(description = "只列此渠道收到的申请（仅 row=NEW_THIS_YEAR）")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          String channel,
      @Schema(description = "只列此信息类别的申请；其他 含未填类别的（仅 row=NEW_THIS_YEAR）")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          String topic,
      @Schema(description = "件数，即 items 的条数") int count,
      List<RequestItem> items,
      @Schema(description = "计入的机关代码（平台上有多个机关时；汇总表的单元格为其汇总的各机关）")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          List<String> agencies) {}

  @Schema(description = "表四一个单元格计入的复议、诉讼案件")
  public record AppealList(
      int year,
      String row,
      String column,
      String rowLabel,
      String columnLabel,
      @Schema(description = "件数，即 items 的条数") int count,
      List<AppealItem> items,
      @Schema(description = "计入的机关代码（平台上有多个机关时）") @JsonInclude(JsonInclude.Include.NON_NULL)
          List<String> agencies) {}

  @Schema(description = "旧版统计表一行计入的申请（行政复议、行政诉讼各行为案件）")
  public record LegacyList(
      int year,
      String row,
      String rowLabel,
      @Schema(
              description = "`REQUESTS`：items 为申请；`APPEALS`：items 为复议诉讼案件",
              allowableValues = {"REQUESTS", "APPEALS"})
          String listOf,
      @Schema(description = "件数，即 items 的条数") int count,
      @ArraySchema(schema = @Schema(oneOf = {RequestItem.class, AppealItem.class}))
          List<ListItem> items,
      @Schema(description = "计入的机关代码（平台上有多个机关时）") @JsonInclude(JsonInclude.Include.NON_NULL)
          List<String> agencies) {}

  @Schema(description = "说明段落中的一个数字：它在段落中的位置、件数，以及列出这些申请的网页和接口")
  public record Figure(
      @Schema(description = "段落中的原文，如 `共收到政府信息公开申请10件`") String phrase,
      @Schema(description = "phrase 在 paragraph 中的起止位置（UTF-16 下标，end 不含）") int start,
      int end,
      long count,
      @Schema(description = "来自哪一行（表三或旧版统计表的行代码）") String row,
      @Schema(description = "表三的列；旧版统计表为 null") String column,
      String channel,
      String topic,
      @Schema(description = "列出这些申请的网页") String page,
      @Schema(description = "列出这些申请的接口（JSON；加 `&format=xlsx` 为 Excel）") String api) {}

  @Schema(description = "说明段落及其中每个件数的来源")
  public record ParagraphFigures(
      int year,
      String format,
      String paragraph,
      List<Figure> figures,
      @Schema(description = "计入的机关代码（平台上有多个机关时）") @JsonInclude(JsonInclude.Include.NON_NULL)
          List<String> agencies) {}

  static final String LISTS_REQUESTS = "REQUESTS";
  static final String LISTS_APPEALS = "APPEALS";

  private final DrillDownRepository repository;
  private final StatisticsService statistics;
  private final LegacyAnswerMapping mapping;

  public DrillDown(
      DrillDownRepository repository, StatisticsService statistics, LegacyAnswerMapping mapping) {
    this.repository = repository;
    this.statistics = statistics;
    this.mapping = mapping;
  }

  // ---- table 三

  /**
   * The requests of table 三's cell {@code row} × {@code column}; {@code channel} and {@code topic}
   * (NEW_THIS_YEAR only) narrow it to one count of the paragraph. Every bad parameter is named at
   * once (400).
   */
  public RequestList requests(
      ReportScope scope,
      String year,
      String row,
      String column,
      String channel,
      String topic,
      boolean masked) {
    FieldErrors errors = new FieldErrors();
    int y = checkRequests(year, row, column, channel, topic, errors);
    errors.throwIfAny();
    return requests(scope, y, row, column, channel, topic, masked);
  }

  /** Adds every bad parameter of {@link #requests} to {@code errors}; the year when it is good. */
  int checkRequests(
      String year, String row, String column, String channel, String topic, FieldErrors errors) {
    int y = year(year, errors);
    if (row == null || row.isBlank()) {
      errors.add("row", "必填：表三的行代码，如 NEW_THIS_YEAR、DISCLOSED、CONCLUDED_TOTAL");
    } else if (!isRow(row)) {
      errors.add(
          "row",
          "不是表三的行代码（应为 NEW_THIS_YEAR、CARRIED_OVER_FROM_LAST_YEAR、21 个办理结果代码、"
              + "CONCLUDED_TOTAL 或 CARRIED_FORWARD_TO_NEXT_YEAR）");
    }
    if (column == null || column.isBlank()) {
      errors.add("column", "必填：" + String.join("、", Layout.COLUMNS));
    } else if (!Layout.COLUMNS.contains(column)) {
      errors.add("column", "应为 " + String.join("、", Layout.COLUMNS));
    }
    boolean newRow = "NEW_THIS_YEAR".equals(row);
    if (channel != null && !newRow) {
      errors.add("channel", "只能与 row=NEW_THIS_YEAR 一起使用");
    } else if (channel != null && !isChannel(channel)) {
      errors.add("channel", "应为 " + String.join("、", names(Channel.values())));
    }
    if (topic != null && !newRow) {
      errors.add("topic", "只能与 row=NEW_THIS_YEAR 一起使用");
    } else if (topic != null && (topic.isBlank() || topic.length() > 100)) {
      errors.add("topic", "不能为空，不超过 100 个字符");
    }
    return y;
  }

  /** As above, for arguments already checked, over every agency of the platform. */
  public RequestList requests(
      int year, String row, String column, String channel, String topic, boolean masked) {
    return requests(statistics.platform(), year, row, column, channel, topic, masked);
  }

  /** As above, for arguments already checked. */
  public RequestList requests(
      ReportScope scope,
      int year,
      String row,
      String column,
      String channel,
      String topic,
      boolean masked) {
    Predicate<AnnualTable> inCell =
        t ->
            t.value(row, column) > 0
                && (channel == null || t.newByChannel().getOrDefault(channel, 0L) > 0)
                && (topic == null || t.newByTopic().getOrDefault(topic, 0L) > 0);
    List<DrillDownRepository.RequestRow> rows =
        counted(
            repository.requests(
                facet(row), year, Layout.TOTAL.equals(column) ? null : column, scope.filter()),
            g -> inCell.test(AnnualTable.compute(year, List.of(g))));
    return new RequestList(
        year,
        row,
        column,
        rowLabel(row),
        Layout.columnLabel(column),
        channel,
        topic,
        rows.size(),
        sortedRequests(rows, masked, scope),
        agencies(scope));
  }

  /** Table 三 rows have codes of {@link Layout#ROWS}. */
  static boolean isRow(String row) {
    return Layout.ROWS.stream().anyMatch(d -> d.code().equals(row));
  }

  /**
   * Which facet of the statistics query feeds a row of table 三 (see {@link AnnualTable#compute}).
   */
  private static Tally.Facet facet(String row) {
    return switch (row) {
      case "NEW_THIS_YEAR" -> Tally.Facet.NEW;
      case "CARRIED_OVER_FROM_LAST_YEAR" -> Tally.Facet.CARRIED_OVER;
      case "CARRIED_FORWARD_TO_NEXT_YEAR" -> Tally.Facet.CARRIED_FORWARD;
      default -> Tally.Facet.CONCLUDED; // the 21 outcomes and （七）总计
    };
  }

  /** "三、本年度办理结果 （三）不予公开1.属于国家秘密", as the CSV export labels the row. */
  static String rowLabel(String row) {
    Layout.RowDef def =
        Layout.ROWS.stream().filter(d -> d.code().equals(row)).findFirst().orElseThrow();
    return (def.section() == null ? "" : def.section() + " ") + def.fullLabel();
  }

  // ---- table 四

  public AppealList appeals(
      ReportScope scope, String year, String row, String column, boolean masked) {
    FieldErrors errors = new FieldErrors();
    int y = checkAppeals(year, row, column, errors);
    errors.throwIfAny();
    return appeals(scope, y, row, column, masked);
  }

  int checkAppeals(String year, String row, String column, FieldErrors errors) {
    int y = year(year, errors);
    if (row == null || row.isBlank()) {
      errors.add("row", "必填：" + String.join("、", Layout.APPEAL_ROWS));
    } else if (!Layout.APPEAL_ROWS.contains(row)) {
      errors.add("row", "应为 " + String.join("、", Layout.APPEAL_ROWS));
    }
    if (column == null || column.isBlank()) {
      errors.add("column", "必填：" + String.join("、", Layout.APPEAL_COLUMNS));
    } else if (!Layout.APPEAL_COLUMNS.contains(column)) {
      errors.add("column", "应为 " + String.join("、", Layout.APPEAL_COLUMNS));
    }
    return y;
  }

  public AppealList appeals(int year, String row, String column, boolean masked) {
    return appeals(statistics.platform(), year, row, column, masked);
  }

  public AppealList appeals(
      ReportScope scope, int year, String row, String column, boolean masked) {
    int c = Layout.APPEAL_COLUMNS.indexOf(column);
    // table 四: decided in Y by result, open on Y-12-31 as 尚未审结; 总计 is both
    List<Tally.Facet> facets =
        switch (column) {
          case "PENDING" -> List.of(Tally.Facet.APPEAL_PENDING);
          case Layout.TOTAL -> List.of(Tally.Facet.APPEAL_DECIDED, Tally.Facet.APPEAL_PENDING);
          default -> List.of(Tally.Facet.APPEAL_DECIDED);
        };
    List<DrillDownRepository.AppealRow> rows = new ArrayList<>();
    for (Tally.Facet f : facets) {
      rows.addAll(
          counted(
              repository.appeals(f, year, row, scope.filter()),
              g -> AnnualTable.compute(year, List.of(g)).appeals().get(row)[c] > 0));
    }
    int i = Layout.APPEAL_ROWS.indexOf(row);
    return new AppealList(
        year,
        row,
        column,
        Layout.APPEAL_ROW_LABELS.get(i),
        Layout.APPEAL_COLUMN_LABELS.get(c),
        rows.size(),
        sortedAppeals(rows, masked, scope),
        agencies(scope));
  }

  // ---- the pre-2019 template

  public LegacyList legacy(ReportScope scope, String year, String row, boolean masked) {
    FieldErrors errors = new FieldErrors();
    int y = checkLegacy(year, row, errors);
    errors.throwIfAny();
    return legacy(scope, y, row, masked);
  }

  int checkLegacy(String year, String row, FieldErrors errors) {
    int y = year(year, errors);
    if (row == null || row.isBlank()) {
      errors.add("row", "必填：旧版统计表的行代码，如 RECEIVED_TOTAL、ANSWERED_DISCLOSED");
    } else if ("FEES_COLLECTED_10K_YUAN".equals(row)) {
      errors.add("row", "收取费用是金额，不是件数，没有对应的申请列表");
    } else if (!isLegacyRow(row)) {
      errors.add(
          "row",
          "不是旧版统计表的行代码（如 RECEIVED_TOTAL、CONCLUDED_ON_TIME、ANSWERED_DISCLOSED、"
              + "RECONSIDERATION_UPHELD）");
    }
    return y;
  }

  public LegacyList legacy(int year, String row, boolean masked) {
    return legacy(statistics.platform(), year, row, masked);
  }

  public LegacyList legacy(ReportScope scope, int year, String row, boolean masked) {
    Tally.Facet facet = legacyFacet(row);
    if (facet == Tally.Facet.APPEAL_DECIDED) {
      List<DrillDownRepository.AppealRow> rows =
          counted(
              repository.appeals(facet, year, null, scope.filter()),
              g -> legacyTable(year, g, Map.of()).value(row) > 0);
      return new LegacyList(
          year,
          row,
          legacyRowLabel(row),
          LISTS_APPEALS,
          rows.size(),
          List.copyOf(sortedAppeals(rows, masked, scope)),
          agencies(scope));
    }
    List<DrillDownRepository.Counted<DrillDownRepository.RequestRow>> candidates =
        repository.requests(facet, year, null, scope.filter());
    Map<LegacyTable.Key, String> answers = Map.of();
    if (facet == Tally.Facet.CONCLUDED) {
      // the mapping decision once per distinct input, as StatisticsService.legacyTable does
      Set<LegacyTable.Key> keys = new LinkedHashSet<>();
      candidates.forEach(x -> keys.add(LegacyTable.Key.of(x.group())));
      answers = mapping.evaluate(keys);
    }
    Map<LegacyTable.Key, String> decided = answers;
    List<DrillDownRepository.RequestRow> rows =
        counted(candidates, g -> legacyTable(year, g, decided).value(row) > 0);
    return new LegacyList(
        year,
        row,
        legacyRowLabel(row),
        LISTS_REQUESTS,
        rows.size(),
        List.copyOf(sortedRequests(rows, masked, scope)),
        agencies(scope));
  }

  private static LegacyTable legacyTable(int year, Tally g, Map<LegacyTable.Key, String> answers) {
    return LegacyTable.compute(
        year, List.of(g), answers::get, AnnualTable.compute(year, List.of(g)));
  }

  /** Every row of the template but the fees, which are an amount. */
  static boolean isLegacyRow(String row) {
    return !"FEES_COLLECTED_10K_YUAN".equals(row)
        && LegacyTable.ROWS.stream().anyMatch(d -> d.code().equals(row));
  }

  /** Which facet feeds a row of the template (see {@link LegacyTable#compute}). */
  private static Tally.Facet legacyFacet(String row) {
    if (row.startsWith("RECEIVED_")) {
      return Tally.Facet.NEW;
    }
    if (row.startsWith("RECONSIDERATION_") || row.startsWith("LITIGATION_")) {
      return Tally.Facet.APPEAL_DECIDED;
    }
    return Tally.Facet.CONCLUDED; // CONCLUDED_*, ANSWERED_*, WITHHELD_*
  }

  /**
   * The row's label with the lines it sits under, since "1.当面申请数" or "涉及商业秘密" alone says little.
   */
  static String legacyRowLabel(String row) {
    String label =
        LegacyTable.ROWS.stream()
            .filter(d -> d.code().equals(row))
            .findFirst()
            .orElseThrow()
            .label();
    String parent;
    if (row.startsWith("WITHHELD_")) {
      parent = "（三）申请答复数 4.不同意公开答复数";
      label = label.replace("其中：", "");
    } else if (row.startsWith("RECEIVED_") && !row.equals("RECEIVED_TOTAL")) {
      parent = "（一）收到申请数";
    } else if (row.startsWith("CONCLUDED_") && !row.equals("CONCLUDED_TOTAL")) {
      parent = "（二）申请办结数";
    } else if (row.startsWith("ANSWERED_") && !row.equals("ANSWERED_TOTAL")) {
      parent = "（三）申请答复数";
    } else if (row.startsWith("RECONSIDERATION_") && !row.equals("RECONSIDERATION_TOTAL")) {
      parent = "（一）行政复议数量";
    } else if (row.startsWith("LITIGATION_") && !row.equals("LITIGATION_TOTAL")) {
      parent = "（二）行政诉讼数量";
    } else {
      return label;
    }
    return parent + " " + label;
  }

  // ---- the paragraphs

  /**
   * Each count of the annual paragraph ({@link Paragraph#annual}), in its order, with where it
   * comes from: channel and topic counts are the row NEW_THIS_YEAR narrowed to that channel or
   * topic. Rates and fees are no counts.
   */
  public ParagraphFigures paragraph(ReportScope scope, String year, String decimals) {
    int[] yd = yearAndDecimals(year, decimals);
    return paragraph(scope, statistics.table(yd[0], scope), yd[1]);
  }

  /** The same for a table already computed (the page shows one reading of the figures). */
  public ParagraphFigures paragraph(ReportScope scope, AnnualTable t, int decimals) {
    int y = t.year();
    String text = Paragraph.annual(t, decimals);
    List<Figure> figures = new ArrayList<>();
    Locator at = new Locator(text, scope);
    figures.add(at.cell("共收到政府信息公开申请", t.total("NEW_THIS_YEAR"), y, "NEW_THIS_YEAR"));
    figures.add(
        at.cell("上年结转", t.total("CARRIED_OVER_FROM_LAST_YEAR"), y, "CARRIED_OVER_FROM_LAST_YEAR"));
    for (Channel c : Channel.values()) {
      long n = t.newByChannel().getOrDefault(c.name(), 0L);
      if (n > 0) {
        figures.add(at.newRequests(c.label(), n, y, c.name(), null));
      }
    }
    t.newByTopic()
        .forEach(
            (topic, n) -> {
              if (n > 0) {
                figures.add(at.newRequests(topic, n, y, null, topic));
              }
            });
    figures.add(at.cell("本年度办结", t.concluded(), y, "CONCLUDED_TOTAL"));
    figures.add(
        at.cell(
            "结转下年度继续办理",
            t.total("CARRIED_FORWARD_TO_NEXT_YEAR"),
            y,
            "CARRIED_FORWARD_TO_NEXT_YEAR"));
    for (Outcome o : Outcome.values()) {
      if (t.total(o.name()) > 0) {
        figures.add(at.cell(o.label(), t.total(o.name()), y, o.name()));
      }
    }
    return new ParagraphFigures(y, StatisticsService.FORMAT, text, figures, agencies(scope));
  }

  /** The same for the pre-2019 paragraph ({@link Paragraph#legacy}); its topics are table 三's. */
  public ParagraphFigures legacyParagraph(ReportScope scope, String year, String decimals) {
    int[] yd = yearAndDecimals(year, decimals);
    int y = yd[0];
    LegacyTable t = statistics.legacyTable(y, scope);
    String text = Paragraph.legacy(t, yd[1]);
    List<Figure> figures = new ArrayList<>();
    Locator at = new Locator(text, scope);
    figures.add(at.legacy("共收到公开政府信息申请", t.value("RECEIVED_TOTAL"), y, "RECEIVED_TOTAL"));
    for (int i = 0; i < Paragraph.LEGACY_CHANNEL_ROWS.size(); i++) {
      String row = Paragraph.LEGACY_CHANNEL_ROWS.get(i);
      if (t.value(row) > 0) {
        figures.add(at.legacy(Paragraph.LEGACY_CHANNEL_NAMES.get(i), t.value(row), y, row));
      }
    }
    t.newByTopic()
        .forEach(
            (topic, n) -> {
              if (n > 0) {
                figures.add(at.newRequests(topic, n, y, null, topic));
              }
            });
    figures.add(at.legacy("本年度已答复", t.value("ANSWERED_TOTAL"), y, "ANSWERED_TOTAL"));
    figures.add(at.legacy("按时办结", t.value("CONCLUDED_ON_TIME"), y, "CONCLUDED_ON_TIME"));
    figures.add(at.legacy("延期办结", t.value("CONCLUDED_EXTENDED"), y, "CONCLUDED_EXTENDED"));
    figures.add(at.legacy("逾期办结", t.value("CONCLUDED_OVERDUE"), y, "CONCLUDED_OVERDUE"));
    for (String row : Paragraph.LEGACY_ANSWER_ROWS) {
      if (t.value(row) > 0) {
        figures.add(at.legacy("“" + Paragraph.ANSWER_NAMES.get(row) + "”", t.value(row), y, row));
      }
    }
    return new ParagraphFigures(y, StatisticsService.LEGACY_FORMAT, text, figures, agencies(scope));
  }

  /**
   * Finds each phrase "name + count + 件" in the paragraph after the one before (Paragraph writes
   * them in this order), so a name that occurs twice (其他 as a channel, a topic and an outcome) is
   * found where it belongs.
   */
  private static final class Locator {
    private final String text;
    private final ReportScope scope;
    private int from;

    Locator(String text, ReportScope scope) {
      this.text = text;
      this.scope = scope;
    }

    Figure cell(String name, long n, int year, String row) {
      return figure(
          name,
          n,
          row,
          Layout.TOTAL,
          null,
          null,
          DrillDownLinks.requests(year, row, Layout.TOTAL, scope),
          DrillDownLinks.apiRequests(year, row, Layout.TOTAL, scope));
    }

    Figure newRequests(String name, long n, int year, String channel, String topic) {
      return figure(
          name,
          n,
          "NEW_THIS_YEAR",
          Layout.TOTAL,
          channel,
          topic,
          DrillDownLinks.newRequests(year, channel, topic, scope),
          DrillDownLinks.apiNewRequests(year, channel, topic, scope));
    }

    Figure legacy(String name, long n, int year, String row) {
      return figure(
          name,
          n,
          row,
          null,
          null,
          null,
          DrillDownLinks.legacy(year, row, scope),
          DrillDownLinks.apiLegacy(year, row, scope));
    }

    private Figure figure(
        String name,
        long n,
        String row,
        String column,
        String channel,
        String topic,
        String page,
        String api) {
      String phrase = name + n + "件";
      int start = text.indexOf(phrase, from);
      if (start < 0) {
        // Paragraph and this list disagree: a bug to fix here, never a wrong link to show
        throw new IllegalStateException("phrase not in the paragraph: " + phrase);
      }
      from = start + phrase.length();
      return new Figure(phrase, start, from, n, row, column, channel, topic, page, api);
    }
  }

  // ---- shared

  /** The rows whose group the cell counts; the test runs once per distinct group. */
  private static <T> List<T> counted(
      List<DrillDownRepository.Counted<T>> candidates, Predicate<Tally> inCell) {
    Map<Tally, Boolean> decided = new HashMap<>();
    List<T> out = new ArrayList<>();
    for (DrillDownRepository.Counted<T> c : candidates) {
      if (decided.computeIfAbsent(c.group(), inCell::test)) {
        out.add(c.row());
      }
    }
    return out;
  }

  private int year(String text, FieldErrors errors) {
    try {
      return statistics.year(text);
    } catch (BadInputException e) {
      e.fields().forEach(errors::add);
      return 0;
    }
  }

  private int[] yearAndDecimals(String year, String decimals) {
    FieldErrors errors = new FieldErrors();
    int y = year(year, errors);
    int d = 1;
    try {
      d = StatisticsService.decimals(decimals);
    } catch (BadInputException e) {
      e.fields().forEach(errors::add);
    }
    errors.throwIfAny();
    return new int[] {y, d};
  }

  private static final Comparator<DrillDownRepository.RequestRow> BY_RECEIPT =
      Comparator.comparing(
              DrillDownRepository.RequestRow::receivedOn,
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              DrillDownRepository.RequestRow::trackingNumber,
              Comparator.nullsLast(Comparator.naturalOrder()));

  private static List<RequestItem> sortedRequests(
      List<DrillDownRepository.RequestRow> rows, boolean masked, ReportScope scope) {
    return rows.stream().sorted(BY_RECEIPT).map(r -> item(r, masked, scope)).toList();
  }

  private static List<AppealItem> sortedAppeals(
      List<DrillDownRepository.AppealRow> rows, boolean masked, ReportScope scope) {
    return rows.stream()
        .sorted(
            Comparator.comparing(
                    DrillDownRepository.AppealRow::receivedOn,
                    Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(
                    DrillDownRepository.AppealRow::caseNumber,
                    Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DrillDownRepository.AppealRow::id))
        .map(
            a ->
                new AppealItem(
                    item(a.request(), masked, scope),
                    a.id(),
                    a.kind(),
                    label(AppealKind.values(), a.kind(), AppealKind::label),
                    a.caseNumber(),
                    a.receivedOn(),
                    a.decidedOn(),
                    a.result(),
                    label(AppealResult.values(), a.result(), AppealResult::label)))
        .toList();
  }

  /**
   * Roles that do not deal with applicants (managers) see the name masked, as they see ID numbers
   * and phones: a list that answers "which requests?" needs the tracking number, not the person,
   * and it travels on in spreadsheets.
   */
  private static RequestItem item(
      DrillDownRepository.RequestRow r, boolean masked, ReportScope scope) {
    return new RequestItem(
        r.id(),
        r.trackingNumber(),
        masked ? PersonalData.maskName(r.applicantName()) : r.applicantName(),
        r.applicantType(),
        label(ApplicantType.values(), r.applicantType(), ApplicantType::label),
        r.receivedOn(),
        r.dueOn(),
        r.concludedOn(),
        r.outcome(),
        label(Outcome.values(), r.outcome(), Outcome::label),
        scope.whole() ? null : r.agencyCode());
  }

  /**
   * Whose requests a list holds, once the platform has several agencies (a plain run's lists stay
   * as they were).
   */
  private static List<String> agencies(ReportScope scope) {
    return scope.whole() ? null : scope.codes();
  }

  /**
   * The Chinese label of a code, or null for none or an unknown code (a data error still lists,
   * unlabelled).
   */
  private static <E extends Enum<E>> String label(
      E[] values, String code, java.util.function.Function<E, String> label) {
    for (E e : values) {
      if (e.name().equals(code)) {
        return label.apply(e);
      }
    }
    return null;
  }

  private static boolean isChannel(String code) {
    return names(Channel.values()).contains(code);
  }

  private static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }
}
