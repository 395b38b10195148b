package org.disclosuredesk.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.AltchaSolver;
import org.disclosuredesk.foundation.HeadlessChromium;
import org.disclosuredesk.foundation.TasklistDriver;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One request worked through Camunda Tasklist in headless Chromium with a Chinese browser, as
 * people do it: the clerk registers it with the start form, the reviewer finds it by its number,
 * claims and screens it and decides a partial disclosure with the confidentiality review, the
 * office head signs it off; then the request is concluded with that outcome and those dates. Every
 * page shows the tracking number and none of Camunda's English interface texts; Cockpit and Admin
 * are looked at the same way. Screenshots go to {@code target/screenshots} (or to the folder named
 * by {@code -Dscreenshots.dir=docs}, which is how the user guide's pictures are made). Skipped when
 * /usr/bin/chromedriver is absent (.ci/install-browser installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Latin words allowed on screen: the product's name, the time zone, "ID", and the process keys
   * Cockpit shows.
   */
  private static final Set<String> LATIN_ALLOWED =
      Set.of(
          "Camunda",
          "Platform",
          "Asia",
          "Shanghai",
          "ID",
          "disclosure",
          "request",
          "appeal",
          "mail",
          "delivery",
          "online",
          "submission",
          "KB",
          "MB");

  @LocalServerPort int port;
  @Autowired RequestRepository requests;
  @Autowired JdbcClient jdbc;
  @Autowired BusinessClock clock;

  private WebDriver browser;
  private WebDriverWait wait;
  private TasklistDriver desk;
  private Path profile;
  private Path screenshots;
  private LocalDate today;

  @BeforeEach
  void openBrowser() throws IOException {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
    today = clock.today();
    screenshots = HeadlessChromium.screenshots();
    profile = Files.createTempDirectory("chromium-profile");
    browser = HeadlessChromium.start(profile, Map.of());
    desk = new TasklistDriver(browser, port, screenshots);
    wait = desk.waiting();
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      Files.write(
          Path.of("target", "tasklist-browser-test-last-page.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
    if (profile != null) {
      try (var walk = Files.walk(profile)) {
        walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void aRequestGoesThroughTasklistFromRegistrationToSignOff() throws Exception {
    String applicant = "王晓明";
    // unique, so the test finds its request among the other tests' ones
    String description =
        "申请公开本局2025年度就业补助资金分配明细（人社发〔2025〕" + (System.nanoTime() % 900 + 100) + "号文件所附）";

    // 1. the clerk registers the request with the start form
    login("tasklist", "clerk");
    chinese("tasklist", "clerk's task list");
    desk.click(By.xpath("//a[contains(., '启动流程')]"));
    desk.click(By.xpath("//div[contains(@class,'modal')]//a[contains(., '政府信息公开申请办理')]"));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));
    desk.pause();
    desk.chooseOption("申请渠道", "当面提交（含口头申请代为填写）");
    desk.typeDate("到达（提交、签收）日期", today, "tasklist-01-clerk-date-picker");
    desk.chooseOption("申请人类型", "自然人");
    desk.type("姓名或名称", applicant);
    desk.type("身份证件号码", "11010519491231002X");
    desk.type("联系电话", "13800000000");
    desk.type("所需政府信息的名称、文号或便于查询的其他特征性描述", description);
    desk.chooseOption("信息类别", "就业信息");
    desk.click(desk.field("电子文本").findElement(By.cssSelector("input[type=checkbox]")));
    desk.chooseOption("获取方式", "邮寄");
    chinese("tasklist", "start form");
    shot("02-clerk-start-form");
    desk.click(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(., '启动')]"));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));

    RequestRow row =
        jdbc.sql("SELECT id FROM dd_request WHERE description = ?")
            .param(description)
            .query(String.class)
            .optional()
            .map(requests::get)
            .orElseThrow();
    String number = row.trackingNumber();
    assertThat(row.receivedOn()).isEqualTo(today);
    assertThat(row.applicantName()).isEqualTo(applicant);
    // the clerk sees the number the registration gave, to write on the paper application
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dd-recent"), number));
    chinese("tasklist", "clerk after registering");
    shot("03-clerk-registered");
    desk.logout();

    // 2. the reviewer finds it by its number, claims it and screens it
    login("tasklist", "reviewer");
    desk.click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '我组的任务')]"));
    // Tasklist's own search box finds the number in the task's name (初审 2026-0001); other tests'
    // tasks may fill the first page of the list
    WebElement builtIn =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    "[cam-widget-search] input.main-field, [cam-widget-search] input[ng-model]")));
    builtIn.sendKeys(number, Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[cam-widget-search]"), "模糊匹配"));
    WebElement card = desk.cardOf(number);
    assertThat(card.getText()).contains(number).contains(applicant).contains("法定期限 " + row.dueOn());
    shot("04-reviewer-task-list");
    desk.search(number);
    desk.openFirstSearchHit(number);
    desk.claim();
    assertThat(desk.header().getText())
        .contains(number)
        .contains(applicant)
        .contains("法定期限 " + row.dueOn())
        .containsPattern("剩 \\d+ 个工作日");
    desk.radio("进入办理");
    chinese("tasklist", "screening");
    desk.scrollToTop();
    shot("05-reviewer-screening");
    desk.complete();

    // 3. handling: a partial disclosure, with the confidentiality review (第十七条)
    desk.search(applicant);
    desk.openFirstSearchHit(number);
    desk.claim();
    desk.radio("作出决定");
    desk.chooseOption("处理结果", "部分公开");
    desk.typeDate("答复日期", today);
    desk.chooseOption("送达方式", "邮寄");
    desk.type("保密审查人（第十七条）", "李审查");
    desk.typeDate("保密审查日期", today);
    desk.type("理由（", "所申请信息中含有第三方个人信息，对该部分作区分处理后予以公开（第三十七条）");
    chinese("tasklist", "handling");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", desk.field("保密审查人（第十七条）"));
    shot("06-reviewer-decision");
    desk.complete();
    desk.logout();

    // 4. the office head signs it off
    login("tasklist", "head");
    desk.click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '待签发')]"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), number));
    chinese("tasklist", "head's 待签发 list");
    shot("07-head-sign-off-list");
    desk.click(desk.cardOf(number).findElement(By.cssSelector("a")));
    desk.waitForHeader(number);
    desk.claim();
    desk.radio("同意签发");
    desk.typeDate("签发日期", today);
    desk.type("意见", "同意。");
    chinese("tasklist", "sign-off");
    desk.scrollToTop();
    shot("08-head-sign-off");
    desk.complete();

    // 5. concluded, with the outcome and the dates of the steps
    RequestRow done = requests.get(row.id());
    assertThat(done.status()).isEqualTo("CONCLUDED");
    assertThat(done.outcome()).isEqualTo("PARTIALLY_DISCLOSED");
    assertThat(done.decidedOn()).isEqualTo(today);
    assertThat(done.signedOffOn()).isEqualTo(today);
    assertThat(done.concludedOn()).isEqualTo(today);
    assertThat(done.confidentialityReviewedBy()).isEqualTo("李审查");
    assertThat(done.confidentialityReviewedOn()).isEqualTo(today);
  }

  @Test
  void theClerkConfirmsAnOnlineSubmissionInTasklist() throws Exception {
    // an applicant applies online with a copy of the ID card
    var http = new org.disclosuredesk.foundation.Http(port);
    String description = "申请公开本局2025年度失业保险稳岗返还资金发放名单（网上" + (System.nanoTime() % 900 + 100) + "）";
    var submitted =
        http.send(
            http.request("/public/api/applications")
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "applicant",
                                Map.of(
                                    "type",
                                    "NATURAL_PERSON",
                                    "name",
                                    "林晓燕",
                                    "idType",
                                    "RESIDENT_ID",
                                    "idNumber",
                                    "11010519491231002X",
                                    "phone",
                                    "13900001111"),
                                "description",
                                description,
                                "requestedForms",
                                List.of("ELECTRONIC"),
                                "deliveryChannel",
                                "EMAIL",
                                "altcha",
                                AltchaSolver.solve(http))))));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    JsonNode sub = JSON.readTree(submitted.body());
    String number = sub.get("submissionNumber").asText();
    String boundary = "----dd" + System.nanoTime();
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] body =
        concat(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"身份证.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8),
            pdf,
            ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(
            http.send(
                    http.request("/public/api/applications/" + number + "/attachments")
                        .header("X-Query-Code", sub.get("queryCode").asText())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)))
                .statusCode())
        .isEqualTo(201);

    // the clerk finds the task in 我组的任务, reads what was sent, and confirms it today
    login("tasklist", "clerk");
    desk.click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '我组的任务')]"));
    WebElement card =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//ol[contains(@class,'tasks-list')]/li[.//span[contains(@class,'dd-number')][contains(., '"
                        + number
                        + "')]]")));
    assertThat(card.getText()).contains("确认网上申请", number, "林晓燕");
    desk.click(card.findElement(By.cssSelector("a")));
    desk.waitForHeader(number);
    WebElement brief = desk.header();
    assertThat(brief.getText()).contains("林晓燕", description, "身份证.pdf");
    // the upload opens as sent, for staff only
    String href = brief.findElement(By.cssSelector("a.dd-submission-file")).getAttribute("href");
    assertThat(href).contains("/submissions/" + number + "/attachments/");
    desk.claim();
    desk.radio("确认受理");
    desk.typeDate("确认日期", today);
    chinese("tasklist", "confirming an online submission");
    desk.scrollToTop();
    shot("12-clerk-confirm-submission");
    desk.complete();

    // now a request of channel ONLINE, received today, with its number and reply period
    RequestRow row =
        jdbc.sql("SELECT id FROM dd_request WHERE description = ?")
            .param(description)
            .query(String.class)
            .optional()
            .map(requests::get)
            .orElseThrow();
    assertThat(row.channel()).isEqualTo("ONLINE");
    assertThat(row.receivedOn()).isEqualTo(today);
    assertThat(
            jdbc.sql("SELECT status FROM dd_submission WHERE submission_number = ?")
                .param(number)
                .query(String.class)
                .single())
        .isEqualTo("CONFIRMED");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void cockpitAndAdminAreChineseToo() throws Exception {
    login("cockpit", "admin");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
    chinese("cockpit", "Cockpit dashboard");
    shot("09-cockpit-dashboard");
    desk.open("/camunda/app/cockpit/default/#/processes");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "政府信息公开申请办理"));
    chinese("cockpit", "Cockpit processes");
    desk.click(By.xpath("//a[normalize-space(.)='政府信息公开申请办理']"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container")));
    desk.pause();
    chinese("cockpit", "Cockpit process definition");
    shot("10-cockpit-process");
    // a running request's page: its activity tree and variables
    var registered =
        new org.disclosuredesk.foundation.Http(port)
            .postJson(
                "/api/requests",
                """
        {"channel":"IN_PERSON","arrivedOn":"%s","applicant":{"type":"NATURAL_PERSON","name":"周敏"},
         "description":"申请公开本局2025年度职业技能培训补贴发放情况"}"""
                    .formatted(today),
                "clerk");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String requestId = JSON.readTree(registered.body()).get("id").asText();
    desk.open(
        "/camunda/app/cockpit/default/#/process-instance/"
            + requests.get(requestId).processInstanceId()
            + "/runtime");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "初审"));
    desk.pause();
    chinese("cockpit", "Cockpit process instance");

    desk.open("/camunda/app/admin/default/#/users");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "reviewer"));
    chinese("admin", "Admin users");
    shot("11-admin-users");
    desk.open("/camunda/app/admin/default/#/users/reviewer?tab=profile");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "承办"));
    chinese("admin", "Admin user profile");
    desk.open("/camunda/app/admin/default/#/users/reviewer?tab=groups");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "承办人员"));
    chinese("admin", "Admin user groups");
    desk.open("/camunda/app/admin/default/#/user-create");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "密码"));
    chinese("admin", "Admin new user");
  }

  // ---- people's actions
  // -------------------------------------------------------------------------------------

  private void login(String app, String user) {
    desk.loginPage(app);
    chinese(app, "login page");
    if ("clerk".equals(user)) {
      shot("00-login");
    }
    desk.signIn(user);
  }

  private void shot(String name) {
    desk.shot("tasklist-" + name);
  }

  // ---- no English on screen
  // ---------------------------------------------------------------------------------

  /**
   * The visible text of the page holds none of the app's English interface strings (Camunda's
   * {@code en.json}), no untranslated key, and no Latin word but the product's name and the time
   * zone.
   */
  private void chinese(String app, String where) {
    // Angular may show a translation key for a moment before its digest puts the word in: look
    // again until the page has settled (5 s at most); what is still English then is English
    long until = System.currentTimeMillis() + 5_000;
    String[] text = new String[1];
    List<String> found = englishOn(app, text);
    while (!found.isEmpty() && System.currentTimeMillis() < until) {
      desk.pause();
      found = englishOn(app, text);
    }
    assertThat(found).as("English on the %s:\n%s", where, text[0]).isEmpty();
  }

  /**
   * The English interface strings, keys and Latin words shown now; {@code text[0]} gets the page's
   * text.
   */
  private List<String> englishOn(String app, String[] textOut) {
    String text = browser.findElement(By.tagName("body")).getText();
    textOut[0] = text;
    // data, not interface text: a process's variables in Cockpit, the ids of users, groups, tenants
    // in Admin
    String data =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return [...document.querySelectorAll("
                        + "'[cam-widget-variables-table] tbody td:nth-child(1), [cam-widget-variables-table] tbody td:nth-child(3),"
                        + " td.username, td.group-id, td.tenant-id, td.identity-id, td.resource-id, td.email, a.dd-submission-file')]"
                        + ".map(td => td.innerText).join('\\n')");
    String shown = text;
    List<String> lines = new ArrayList<>(List.of(data.split("\n")));
    lines.sort(
        Comparator.comparingInt(String::length).reversed()); // "admin@localhost" before "admin"
    for (String line : lines) {
      if (!line.isBlank()) {
        shown = shown.replace(line.strip(), " ");
      }
    }
    // ids (UUIDs) and e-mail addresses are data too
    shown =
        shown.replaceAll(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\S+@\\S+", " ");
    List<String> found = new ArrayList<>();
    for (String english : englishStrings(app)) {
      if (shown.contains(english)) {
        found.add(english);
      }
    }
    Matcher key = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b").matcher(shown);
    while (key.find()) {
      found.add("key " + key.group());
    }
    Matcher word = Pattern.compile("[A-Za-z]{2,}").matcher(shown);
    while (word.find()) {
      if (!LATIN_ALLOWED.contains(word.group())) {
        found.add("word " + word.group());
      }
    }
    return found;
  }

  private static final Map<String, Set<String>> ENGLISH = new java.util.HashMap<>();

  /**
   * Every fragment of Camunda's English for the app that has a Latin word of three letters or more.
   */
  private static Set<String> englishStrings(String app) {
    return ENGLISH.computeIfAbsent(
        app,
        a -> {
          Set<String> out = new LinkedHashSet<>();
          String resource = "META-INF/resources/webjars/camunda/app/" + a + "/locales/en.json";
          try (InputStream in =
              TasklistBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode labels =
                JSON.readTree(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""))
                    .get("labels");
            labels
                .fields()
                .forEachRemaining(
                    e -> {
                      for (String part : e.getValue().asText().split("\\{\\{[^}]*}}|<[^>]+>")) {
                        String p = part.strip();
                        if (p.length() >= 3
                            && Pattern.compile("[A-Za-z]{3,}").matcher(p).find()
                            && !LATIN_ALLOWED.containsAll(List.of(p.split("\\s+")))) {
                          out.add(p);
                        }
                      }
                    });
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return out;
        });
  }
}
