package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.disclosuredesk.handling.RequestActions;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every letter generated at its step for a realistic request, read back with Apache POI; the mails
 * that carry them; download, versions on regeneration, 404s; an admin's template folder.
 */
@MultiAgencyTest
class LettersTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static Path templateDir;

  // a port of its own: the machine is shared with other builds whose tests hold 3025
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(true);

  @DynamicPropertySource
  static void templateFolderAndMailPort(DynamicPropertyRegistry r) throws IOException {
    templateDir = Files.createTempDirectory("letter-templates");
    r.add("disclosure.letters.template-dir", templateDir::toString);
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_PORT);
  }

  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired IntakeService intake;
  @Autowired RequestActions actions;
  @Autowired RequestRepository requests;
  @Autowired ManagementService management;
  @Autowired CalendarService calendars;
  @Autowired Letters letters;
  @Autowired TestRestTemplate http;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired Agencies agencies;

  @org.springframework.beans.factory.annotation.Value("${disclosure.agency.code:AGENCY}")
  String defaultAgency;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(LocalDate.of(2026, 11, 20).atTime(10, 0), ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  LocalDate wd(LocalDate from, int n) {
    return calendars.calendar().addWorkingDays(from, n);
  }

  static String cn(LocalDate d) {
    return LetterContent.date(d);
  }

  /**
   * For the default agency: it names it, as the platform has several once the agency test has run.
   */
  RequestRow register(LocalDate arrivedOn, String email) {
    return register(arrivedOn, email, defaultAgency);
  }

  RequestRow register(LocalDate arrivedOn, String email, String agencyCode) {
    var form =
        new RegistrationForm(
                "ONLINE",
                arrivedOn.toString(),
                null,
                new RegistrationForm.Applicant(
                    "NATURAL_PERSON", "王五", "370102199001011234", null, email, "13800000000", null),
                null,
                "申请公开2025年就业补贴发放名单（" + UUID.randomUUID().toString().substring(0, 8) + "）",
                "就业信息",
                null,
                null,
                null)
            .forAgency(agencyCode);
    return intake.register(form, "clerk").request();
  }

  static Map<String, Object> body(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> review(LocalDate on) {
    return body("reviewedBy", "保密审查员", "reviewedOn", on.toString());
  }

  Letters.Letter latest(String requestId, LetterKind kind) {
    return letters.list(requestId).stream()
        .filter(l -> l.kind().equals(kind.name()))
        .reduce((a, b) -> b)
        .orElseThrow(
            () -> new AssertionError("no " + kind + " letter in " + letters.list(requestId)));
  }

  static String text(byte[] docx) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      return doc.getParagraphs().stream()
          .map(XWPFParagraph::getText)
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  String text(String requestId, LetterKind kind) {
    return text(letters.content(latest(requestId, kind).id()));
  }

  /** Delivers the queued mails as the job executor would. */
  void deliverMails() {
    for (Job j :
        management.createJobQuery().processDefinitionKey("mail-delivery").executable().list()) {
      management.executeJob(j.getId());
    }
  }

  /** The .docx attachments of the mails to this address, by mail subject. */
  static Map<String, List<byte[]>> attachments(String to) throws Exception {
    Map<String, List<byte[]>> out = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (!m.getAllRecipients()[0].toString().equals(to)) {
        continue;
      }
      List<byte[]> files = new ArrayList<>();
      if (m.getContent() instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          Part p = mp.getBodyPart(i);
          if (p.getFileName() != null
              && MimeUtility.decodeText(p.getFileName()).endsWith(".docx")) {
            assertThat(p.getContentType()).startsWith(LetterAttachments.DOCX);
            files.add(p.getInputStream().readAllBytes());
          }
        }
      }
      out.put(m.getSubject(), files);
    }
    return out;
  }

  @Test
  void everyStepWritesItsLetterAndTheApplicantsMailCarriesIt() throws Exception {
    LocalDate d = LocalDate.of(2026, 3, 2);
    String email = "wangwu-" + UUID.randomUUID() + "@example.org";
    RequestRow r = register(d, email);
    String ack = text(r.id(), LetterKind.ACKNOWLEDGEMENT);
    assertThat(ack)
        .contains(
            "政府信息公开申请收件回执",
            "受理编号：" + r.trackingNumber(),
            "王五：",
            "本机关于2026年3月2日收到您通过互联网渠道提交",
            "答复期限至" + cn(r.dueOn()),
            "示例市人力资源和社会保障局",
            "【印章】",
            "示例市示例路1号",
            "0000-00000000");

    LocalDate noticeOn = wd(d, 3);
    LocalDate supplementDue = wd(d, 13);
    actions.supplementRequest(
        r.id(),
        body(
            "noticeOn",
            noticeOn.toString(),
            "supplementDueOn",
            supplementDue.toString(),
            "items",
            "1. 请明确所需名单的发放月份\n2. 请说明所指补贴的种类"),
        "reviewer");
    String supplement = text(r.id(), LetterKind.SUPPLEMENT_NOTICE);
    assertThat(supplement)
        .contains(
            "补正申请告知书",
            "第三十条",
            "1. 请明确所需名单的发放月份",
            "2. 请说明所指补贴的种类",
            "请您于" + cn(supplementDue) + "前（含当日）",
            cn(noticeOn),
            "视为放弃申请");

    LocalDate received = wd(d, 6);
    actions.supplement(r.id(), body("receivedOn", received.toString()), "clerk");
    actions.screening(r.id(), body("result", "PROCEED"), "reviewer");
    LocalDate sent = wd(received, 2);
    String consultationId =
        actions.consultation(
            r.id(),
            body("kind", "THIRD_PARTY", "party", "某某人力资源有限公司", "sentOn", sent.toString()),
            "reviewer");
    String consultation = text(r.id(), LetterKind.CONSULTATION);
    assertThat(consultation)
        .contains(
            "第三方意见征询函", "某某人力资源有限公司：", "第三十二条", "15个工作日内", "即于" + cn(wd(sent, 15)) + "前", cn(sent))
        .doesNotContain("王五");
    assertThat(latest(r.id(), LetterKind.CONSULTATION).sourceId()).isEqualTo(consultationId);
    LocalDate replied = wd(sent, 4);
    actions.consultationReply(
        r.id(), body("repliedOn", replied.toString(), "opinion", "AGREE"), "clerk");

    LocalDate feeOn = wd(replied, 1);
    actions.feeNotice(
        r.id(),
        body("noticeOn", feeOn.toString(), "method", "PER_VOLUME", "pages", 40, "amountYuan", 100),
        "reviewer");
    String fee = text(r.id(), LetterKind.FEE_NOTICE);
    assertThat(fee)
        .contains(
            "信息处理费收费通知",
            "按量计收（共40页）",
            "人民币100.00元（大写：壹佰元整）",
            "即于" + cn(wd(feeOn, 20)) + "前（含当日）",
            "国办函〔2020〕109号",
            cn(feeOn));
    LocalDate paid = wd(feeOn, 3);
    actions.feePayment(r.id(), body("paidOn", paid.toString()), "clerk");

    LocalDate asked = wd(paid, 1);
    actions.extension(
        r.id(),
        body("requestedOn", asked.toString(), "workingDays", 15, "reason", "需要调阅多个年度的档案"),
        "reviewer");
    actions.extensionDecision(
        r.id(), body("approved", true, "decidedOn", asked.toString()), "head");
    RequestRow extended = requests.get(r.id());
    String extension = text(r.id(), LetterKind.EXTENSION_NOTICE);
    assertThat(extension)
        .contains(
            "延期答复告知书",
            "因需要调阅多个年度的档案",
            "第三十三条第二款",
            "延长15个工作日",
            "将于" + cn(extended.dueOn()) + "前作出答复",
            cn(asked));

    LocalDate decided = wd(asked, 2);
    actions.decision(
        r.id(),
        body(
            "outcome",
            "DISCLOSED",
            "decidedOn",
            decided.toString(),
            "deliveryMethod",
            "EMAIL",
            "confidentialityReview",
            review(decided)),
        "reviewer");
    String reply = text(r.id(), LetterKind.REPLY);
    assertThat(reply)
        .contains(
            "政府信息公开申请答复书",
            "受理编号：" + r.trackingNumber(),
            "第三十六条第（二）项",
            "（提供方式：电子邮件）",
            "60日内向示例市人民政府申请行政复议",
            "6个月内向示例市示例区人民法院提起行政诉讼",
            cn(decided));

    // nothing left unfilled in any of them
    for (Letters.Letter l : letters.list(r.id())) {
      assertThat(text(letters.content(l.id()))).as(l.title()).doesNotContain("{{", "}}");
    }

    deliverMails();
    Map<String, List<byte[]>> mailed = attachments(email);
    assertThat(mailed).hasSize(5); // acknowledgement, supplement, fee, extension, reply
    assertThat(mailed.values()).allSatisfy(files -> assertThat(files).hasSize(1));
    assertThat(text(mailed.get("收件回执：政府信息公开申请 " + r.trackingNumber()).get(0))).contains("收件回执");
    assertThat(text(mailed.get("补正申请告知：" + r.trackingNumber()).get(0))).contains("补正申请告知书");
    assertThat(text(mailed.get("信息处理费收费通知：" + r.trackingNumber()).get(0))).contains("壹佰元整");
    assertThat(text(mailed.get("延期答复告知：" + r.trackingNumber()).get(0))).contains("延长15个工作日");
    assertThat(text(mailed.get("政府信息公开申请答复：" + r.trackingNumber()).get(0))).contains("第三十六条第（二）项");
  }

  @Test
  void everyOutcomeHasItsReply() {
    LocalDate d = LocalDate.of(2026, 6, 1);
    LocalDate on = wd(d, 5);
    Map<String, Map<String, Object>> decisions = new java.util.LinkedHashMap<>();
    decisions.put(
        "已经主动公开",
        body(
            "outcome",
            "DISCLOSED",
            "alreadyPublic",
            true,
            "reason",
            "请登录示例市人社局网站“政府信息公开—财政资金”栏目查阅",
            "confidentialityReview",
            review(on)));
    decisions.put(
        "第三十七条",
        body(
            "outcome",
            "PARTIALLY_DISCLOSED",
            "reason",
            "名单中的身份证号码属于个人隐私",
            "confidentialityReview",
            review(on)));
    decisions.put("属于依法确定为国家秘密的政府信息", body("outcome", "WITHHELD_STATE_SECRET"));
    decisions.put(
        "涉及个人隐私，公开会对第三方合法权益造成损害",
        body("outcome", "WITHHELD_THIRD_PARTY_RIGHTS", "thirdPartyInterest", "PERSONAL_PRIVACY"));
    decisions.put("第十六条第二款", body("outcome", "WITHHELD_PROCESS_INFORMATION"));
    decisions.put(
        "属于行政查询事项",
        body("outcome", "WITHHELD_ADMINISTRATIVE_QUERY", "reason", "请通过“社保查询”服务查询个人缴费记录"));
    decisions.put(
        "第三十六条第（四）项", body("outcome", "UNAVAILABLE_NOT_HELD", "notHeldReason", "DOES_NOT_EXIST"));
    decisions.put(
        "该政府信息由威海市财政局负责公开",
        body(
            "outcome",
            "UNAVAILABLE_NOT_HELD",
            "notHeldReason",
            "OTHER_AGENCY",
            "responsibleAgency",
            "威海市财政局",
            "reason",
            "联系电话：0631-0000000"));
    decisions.put("第三十八条", body("outcome", "UNAVAILABLE_NEEDS_CREATION"));
    decisions.put("第三十九条第一款", body("outcome", "NOT_PROCESSED_PETITION"));
    decisions.put(
        "作出答复（2025年第12号答复书）",
        body("outcome", "NOT_PROCESSED_DUPLICATE", "relatedReference", "2025年第12号答复书"));
    decisions.put("第三十九条第二款", body("outcome", "NOT_PROCESSED_PUBLICATION"));
    decisions.put("第三十五条", body("outcome", "NOT_PROCESSED_EXCESSIVE"));
    decisions.put("确认或者重新出具", body("outcome", "NOT_PROCESSED_CONFIRMATION"));
    decisions.put("属于工商登记资料，请依照有关规定办理", body("outcome", "OTHER", "reason", "属于工商登记资料，请依照有关规定办理"));
    for (var e : decisions.entrySet()) {
      RequestRow r = register(d, null);
      Map<String, Object> decision = new HashMap<>(e.getValue());
      decision.put("decidedOn", on.toString());
      actions.decision(r.id(), decision, "reviewer");
      String outcome = (String) decision.get("outcome");
      boolean signOff = outcome.startsWith("WITHHELD_") || outcome.equals("PARTIALLY_DISCLOSED");
      if (signOff) {
        assertThat(letters.list(r.id())).extracting(Letters.Letter::kind).doesNotContain("REPLY");
        actions.signOff(r.id(), body("approved", true, "decidedOn", wd(on, 1).toString()), "head");
      }
      String reply = text(r.id(), LetterKind.REPLY);
      assertThat(reply)
          .as(outcome)
          .contains(
              "政府信息公开申请答复书",
              r.trackingNumber(),
              e.getKey(),
              "60日内向示例市人民政府申请行政复议",
              cn(signOff ? wd(on, 1) : on))
          .doesNotContain("{{");
      if (signOff) {
        // reconsideration first (行政复议法 第二十三条)
        assertThat(reply).as(outcome).contains("第二十三条").doesNotContain("6个月内");
      } else {
        assertThat(reply).as(outcome).contains("6个月内向示例市示例区人民法院提起行政诉讼");
      }
    }
  }

  @Test
  void stillUnclearWithdrawnAndCustomPeriodLetters() {
    LocalDate d = LocalDate.of(2026, 7, 1);
    RequestRow unclear = register(d, null);
    LocalDate notice = wd(d, 2);
    actions.supplementRequest(
        unclear.id(),
        body(
            "noticeOn",
            notice.toString(),
            "supplementDueOn",
            wd(d, 12).toString(),
            "items",
            "请明确年份"),
        "reviewer");
    LocalDate supplied = wd(d, 5);
    actions.supplement(unclear.id(), body("receivedOn", supplied.toString()), "clerk");
    actions.decision(
        unclear.id(),
        body("outcome", "UNAVAILABLE_STILL_UNCLEAR", "decidedOn", wd(supplied, 3).toString()),
        "reviewer");
    assertThat(text(unclear.id(), LetterKind.REPLY))
        .contains("本机关已于" + cn(notice) + "告知您补正申请内容", "您于" + cn(supplied) + "提交了补正后的申请", "仍不明确");

    RequestRow withdrawn = register(d, null);
    LocalDate w = wd(d, 4);
    actions.withdrawal(
        withdrawn.id(), body("withdrawnOn", w.toString(), "note", "已通过其他途径获取"), "clerk");
    assertThat(text(withdrawn.id(), LetterKind.REPLY))
        .contains("您于" + cn(w) + "撤回了该政府信息公开申请", "说明：已通过其他途径获取", "6个月内");

    RequestRow many = register(d, null);
    LocalDate decided = wd(d, 3);
    actions.customPeriod(
        many.id(),
        body("decidedOn", decided.toString(), "workingDays", 40, "reason", "同一月内申请公开120项信息"),
        "head");
    assertThat(text(many.id(), LetterKind.CUSTOM_PERIOD_NOTICE))
        .contains(
            "延迟答复告知书",
            "第三十五条",
            "同一月内申请公开120项信息",
            "40个工作日",
            cn(requests.get(many.id()).dueOn()),
            cn(decided));
  }

  @Test
  void expiredPeriodsEndWithANoticeThatIsMailedAsTheReply() throws Exception {
    LocalDate d = LocalDate.of(2026, 4, 1);
    String email = "expired-" + UUID.randomUUID() + "@example.org";
    RequestRow noSupplement = register(d, email);
    LocalDate last = wd(d, 15);
    actions.supplementRequest(
        noSupplement.id(),
        body(
            "noticeOn",
            wd(d, 2).toString(),
            "supplementDueOn",
            last.toString(),
            "items",
            "请补充身份证明"),
        "reviewer");
    RequestRow unpaid = register(d, null);
    actions.screening(unpaid.id(), body("result", "PROCEED"), "reviewer");
    LocalDate feeOn = wd(d, 3);
    actions.feeNotice(
        unpaid.id(),
        body(
            "noticeOn", feeOn.toString(), "method", "PER_VOLUME", "pages", 120, "amountYuan", 1100),
        "reviewer");
    assertThat(text(unpaid.id(), LetterKind.FEE_NOTICE)).contains("人民币1100.00元（大写：壹仟壹佰元整）");

    // past the back-fill grace: the expiry timers fire
    ClockUtil.setCurrentTime(
        Date.from(ZonedDateTime.of(LocalDate.of(2026, 11, 20).atTime(13, 0), ZONE).toInstant()));
    for (int round = 0; round < 5; round++) {
      for (Job j : management.createJobQuery().executable().list()) {
        try {
          management.executeJob(j.getId());
        } catch (RuntimeException ignored) {
          // another test's job; its retries take it
        }
      }
    }
    assertThat(requests.get(noSupplement.id()).outcome()).isEqualTo("OTHER_NO_SUPPLEMENT");
    String notice = text(noSupplement.id(), LetterKind.DISCONTINUANCE_NOTICE);
    assertThat(notice)
        .contains(
            "不再处理告知书", "补正期限至" + cn(last), "第三十条", "不再处理该政府信息公开申请", cn(last.plusDays(1)), "6个月内");
    String feeNotice = text(unpaid.id(), LetterKind.DISCONTINUANCE_NOTICE);
    assertThat(feeNotice)
        .contains("不再处理告知书", "本机关已于" + cn(feeOn), "人民币1100.00元", "缴费期限至" + cn(wd(feeOn, 20)));
    assertThat(letters.list(unpaid.id())).extracting(Letters.Letter::kind).doesNotContain("REPLY");

    Map<String, List<byte[]>> mailed = attachments(email);
    assertThat(text(mailed.get("政府信息公开申请答复：" + noSupplement.trackingNumber()).get(0)))
        .contains("不再处理告知书");
  }

  @Test
  void lettersAreListedDownloadableAndRegeneratedAsNewVersions() {
    LocalDate d = LocalDate.of(2026, 8, 3);
    RequestRow r = register(d, null);
    actions.decision(
        r.id(),
        body(
            "outcome",
            "UNAVAILABLE_NOT_HELD",
            "notHeldReason",
            "OTHER_AGENCY",
            "responsibleAgency",
            "威海市财政局",
            "decidedOn",
            wd(d, 8).toString()),
        "reviewer");

    JsonNode view =
        http.withBasicAuth("manager", "manager")
            .getForObject("/api/requests/" + r.id(), JsonNode.class);
    assertThat(view.get("letters")).hasSize(2);
    JsonNode replyItem = view.get("letters").get(1);
    assertThat(replyItem.get("kind").asText()).isEqualTo("REPLY");
    assertThat(replyItem.get("title").asText()).isEqualTo("政府信息公开申请答复书");
    assertThat(replyItem.get("version").asInt()).isEqualTo(1);
    // free text names an agency outside the platform
    assertThat(view.get("decision").get("responsibleAgency").asText()).isEqualTo("威海市财政局");
    assertThat(view.get("decision").has("responsiblePlatformAgency")).isFalse();
    assertThat(replyItem.get("createdAt").isNull()).isFalse();
    String v1 = replyItem.get("id").asText();

    ResponseEntity<byte[]> file =
        http.withBasicAuth("clerk", "clerk")
            .getForEntity("/api/requests/" + r.id() + "/letters/" + v1, byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getHeaders().getContentType().toString()).isEqualTo(LetterAttachments.DOCX);
    assertThat(file.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("政府信息公开申请答复书-" + r.trackingNumber() + "-第1版.docx");
    assertThat(file.getHeaders().getFirst("Content-Disposition")).contains("filename*=UTF-8''");
    assertThat(text(file.getBody())).contains("威海市财政局");

    // a clerk may not regenerate; a reviewer makes version 2 from the data as it is now
    assertThat(
            http.withBasicAuth("clerk", "clerk")
                .exchange(
                    "/api/requests/" + r.id() + "/letters/" + v1 + "/regenerate",
                    HttpMethod.POST,
                    null,
                    JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    requests.update(r.id(), "responsible_agency", "威海市发展和改革委员会");
    ResponseEntity<JsonNode> again =
        http.withBasicAuth("reviewer", "reviewer")
            .exchange(
                "/api/requests/" + r.id() + "/letters/" + v1 + "/regenerate",
                HttpMethod.POST,
                null,
                JsonNode.class);
    assertThat(again.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getBody().get("version").asInt()).isEqualTo(2);
    assertThat(again.getBody().get("kind").asText()).isEqualTo("REPLY");
    String v2 = again.getBody().get("id").asText();
    assertThat(text(letters.content(v2))).contains("威海市发展和改革委员会");
    assertThat(
            text(
                http.withBasicAuth("reviewer", "reviewer")
                    .getForObject("/api/requests/" + r.id() + "/letters/" + v1, byte[].class)))
        .contains("威海市财政局");
    JsonNode listed =
        http.withBasicAuth("reviewer", "reviewer")
            .getForObject("/api/requests/" + r.id(), JsonNode.class)
            .get("letters");
    assertThat(listed).hasSize(3);
    assertThat(listed.get(2).get("version").asInt()).isEqualTo(2);

    // unknown letter, another request's letter, unknown request
    RequestRow other = register(d, null);
    // the Tasklist form of the next step links the letters
    var screening = tasks.createTaskQuery().processInstanceBusinessKey(other.id()).singleResult();
    Letters.Letter receipt = latest(other.id(), LetterKind.ACKNOWLEDGEMENT);
    assertThat((String) tasks.getVariableLocal(screening.getId(), "requestSummary"))
        .contains(
            "[政府信息公开申请收件回执（第1版）](/api/requests/" + other.id() + "/letters/" + receipt.id() + ")");
    assertThat(status("/api/requests/" + r.id() + "/letters/" + UUID.randomUUID())).isEqualTo(404);
    assertThat(status("/api/requests/" + other.id() + "/letters/" + v1)).isEqualTo(404);
    assertThat(status("/api/requests/" + UUID.randomUUID() + "/letters/" + v1)).isEqualTo(404);
    assertThat(status("/api/requests/" + r.id() + "/letters/" + "x".repeat(300))).isEqualTo(404);
    assertThat(
            http.withBasicAuth("reviewer", "reviewer")
                .exchange(
                    "/api/requests/" + r.id() + "/letters/" + UUID.randomUUID() + "/regenerate",
                    HttpMethod.POST,
                    null,
                    JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  private int status(String path) {
    return http.withBasicAuth("reviewer", "reviewer")
        .getForEntity(path, byte[].class)
        .getStatusCode()
        .value();
  }

  @Test
  void anAdminsTemplateOverridesTheBuiltInOneAndABrokenOneFallsBack() throws Exception {
    Path custom = templateDir.resolve("acknowledgement.docx");
    try {
      try (XWPFDocument doc = new XWPFDocument();
          OutputStream out = Files.newOutputStream(custom)) {
        var p = doc.createParagraph();
        // a tag split over runs, as Word often saves it
        p.createRun().setText("本局回执 {{tracking");
        p.createRun().setText("Number}} 收到日期 {{receivedOn}}");
        doc.write(out);
      }
      RequestRow r = register(LocalDate.of(2026, 9, 1), null);
      assertThat(text(r.id(), LetterKind.ACKNOWLEDGEMENT))
          .isEqualTo("本局回执 " + r.trackingNumber() + " 收到日期 2026年9月1日");

      Files.writeString(custom, "not a word document");
      RequestRow s = register(LocalDate.of(2026, 9, 1), null);
      assertThat(text(s.id(), LetterKind.ACKNOWLEDGEMENT))
          .contains("政府信息公开申请收件回执", s.trackingNumber());
    } finally {
      Files.deleteIfExists(custom);
    }
  }

  /** The plain text of the mails to this address, by subject. */
  static Map<String, String> mailTexts(String to) throws Exception {
    Map<String, String> out = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(to)) {
        out.put(m.getSubject(), plainText(m));
      }
    }
    return out;
  }

  private static String plainText(Part p) throws Exception {
    if (p.isMimeType("text/plain")) {
      return (String) p.getContent();
    }
    if (p.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        String t = plainText(mp.getBodyPart(i));
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /**
   * DOMAIN.md §8: each agency writes in its own name (name, address, phone, its reconsideration
   * body and court in the rights notice); an Art. 36(5) reply that names an agency of the platform
   * gives its contact from the registry, as it was when decided; an agency's own template folder
   * wins over the platform's templates.
   */
  @Test
  void eachAgencyWritesInItsOwnNameAndAReplyNamesAnotherPlatformAgencyWithItsContact()
      throws Exception {
    String sfx =
        String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 10000));
    String gov = "GOV" + sfx;
    String rsj = "RSJ" + sfx;
    String zrj = "ZRJ" + sfx;
    agencies.create(
        new Agencies.AgencyBody(
            gov,
            "示例市人民政府" + sfx,
            "市政府",
            "GOVERNMENT",
            null,
            "示例市人民路1号",
            "0631-5200001",
            null,
            "示例省人民政府",
            "示例市中级人民法院",
            null));
    // reconsideration body left out: its own government (行政复议法 第二十四条)
    agencies.create(
        new Agencies.AgencyBody(
            rsj,
            "示例市人力资源和社会保障局" + sfx,
            "市人社局",
            "DEPARTMENT",
            gov,
            "示例市人民路8号",
            "0631-5200008",
            null,
            null,
            "示例市环翠区人民法院",
            null));
    agencies.create(
        new Agencies.AgencyBody(
            zrj,
            "示例市自然资源和规划局" + sfx,
            "市自然资源局",
            "DEPARTMENT",
            gov,
            "示例市海滨路20号",
            "0631-5200020",
            "zrj@example.gov.cn",
            "示例省自然资源厅",
            "示例市铁路运输法院",
            null));

    LocalDate d = LocalDate.of(2026, 10, 12);
    RequestRow a = register(d, null, rsj);
    String emailB = "zrj-" + UUID.randomUUID() + "@example.org";
    RequestRow b = register(d, emailB, zrj);
    assertThat(text(a.id(), LetterKind.ACKNOWLEDGEMENT))
        .contains("示例市人力资源和社会保障局" + sfx, "示例市人民路8号", "0631-5200008")
        .doesNotContain("示例市示例路1号", "自然资源");
    assertThat(text(b.id(), LetterKind.ACKNOWLEDGEMENT))
        .contains("示例市自然资源和规划局" + sfx, "示例市海滨路20号", "0631-5200020")
        .doesNotContain("人力资源", "示例市示例路1号");

    LocalDate on = wd(d, 5);
    actions.decision(
        a.id(),
        body(
            "outcome",
            "DISCLOSED",
            "decidedOn",
            on.toString(),
            "confidentialityReview",
            review(on)),
        "reviewer");
    assertThat(text(a.id(), LetterKind.REPLY))
        .contains("示例市人力资源和社会保障局" + sfx, "60日内向示例市人民政府" + sfx + "申请行政复议", "6个月内向示例市环翠区人民法院提起行政诉讼");

    // naming itself is no Art. 36(5) answer
    RequestRow self = register(d, null, zrj);
    assertThatThrownBy(
            () ->
                actions.decision(
                    self.id(),
                    body(
                        "outcome",
                        "UNAVAILABLE_NOT_HELD",
                        "notHeldReason",
                        "OTHER_AGENCY",
                        "responsibleAgency",
                        zrj,
                        "decidedOn",
                        on.toString()),
                    "reviewer"))
        .isInstanceOfSatisfying(
            BadInputException.class, e -> assertThat(e.fields()).containsKey("responsibleAgency"));

    // nor is sending the applicant to an agency that no longer exists
    String old = "OLD" + sfx;
    agencies.create(
        new Agencies.AgencyBody(
            old,
            "示例市劳动局" + sfx,
            null,
            "DEPARTMENT",
            gov,
            "示例市人民路9号",
            "0631-5200009",
            null,
            null,
            "示例市环翠区人民法院",
            null));
    agencies.update(
        old,
        new Agencies.AgencyBody(
            old,
            "示例市劳动局" + sfx,
            null,
            "DEPARTMENT",
            gov,
            "示例市人民路9号",
            "0631-5200009",
            null,
            null,
            "示例市环翠区人民法院",
            false));
    assertThatThrownBy(
            () ->
                actions.decision(
                    self.id(),
                    body(
                        "outcome",
                        "UNAVAILABLE_NOT_HELD",
                        "notHeldReason",
                        "OTHER_AGENCY",
                        "responsibleAgency",
                        "示例市劳动局" + sfx,
                        "decidedOn",
                        on.toString()),
                    "reviewer"))
        .isInstanceOfSatisfying(
            BadInputException.class,
            e -> assertThat(e.fields().get("responsibleAgency")).contains("已撤销"));

    // the code, in any case, names the platform's agency
    actions.decision(
        b.id(),
        body(
            "outcome",
            "UNAVAILABLE_NOT_HELD",
            "notHeldReason",
            "OTHER_AGENCY",
            "responsibleAgency",
            rsj.toLowerCase(java.util.Locale.ROOT),
            "decidedOn",
            on.toString()),
        "reviewer");
    Letters.Letter first = latest(b.id(), LetterKind.REPLY);
    String reply = text(letters.content(first.id()));
    assertThat(reply)
        .contains(
            "第三十六条第（五）项",
            "该政府信息由示例市人力资源和社会保障局" + sfx + "负责公开",
            "联系地址：示例市人民路8号，联系电话：0631-5200008。请您向该机关咨询或者提出申请。",
            "示例市自然资源和规划局" + sfx,
            "示例市海滨路20号",
            "60日内向示例省自然资源厅申请行政复议",
            "6个月内向示例市铁路运输法院提起行政诉讼")
        .doesNotContain("{{", "示例市示例路1号");
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "letters-agency-reply.docx"), letters.content(first.id()));

    JsonNode decision =
        http.withBasicAuth("supervisor", "supervisor")
            .getForObject("/api/requests/" + b.id(), JsonNode.class)
            .get("decision");
    assertThat(decision.get("responsibleAgency").asText()).isEqualTo("示例市人力资源和社会保障局" + sfx);
    assertThat(decision.get("responsiblePlatformAgency").get("code").asText()).isEqualTo(rsj);
    assertThat(decision.get("responsiblePlatformAgency").get("name").asText())
        .isEqualTo("示例市人力资源和社会保障局" + sfx);

    deliverMails();
    String mail = mailTexts(emailB).get("政府信息公开申请答复：" + b.trackingNumber());
    assertThat(mail)
        .contains(
            "该政府信息由示例市人力资源和社会保障局" + sfx + "负责公开（联系地址：示例市人民路8号，联系电话：0631-5200008），请向其咨询。",
            "示例省自然资源厅",
            "示例市自然资源和规划局" + sfx,
            "地址：示例市海滨路20号　电话：0631-5200020");
    assertThat(mailTexts(emailB).get("收件回执：政府信息公开申请 " + b.trackingNumber()))
        .contains("示例市自然资源和规划局" + sfx + "已收到您的政府信息公开申请")
        .doesNotContain("人力资源");

    // the letter says what was decided: a later change of the registry does not rewrite it
    agencies.update(
        rsj,
        new Agencies.AgencyBody(
            rsj,
            "示例市人力资源和社会保障局" + sfx,
            "市人社局",
            "DEPARTMENT",
            gov,
            "示例市人民路8号",
            "0631-5299999",
            null,
            null,
            "示例市环翠区人民法院",
            true));
    Letters.Letter again = letters.regenerate(b.id(), first.id(), "reviewer");
    assertThat(text(letters.content(again.id())))
        .contains("0631-5200008")
        .doesNotContain("0631-5299999");

    // an agency's own template wins over the built-in one, for its letters only; a broken one falls
    // back
    Path own = templateDir.resolve(zrj).resolve("acknowledgement.docx");
    Files.createDirectories(own.getParent());
    try {
      try (XWPFDocument doc = new XWPFDocument();
          OutputStream out = Files.newOutputStream(own)) {
        doc.createParagraph()
            .createRun()
            .setText("{{agencyName}}专用回执 {{trackingNumber}} 电话{{agencyPhone}}");
        doc.write(out);
      }
      RequestRow c = register(d, null, zrj);
      assertThat(text(c.id(), LetterKind.ACKNOWLEDGEMENT))
          .isEqualTo("示例市自然资源和规划局" + sfx + "专用回执 " + c.trackingNumber() + " 电话0631-5200020");
      RequestRow other = register(d, null, rsj);
      assertThat(text(other.id(), LetterKind.ACKNOWLEDGEMENT))
          .contains("政府信息公开申请收件回执")
          .doesNotContain("专用回执");
      Files.writeString(own, "not a word document");
      RequestRow broken = register(d, null, zrj);
      assertThat(text(broken.id(), LetterKind.ACKNOWLEDGEMENT))
          .contains("政府信息公开申请收件回执", "示例市自然资源和规划局" + sfx);
    } finally {
      Files.deleteIfExists(own);
    }
  }

  @Test
  void builtInTemplatesAreInTheHouseStyle() throws Exception {
    for (String name : LetterTemplateBuilder.specs().keySet()) {
      try (var in = getClass().getResourceAsStream("/letters/" + name + ".docx")) {
        assertThat(in).as(name).isNotNull();
        try (XWPFDocument doc = new XWPFDocument(in)) {
          XWPFParagraph title = doc.getParagraphs().get(0);
          assertThat(title.getAlignment()).as(name).isEqualTo(ParagraphAlignment.CENTER);
          assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
          assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("受理编号：{{trackingNumber}}");
          List<XWPFParagraph> ps = doc.getParagraphs();
          assertThat(
                  ps.stream()
                      .filter(p -> p.getAlignment() == ParagraphAlignment.RIGHT)
                      .map(XWPFParagraph::getText))
              .containsSubsequence("{{seal}}", "{{agencyName}}", "{{letterDate}}");
          assertThat(
                  ps.get(2)
                      .getRuns()
                      .get(0)
                      .getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia))
              .isEqualTo("仿宋");
        }
      }
    }
  }

  @Test
  void amountsInCapitalNumerals() {
    assertThat(ChineseAmount.of(new java.math.BigDecimal("100"))).isEqualTo("壹佰元整");
    assertThat(ChineseAmount.of(new java.math.BigDecimal("1100.00"))).isEqualTo("壹仟壹佰元整");
    assertThat(ChineseAmount.of(new java.math.BigDecimal("1005.50"))).isEqualTo("壹仟零伍元伍角整");
    assertThat(ChineseAmount.of(new java.math.BigDecimal("10000"))).isEqualTo("壹万元整");
    assertThat(ChineseAmount.of(new java.math.BigDecimal("10200.05"))).isEqualTo("壹万零贰佰元零伍分");
    assertThat(ChineseAmount.of(new java.math.BigDecimal("0"))).isEqualTo("零元整");
    assertThat(ChineseAmount.of(new java.math.BigDecimal("0.30"))).isEqualTo("叁角整");
  }
}
