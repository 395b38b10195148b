package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    // nothing the browser said was a refusal of our own CSP or a script error
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
