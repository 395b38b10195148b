package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.CalendarService;
import org.disclosuredesk.foundation.HeadlessChromium;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The applicant's pages as a person meets them, on a phone (390 px wide) in headless Chromium: reads the guide,
 * applies with a copy of the ID card (the ALTCHA widget solving in the page, under the strict CSP), notes the number
 * and code, follows the request, answers a supplement notice with text and a file, downloads a letter, withdraws.
 * No page scrolls sideways at 360 px, none shows English, none logs a CSP refusal or a script error. Screenshots go
 * to {@code target/screenshots}, or with {@code -Dscreenshots.dir=docs} to the README's pictures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Latin on the applicant's screens: file kinds and units, the protocol's name, none else. */
  private static final Set<String> LATIN_ALLOWED = Set.of("PDF", "JPG", "JPEG", "PNG", "MB", "KB", "pdf", "png",
      "ALTCHA");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BusinessClock clock;
  @Autowired CalendarService calendars;

  private WebDriver browser;
  private WebDriverWait wait;
  private Path profile;
  private Path screenshots;
  private Path files;
  private LocalDate today;

  @BeforeEach
  void openBrowser() throws IOException {
    Assumptions.assumeTrue(HeadlessChromium.available(), "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
    today = clock.today();
    screenshots = HeadlessChromium.screenshots();
    profile = Files.createTempDirectory("chromium-profile");
    files = Files.createTempDirectory("portal-files");
    browser = HeadlessChromium.start(profile, Map.of());
    browser.manage().window().setSize(new Dimension(390, 844));
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      Files.write(Path.of("target", "portal-browser-test-last-page.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
    for (Path dir : new Path[] {profile, files}) {
      if (dir != null) {
        try (var walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  @Test
  void anApplicantAppliesFollowsSupplementsAndWithdrawsOnAPhone() throws Exception {
    // the guide: what to ask, how the date of receipt and the reply period work, fees
    open("/public/");
    assertThat(browser.getTitle()).contains("政府信息公开");
    assertThat(body()).contains("双方确认之日", "20 个工作日", "信息处理费", "查询码");
    fitsAPhone("guide");
    chinese("guide");
    accessible("guide");
    shot("portal-guide", 1800); // the top of a long guide: what a phone shows first

    // the form, with a copy of the ID card; the widget proves the work by itself when the form is sent
    click(By.xpath("//a[normalize-space(.)='在线申请'][ancestor::main]"));
    wait.until(ExpectedConditions.urlContains("/public/apply"));
    wait.until(d -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
    String description = "请公开本局2025年度就业见习补贴发放情况（手机" + (System.nanoTime() % 900 + 100) + "）";
    type("#applicant-name", "郑小红");
    type("#applicant-idNumber", "11010519491231002x");
    type("#applicant-phone", "13700001234");
    type("#applicant-email", "zxh@example.org");
    type("#description", description);
    click(By.cssSelector("input[name=requestedForms][value=ELECTRONIC]"));
    new org.openqa.selenium.support.ui.Select(find("#deliveryChannel")).selectByValue("EMAIL");
    find("#files").sendKeys(file("身份证.pdf", pdf()).toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-list"), "身份证.pdf"));
    click(By.id("consent"));
    fitsAPhone("apply");
    chinese("apply");
    accessible("apply");
    shot("portal-apply");
    click(By.id("submit-button"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conf-upload-summary"), "文件已上传。"));
    String number = find("#conf-number").getText().strip();
    String code = find("#conf-code").getText().strip();
    assertThat(number).matches("S\\d{8}-\\d{6}");
    assertThat(code).hasSize(12);
    assertThat(body()).contains("请立即记下查询码", "zxh@example.org");
    assertThat(jdbc.sql("SELECT applicant_name FROM dd_submission WHERE submission_number = ?").param(number)
        .query(String.class).single()).isEqualTo("郑小红");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dd_submission_attachment a JOIN dd_submission s ON s.id = "
        + "a.submission_id WHERE s.submission_number = ?").param(number).query(Long.class).single()).isEqualTo(1);
    fitsAPhone("confirmation");
    chinese("confirmation");
    accessible("confirmation");
    shot("portal-confirmation");
    // the code never travels in a URL
    assertThat(browser.getCurrentUrl()).doesNotContain(code);

    // following it: awaiting confirmation
    click(By.id("go-status"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    assertThat(find("#r-status").getText()).isEqualTo("待确认");
    assertThat(browser.getCurrentUrl()).doesNotContain(code);

    // the clerk confirms it, the reviewer asks for a supplement (staff side, not this test's subject)
    Http http = new Http(port);
    var confirmed = http.postJson("/api/submissions/" + number + "/confirmation",
        "{\"confirmedOn\":\"" + today + "\"}", "clerk");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
    JsonNode request = JSON.readTree(confirmed.body());
    String requestId = request.get("id").asText();
    LocalDate supplementDue = calendars.calendar().addWorkingDays(today, 15);
    assertThat(http.postJson("/api/requests/" + requestId + "/supplement-request", """
        {"noticeOn":"%s","supplementDueOn":"%s","items":"请写明所需信息的年度和发放对象范围"}"""
        .formatted(today, supplementDue), "reviewer").statusCode()).isEqualTo(200);

    // a day later, on the phone again: number and code typed in
    open("/public/status?n=" + number);
    assertThat(find("#lookup-number").getAttribute("value")).isEqualTo(number);
    type("#lookup-code", code.toLowerCase());
    click(By.id("lookup-button"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supplement-panel")));
    assertThat(find("#r-status").getText()).contains("补正");
    assertThat(find("#supp-items").getText()).contains("请写明所需信息的年度和发放对象范围");
    assertThat(body()).contains(request.get("trackingNumber").asText());
    // the letters addressed to the applicant (the supplement notice among them) are there to download
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#r-letters li")));
    assertThat(find("#r-letters").getText()).contains("补正");
    fitsAPhone("status with a supplement notice");
    chinese("status with a supplement notice");
    accessible("status with a supplement notice");
    shot("portal-status");

    type("#supp-text", "所需信息为2025年度，发放对象为本市登记失业青年");
    find("#supp-files").sendKeys(file("补充说明.png", png()).toString());
    click(By.id("supp-submit"));
    wait.until(d -> "SCREENING".equals(jdbc.sql("SELECT status FROM dd_request WHERE id = ?").param(requestId)
        .query(String.class).single()));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("supplement-panel")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dd_submission_attachment a JOIN dd_submission s ON s.id = "
        + "a.submission_id WHERE s.submission_number = ? AND a.purpose = 'SUPPLEMENT'").param(number)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(find("#r-timeline").getText()).contains("补正");

    // and withdraws it: concluded as withdrawn today
    click(By.id("withdraw-start"));
    type("#withdraw-reason", "已从本局网站查到");
    click(By.id("withdraw-confirm"));
    wait.until(d -> "CONCLUDED".equals(jdbc.sql("SELECT status FROM dd_request WHERE id = ?").param(requestId)
        .query(String.class).single()));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("withdraw-panel")));
    chinese("status after withdrawal");

    noRefusalsOrScriptErrors();
  }

  /**
   * A platform of several agencies (DOMAIN.md §8): the guide lists them by kind with their contacts, the form offers
   * them grouped and filterable, remembers the choice on the phone, shows the server's refusal of a retired agency at
   * the picker; the application goes to the chosen agency's clerks, is forwarded, and after a 36(5) reply naming an
   * agency of the platform the status page offers a new application there, prefilled but not sent. The registry is
   * changed for good, so the context is not reused (on MySQL the agencies are retired at the end).
   */
  @Test
  @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
  void withSeveralAgenciesTheApplicantPicksOneAndIsOfferedTheOneThatHoldsIt() throws Exception {
    Http http = new Http(port);
    String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
    Map<String, Object> gov = agency("G" + suffix, "示例市人民政府", "市政府", "GOVERNMENT", null,
        "示例市人民路1号", "0631-5200001");
    gov.put("reconsiderationBody", "示例省人民政府");
    Map<String, Object> dep = agency("D" + suffix, "示例市医疗保障局", "市医保局", "DEPARTMENT", gov.get("code"),
        "示例市海滨路20号", "0631-5200020");
    Map<String, Object> zone = agency("K" + suffix, "示例市高新技术产业开发区管理委员会", "高新区管委会", "OTHER",
        gov.get("code"), "示例市火炬路6号", "0631-5200066");
    zone.put("reconsiderationBody", "示例市人民政府");
    String g = (String) gov.get("code");
    String d = (String) dep.get("code");
    String k = (String) zone.get("code");
    List<Map<String, Object>> created = new ArrayList<>();
    try {
      for (Map<String, Object> a : List.of(gov, dep, zone)) {
        var r = http.postJson("/api/agencies", JSON.writeValueAsString(a), "admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        created.add(a);
      }
      int active = JSON.readTree(http.get("/public/api/agencies", null).body()).size();

      // the guide says which agency to ask, and lists them by kind with address and phone
      open("/public/");
      WebElement listed = find("#agencies");
      assertThat(listed.getText()).contains("第十条", "转送", "第三十六条第五项", "人民政府", "工作部门", "其他",
          "示例市医疗保障局", "市医保局", "示例市海滨路20号", "0631-5200020", "示例市高新技术产业开发区管理委员会");
      assertThat(find("#agencies a[href='/public/apply?agency=" + d + "']").getText()).contains("在线申请");
      fitsAPhone("guide of several agencies");
      chinese("guide of several agencies");
      accessible("guide of several agencies");
      shotOf("#agencies", "portal-guide-agencies");

      // the form: a picker grouped by kind, above everything else
      open("/public/apply");
      wait.until(x -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
      WebElement select = find("#agencyCode");
      assertThat(groups()).containsSubsequence("人民政府", "工作部门", "其他");
      assertThat(optionCount()).isEqualTo((long) active);
      assertThat(select.getAttribute("value")).isEmpty();
      assertThat(find("#agency-filter").isDisplayed()).isTrue();
      fitsAPhone("apply with an agency picker");
      chinese("apply with an agency picker");
      accessible("apply with an agency picker");

      // filtering: part of a short name, a code in lower case; the only match is chosen; Escape shows all again
      type("#agency-filter", "医保");
      wait.until(x -> d.equals(select.getAttribute("value")));
      assertThat(find("#agency-filter-status").getText()).contains("找到 1 个相符的机关", "示例市医疗保障局");
      assertThat(optionCount()).isEqualTo(1);
      assertThat(find("#agency-contact").getText()).contains("示例市海滨路20号", "0631-5200020");
      shot("portal-apply-agency-filter", 1300);
      find("#agency-filter").sendKeys(Keys.ESCAPE);
      wait.until(x -> optionCount() == active);
      assertThat(select.getAttribute("value")).as("clearing the filter keeps the choice").isEqualTo(d);
      type("#agency-filter", k.toLowerCase());
      wait.until(x -> k.equals(select.getAttribute("value")));
      type("#agency-filter", "示例市");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-filter-status"), "个相符的机关"));
      assertThat(optionCount()).isGreaterThanOrEqualTo(3);
      type("#agency-filter", "没有这样的机关");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-filter-status"), "没有找到"));
      assertThat(select.getAttribute("value")).as("typing never drops a choice").isEqualTo(k);
      // Enter in the box goes to the list, it does not send the form
      find("#agency-filter").sendKeys(Keys.ENTER);
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("agencyCode");
      assertThat(find("#error-summary").isDisplayed()).isFalse();

      // the choice is remembered on this phone; a link naming an agency wins over it
      find("#agency-filter").sendKeys(Keys.ESCAPE);
      new org.openqa.selenium.support.ui.Select(find("#agencyCode")).selectByValue(g);
      browser.navigate().refresh();
      wait.until(x -> g.equals(find("#agencyCode").getAttribute("value")));
      assertThat(find("#agency-contact").getText()).contains("示例市人民路1号");
      open("/public/apply?agency=" + k);
      wait.until(x -> k.equals(find("#agencyCode").getAttribute("value")));

      // applying to an agency retired meanwhile: the server's refusal shows at the picker, the list is brought up to
      // date
      wait.until(x -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
      String description = "请公开本市2025年度医疗保障基金收支情况（多机关" + (System.nanoTime() % 900 + 100) + "）";
      type("#applicant-name", "钱多多");
      type("#applicant-idNumber", "11010519491231002X");
      type("#applicant-phone", "13700009876");
      type("#description", description);
      click(By.cssSelector("input[name=requestedForms][value=ELECTRONIC]"));
      new org.openqa.selenium.support.ui.Select(find("#deliveryChannel")).selectByValue("ONLINE");
      click(By.id("consent"));
      zone.put("active", false);
      assertThat(put("/api/agencies/" + k, JSON.writeValueAsString(zone), "admin").statusCode()).isEqualTo(200);
      click(By.id("submit-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-agencyCode")));
      assertThat(find("#err-agencyCode").getText()).contains("已不再受理网上申请");
      assertThat(find("#agencyCode").getAttribute("value")).isEmpty();
      assertThat(optionCount()).isEqualTo((long) active - 1);
      assertThat(find("#agencyCode").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(find("#error-summary-list").getText()).contains("受理机关");
      accessible("apply with the agency refused");
      shot("portal-apply-agency-error", 1300);
      new org.openqa.selenium.support.ui.Select(find("#agencyCode")).selectByValue(d);
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("err-agencyCode")));
      click(By.id("submit-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
      assertThat(find("#conf-agency").getText()).isEqualTo("示例市医疗保障局");
      String number = find("#conf-number").getText().strip();
      String code = find("#conf-code").getText().strip();
      chinese("confirmation of several agencies");

      // it is the chosen agency's: its clerks list it, the others' do not
      assertThat(jdbc.sql("SELECT agency_code FROM dd_submission WHERE submission_number = ?").param(number)
          .query(String.class).single()).isEqualTo(d);
      assertThat(pending(http, "clerk")).doesNotContainKey(number);
      assertThat(put("/api/agencies/" + d + "/members/clerk", null, "admin").statusCode()).isEqualTo(204);
      assertThat(pending(http, "clerk")).containsEntry(number, d);

      // forwarded before confirmation: the status page names the agency it is with now, and says why
      var forwarded = http.postJson("/api/submissions/" + number + "/forwarding",
          "{\"agencyCode\":\"" + g + "\",\"reason\":\"医疗救助资金信息由市政府办公室汇总保存\"}", "clerk");
      assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
      open("/public/status?n=" + number);
      type("#lookup-code", code);
      click(By.id("lookup-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
      assertThat(find("#r-facts").getText()).contains("受理机关", "示例市人民政府");
      assertThat(find("#r-timeline").getText()).contains("转送示例市人民政府办理", "医疗救助资金信息由市政府办公室汇总保存");
      assertThat(find("#referral-panel").isDisplayed()).isFalse();
      fitsAPhone("status after forwarding");
      chinese("status after forwarding");
      accessible("status after forwarding");
      shot("portal-status-forwarded");

      // confirmed there, answered under Art. 36(5) naming the medical-insurance bureau of the platform
      for (String user : List.of("clerk", "reviewer")) {
        assertThat(put("/api/agencies/" + g + "/members/" + user, null, "admin").statusCode()).isEqualTo(204);
      }
      var confirmed = http.postJson("/api/submissions/" + number + "/confirmation",
          "{\"confirmedOn\":\"" + today + "\"}", "clerk");
      assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
      String requestId = JSON.readTree(confirmed.body()).get("id").asText();
      var decided = http.postJson("/api/requests/" + requestId + "/decision", """
          {"outcome":"UNAVAILABLE_NOT_HELD","notHeldReason":"OTHER_AGENCY","responsibleAgency":"%s","decidedOn":"%s"}"""
          .formatted(d, today), "reviewer");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

      // the status page offers the new application; following it fills the form in, and sends nothing
      click(By.id("refresh"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referral-panel")));
      WebElement offer = find("#referral-link");
      assertThat(offer.getText()).isEqualTo("向示例市医疗保障局提出新的申请");
      assertThat(offer.getAttribute("href")).endsWith("/public/apply?agency=" + d);
      assertThat(find("#referral-panel").getText()).contains("第三十六条第五项", "示例市海滨路20号", "0631-5200020");
      fitsAPhone("status with a referral");
      chinese("status with a referral");
      accessible("status with a referral");
      shot("portal-status-referral");
      click(By.id("referral-link"));
      wait.until(ExpectedConditions.urlContains("/public/apply?agency=" + d));
      wait.until(x -> d.equals(find("#agencyCode").getAttribute("value")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referral-note")));
      assertThat(find("#description").getAttribute("value")).isEqualTo(description);
      assertThat(find("#applicant-name").getAttribute("value")).isEmpty();
      assertThat(browser.getCurrentUrl()).as("nothing of the description in the address")
          .endsWith("/public/apply?agency=" + d);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM dd_submission WHERE description = ?").param(description)
          .query(Long.class).single()).as("nothing sent on the applicant's behalf").isEqualTo(1);
      fitsAPhone("apply after a referral");
      chinese("apply after a referral");
      accessible("apply after a referral");
      shot("portal-apply-referral", 1500);
      noRefusalsOrScriptErrors();
    } finally {
      // on MySQL the schema outlives this context: leave one agency taking applications, as other tests expect
      for (Map<String, Object> a : created) {
        a.put("active", false);
        put("/api/agencies/" + a.get("code"), JSON.writeValueAsString(a), "admin");
      }
    }
  }

  private static Map<String, Object> agency(String code, String name, String shortName, String kind, Object parent,
      String address, String phone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("shortName", shortName);
    m.put("kind", kind);
    m.put("parentCode", parent);
    m.put("address", address);
    m.put("phone", phone);
    m.put("court", "示例市中级人民法院");
    return m;
  }

  private HttpResponse<String> put(String path, String json, String user) {
    Http http = new Http(port);
    return http.send(Http.auth(http.request(path), user, user).header("Content-Type", "application/json")
        .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Submission number → agency code of what {@code user} lists as awaiting confirmation. */
  private Map<String, String> pending(Http http, String user) throws IOException {
    var r = http.get("/api/submissions?status=AWAITING_CONFIRMATION&size=500", user);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> out = new LinkedHashMap<>();
    JSON.readTree(r.body()).get("items").forEach(i -> out.put(i.get("submissionNumber").asText(),
        i.at("/agency/code").asText()));
    return out;
  }

  /** The labels of the picker's groups, in order. */
  private List<String> groups() {
    return ((List<?>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('#agencyCode optgroup')].map(g => g.label)")).stream()
        .map(String::valueOf).toList();
  }

  /** The agencies the picker offers now (the placeholder not counted). */
  private long optionCount() {
    return ((Number) ((JavascriptExecutor) browser).executeScript(
        "return document.querySelectorAll('#agencyCode option:not([value=\"\"])').length")).longValue();
  }

  /** Nothing the browser said was a refusal of our own CSP or a script error. */
  private void noRefusalsOrScriptErrors() {
    List<String> problems = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")
          || e.getMessage().contains("Uncaught")) {
        problems.add(e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  // ---- a person's actions ---------------------------------------------------------------------------------------

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private WebElement find(String css) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  private void type(String css, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    input.clear();
    input.sendKeys(text);
  }

  private void click(By by) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private String body() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(files.resolve(name), content);
  }

  private static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj"
        + " 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] png() {
    return Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  }

  // ---- what the page must be ------------------------------------------------------------------------------------

  /** At 360 px, the narrowest phone in use, nothing sticks out sideways. */
  private void fitsAPhone(String where) {
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(360, before.getHeight()));
    try {
      Object over = ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) over).intValue()).as("sideways scrolling on the %s page", where).isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  /** No Latin word on screen but file kinds and units; numbers, codes, e-mail addresses are data. */
  private void chinese(String where) {
    String shown = body().replaceAll("\\S+@\\S+|S\\d{8}-\\d{6}|[A-Z0-9]{12}|\\S+\\.(pdf|png|jpg)", " ");
    List<String> found = new ArrayList<>();
    Matcher word = Pattern.compile("[A-Za-z]{2,}").matcher(shown);
    while (word.find()) {
      if (!LATIN_ALLOWED.contains(word.group())) {
        found.add(word.group());
      }
    }
    assertThat(found).as("English on the %s page:\n%s", where, body()).isEmpty();
  }

  @Test
  void theFormCanBeFilledAndSentFromTheKeyboard() throws Exception {
    open("/public/apply");
    wait.until(d -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
    // every control a person fills in is reached with Tab, in the order it is shown, and shows where focus is
    List<String> controls = ((List<?>) ((JavascriptExecutor) browser).executeScript("""
        return [...document.querySelectorAll('main input, main select, main textarea, main button')]
          .filter(e => !e.disabled && e.offsetParent !== null && e.type !== 'hidden' && e.type !== 'file')
          .map(e => e.id || e.name);""")).stream().map(String::valueOf).toList();
    assertThat(controls).contains("applicant-name", "applicant-idNumber", "applicant-phone", "description",
        "deliveryChannel", "consent", "submit-button");
    List<String> reached = new ArrayList<>();
    find("body").click();
    for (int i = 0; i < 150 && !reached.contains("submit-button"); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform(); // as a keyboard does, whatever has focus (a file input too)
      WebElement focused = browser.switchTo().activeElement();
      String id = focused.getAttribute("id") == null || focused.getAttribute("id").isEmpty()
          ? focused.getAttribute("name") : focused.getAttribute("id");
      reached.add(id);
      // the ring is on the control, or on the card or button that stands for it (a styled radio, a file input)
      Object ring = ((JavascriptExecutor) browser).executeScript("""
          const e = arguments[0];
          const shows = x => x && getComputedStyle(x).outlineStyle !== 'none';
          return shows(e) || shows(e.closest('.choice')) || shows(e.nextElementSibling);""", focused);
      assertThat(ring).as("focus is visible on %s", id).isEqualTo(true);
    }
    assertThat(reached).as("reached with Tab").containsAll(controls.stream()
        .filter(c -> !c.isEmpty() && !"null".equals(c)).toList());
    // and the form is filled in and sent with keys alone: the applicant type is preselected, Space ticks a box
    find("#applicant-name").sendKeys("冯键盘");
    find("#applicant-idNumber").sendKeys("11010519491231002X");
    find("#applicant-phone").sendKeys("13700005678");
    find("#applicant-email").sendKeys("fjp@example.org");
    find("#description").sendKeys("请公开本局2025年度职业技能培训补贴发放情况（键盘" + (System.nanoTime() % 900 + 100) + "）");
    find("input[name=requestedForms][value=ELECTRONIC]").sendKeys(Keys.SPACE);
    find("#deliveryChannel").sendKeys("电子邮件");
    find("#consent").sendKeys(Keys.SPACE);
    find("#submit-button").sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    assertThat(find("#conf-number").getText().strip()).matches("S\\d{8}-\\d{6}");
    accessible("confirmation after keyboard use");
  }

  private void accessible(String where) {
    org.disclosuredesk.foundation.Accessibility.check(browser, where);
  }

  /** The whole page, as tall as it is, at the phone's width (Chromium's own full-page capture). */
  private void shot(String name) throws IOException {
    shot(name, Integer.MAX_VALUE);
  }

  /** One element, as tall as it is, at the phone's width. */
  private void shotOf(String css, String name) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> box = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
        const r = arguments[0].getBoundingClientRect();
        return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};""", find(css));
    Map<String, Object> clip = new LinkedHashMap<>();
    for (String k : List.of("x", "y", "width", "height")) {
      clip.put(k, ((Number) box.get(k)).doubleValue());
    }
    clip.put("scale", 1);
    Map<String, Object> shot = ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand(
        "Page.captureScreenshot", Map.of("captureBeyondViewport", true, "clip", clip));
    Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }

  private void shot(String name, int maxHeight) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Map<String, Object> metrics = ((org.openqa.selenium.chrome.ChromeDriver) browser)
        .executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> shot = ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand(
        "Page.captureScreenshot", Map.of("captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
            "width", ((Number) size.get("width")).doubleValue(),
            "height", Math.min(maxHeight, ((Number) size.get("height")).doubleValue()),
            "scale", 1)));
    Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
