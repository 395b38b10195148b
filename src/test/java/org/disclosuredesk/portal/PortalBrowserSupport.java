package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.HeadlessChromium;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the portal's browser tests share: a headless Chromium at phone size, and the checks every
 * page passes (fits a phone, no English, accessible, no CSP refusal or script error). The tests are
 * in PortalBrowserTest (one agency) and PortalAgenciesBrowserTest (several).
 */
abstract class PortalBrowserSupport {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Latin on the applicant's screens: file kinds and units, the protocol's name, none else. */
  static final Set<String> LATIN_ALLOWED =
      Set.of("PDF", "JPG", "JPEG", "PNG", "MB", "KB", "pdf", "png", "ALTCHA");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BusinessClock clock;
  @Autowired CalendarService calendars;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;
  Path screenshots;
  Path files;
  LocalDate today;

  @BeforeEach
  void openBrowser() throws IOException {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
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
      Files.write(
          Path.of("target", "portal-browser-test-last-page.png"),
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

  static Map<String, Object> agency(
      String code,
      String name,
      String shortName,
      String kind,
      Object parent,
      String address,
      String phone) {
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

  HttpResponse<String> put(String path, String json, String user) {
    Http http = new Http(port);
    return http.send(
        Http.auth(http.request(path), user, user)
            .header("Content-Type", "application/json")
            .PUT(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Submission number → agency code of what {@code user} lists as awaiting confirmation. */
  Map<String, String> pending(Http http, String user) throws IOException {
    var r = http.get("/api/submissions?status=AWAITING_CONFIRMATION&size=500", user);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> out = new LinkedHashMap<>();
    JSON.readTree(r.body())
        .get("items")
        .forEach(i -> out.put(i.get("submissionNumber").asText(), i.at("/agency/code").asText()));
    return out;
  }

  /** The labels of the picker's groups, in order. */
  List<String> groups() {
    return ((List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return [...document.querySelectorAll('#agencyCode optgroup')].map(g => g.label)"))
        .stream().map(String::valueOf).toList();
  }

  /** The agencies the picker offers now (the placeholder not counted). */
  long optionCount() {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.querySelectorAll('#agencyCode option:not([value=\"\"])').length"))
        .longValue();
  }

  /** Nothing the browser said was a refusal of our own CSP or a script error. */
  void noRefusalsOrScriptErrors() {
    List<String> problems = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getMessage().contains("Content Security Policy")
          || e.getMessage().contains("Refused to")
          || e.getMessage().contains("Uncaught")) {
        problems.add(e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  // ---- a person's actions
  // ---------------------------------------------------------------------------------------

  void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  void type(String css, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    input.clear();
    input.sendKeys(text);
  }

  void click(By by) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  String body() {
    return browser.findElement(By.tagName("body")).getText();
  }

  Path file(String name, byte[] content) throws IOException {
    return Files.write(files.resolve(name), content);
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj"
            + " 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] png() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  }

  // ---- what the page must be
  // ------------------------------------------------------------------------------------

  /** At 360 px, the narrowest phone in use, nothing sticks out sideways. */
  void fitsAPhone(String where) {
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(360, before.getHeight()));
    try {
      Object over =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) over).intValue())
          .as("sideways scrolling on the %s page", where)
          .isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  /**
   * No Latin word on screen but file kinds and units; numbers, codes, e-mail addresses are data.
   */
  void chinese(String where) {
    String shown =
        body().replaceAll("\\S+@\\S+|S\\d{8}-\\d{6}|[A-Z0-9]{12}|\\S+\\.(pdf|png|jpg)", " ");
    List<String> found = new ArrayList<>();
    Matcher word = Pattern.compile("[A-Za-z]{2,}").matcher(shown);
    while (word.find()) {
      if (!LATIN_ALLOWED.contains(word.group())) {
        found.add(word.group());
      }
    }
    assertThat(found).as("English on the %s page:\n%s", where, body()).isEmpty();
  }

  void accessible(String where) {
    org.disclosuredesk.foundation.Accessibility.check(browser, where);
  }

  /** The whole page, as tall as it is, at the phone's width (Chromium's own full-page capture). */
  void shot(String name) throws IOException {
    shot(name, Integer.MAX_VALUE);
  }

  /** One element, as tall as it is, at the phone's width. */
  void shotOf(String css, String name) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> box =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    """
        const r = arguments[0].getBoundingClientRect();
        return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};""",
                    find(css));
    Map<String, Object> clip = new LinkedHashMap<>();
    for (String k : List.of("x", "y", "width", "height")) {
      clip.put(k, ((Number) box.get(k)).doubleValue());
    }
    clip.put("scale", 1);
    Map<String, Object> shot =
        ((org.openqa.selenium.chrome.ChromeDriver) browser)
            .executeCdpCommand(
                "Page.captureScreenshot", Map.of("captureBeyondViewport", true, "clip", clip));
    Files.write(
        screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }

  void shot(String name, int maxHeight) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Map<String, Object> metrics =
        ((org.openqa.selenium.chrome.ChromeDriver) browser)
            .executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> shot =
        ((org.openqa.selenium.chrome.ChromeDriver) browser)
            .executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of(
                        "x",
                        0,
                        "y",
                        0,
                        "width",
                        ((Number) size.get("width")).doubleValue(),
                        "height",
                        Math.min(maxHeight, ((Number) size.get("height")).doubleValue()),
                        "scale",
                        1)));
    Files.write(
        screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
