package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.foundation.DeskSignIn;
import org.disclosuredesk.foundation.HeadlessChromium;
import org.disclosuredesk.kernel.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The manager's page end to end in headless Chromium (Debian chromium + chromium-driver, see
 * .ci/install-browser): logs in with Basic credentials, reads the figures, clicks the CSV download
 * and reads the file. Skipped when /usr/bin/chromedriver is absent.
 */
class ReportsPageBrowserTest extends StatisticsTestSupport {

  private WebDriver browser;
  private Path profile;
  private Path downloads;

  private String open;

  @AfterEach
  void closeBrowser() throws Exception {
    // conclude the open request, or it would be carried over into every later year other tests look
    // at
    if (open != null) {
      decide(open, Outcome.DISCLOSED, d(2020, 1, 10));
    }
    if (browser != null) {
      browser.quit();
    }
    for (Path p : new Path[] {profile, downloads}) {
      if (p != null) {
        try (var walk = Files.walk(p)) {
          walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  @Test
  void managerSeesTheTableChartsAndDownloadsTheCsv() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
    // 2019: three requests, two concluded (one of them late), one carried forward
    String a = register("ONLINE", d(2019, 3, 4), "NATURAL_PERSON", "社保信息");
    decide(a, Outcome.DISCLOSED, d(2019, 3, 8));
    String b = register("IN_PERSON", d(2019, 5, 6), "COMMERCIAL_ENTERPRISE", "就业信息");
    decide(b, Outcome.UNAVAILABLE_NOT_HELD, d(2019, 7, 31));
    open = register("ONLINE", d(2019, 12, 30), "NATURAL_PERSON", "社保信息");

    profile = Files.createTempDirectory("chromium-profile");
    downloads = Files.createTempDirectory("chromium-downloads");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    browser = HeadlessChromium.start(profile, prefs);

    DeskSignIn.open(browser, port, "manager", "/reports/2019");
    assertThat(browser.getTitle()).startsWith("2019年政府信息公开申请统计");
    assertThat(text("new-total")).isEqualTo("3");
    assertThat(text("concluded-total")).isEqualTo("2");
    assertThat(text("on-time-rate")).isEqualTo("50.0%");
    WebElement table = browser.findElement(By.id("table-3"));
    assertThat(table.getText()).contains("申请人情况").contains("法人或其他组织").contains("四、结转下年度继续办理");
    List<WebElement> firstRow = table.findElements(By.xpath(".//tr[4]/td"));
    assertThat(firstRow)
        .extracting(WebElement::getText)
        .containsExactly("一、本年新收政府信息公开申请数量", "2", "1", "0", "0", "0", "0", "3");
    assertThat(browser.findElements(By.cssSelector("svg#chart-months rect"))).hasSize(12);
    assertThat(browser.findElement(By.id("chart-outcomes")).getText()).contains("予以公开");
    assertThat(browser.findElement(By.id("paragraph")).getText()).startsWith("2019年，共收到政府信息公开申请3件");
    // the picture in the user guide (docs/reports-manager.png with -Dscreenshots.dir=docs)
    java.nio.file.Files.write(
        HeadlessChromium.screenshots().resolve("reports-manager.png"),
        ((org.openqa.selenium.TakesScreenshot) browser)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

    browser.findElement(By.id("download-csv")).click();
    Path csv = downloads.resolve("statistics-2019.csv");
    long until = System.currentTimeMillis() + 30_000;
    while (!Files.exists(csv) && System.currentTimeMillis() < until) {
      Thread.sleep(200);
    }
    assertThat(csv).exists();
    String content = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(content)
        .contains("NEW_THIS_YEAR,\"一、本年新收政府信息公开申请数量\",2,1,0,0,0,0,3")
        .contains("CARRIED_FORWARD_TO_NEXT_YEAR,\"四、结转下年度继续办理\",1,0,0,0,0,0,1");

    assertThat(browser.findElement(By.id("download-xlsx")).getAttribute("href"))
        .endsWith("/reports/2019/statistics-2019.xlsx");

    // every number opens its requests: the 3 new ones of the year, names masked for the manager
    browser.findElement(By.id("table-3")).findElement(By.xpath(".//tr[4]/td[last()]/a")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(w -> !w.findElements(By.id("drilldown-count")).isEmpty());
    assertThat(text("drilldown-count")).isEqualTo("共 3 件。");
    assertThat(browser.findElements(By.cssSelector("#drilldown-list tbody tr"))).hasSize(3);
    assertThat(browser.findElement(By.id("drilldown-list")).getText()).contains("**");
    assertThat(browser.findElement(By.id("drilldown-xlsx")).getAttribute("href"))
        .contains("format=xlsx");
    ((org.openqa.selenium.TakesScreenshot) browser)
        .getScreenshotAs(org.openqa.selenium.OutputType.FILE)
        .toPath()
        .toFile()
        .renameTo(HeadlessChromium.screenshots().resolve("reports-drilldown.png").toFile());
  }

  /**
   * Table 二 filled in on the page (a wrong figure named next to its field), then the Word report
   * downloaded.
   */
  @Test
  void managerFillsInTable2AndDownloadsTheWordReport() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
    String a = register("ONLINE", d(2005, 4, 4), "NATURAL_PERSON", "社保信息");
    decide(a, Outcome.DISCLOSED, d(2005, 4, 8));

    profile = Files.createTempDirectory("chromium-profile");
    downloads = Files.createTempDirectory("chromium-downloads");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    browser = HeadlessChromium.start(profile, prefs);
    DeskSignIn.open(browser, port, "manager", "/reports/2005");

    type("proactive-regulationsIssued", "2");
    type("proactive-penaltyDecisions", "-1");
    type("proactive-chargesTenThousandYuan", "12.5");
    browser.findElement(By.id("proactive-save")).click();
    waitFor(() -> !text("error-penaltyDecisions").isEmpty(), () -> text("proactive-status"));
    assertThat(text("error-penaltyDecisions")).contains("整数");
    type("proactive-penaltyDecisions", "3");
    browser.findElement(By.id("proactive-save")).click();
    waitFor(() -> text("proactive-status").startsWith("已保存"), () -> text("proactive-status"));
    assertThat(text("error-penaltyDecisions")).isEmpty();

    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("proactive-penaltyDecisions")).getAttribute("value"))
        .isEqualTo("3");
    assertThat(browser.findElement(By.id("proactive-licensingDecisions")).getAttribute("value"))
        .isEmpty();
    assertThat(text("proactive-status")).contains("manager");

    WebElement download = browser.findElement(By.id("download-docx"));
    assertThat(download.getText()).isEqualTo("下载年度报告（Word）");
    download.click();
    Path docx = downloads.resolve("2005年政府信息公开工作年度报告.docx");
    waitFor(() -> Files.exists(docx), () -> java.util.Arrays.toString(downloads.toFile().list()));
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
      var two = ReportDocumentTest.grid(doc.getTables().get(0));
      assertThat(ReportDocumentTest.text(two, 2, 1)).isEqualTo("2");
      assertThat(ReportDocumentTest.text(two, 9, 1)).isEqualTo("3");
      assertThat(ReportDocumentTest.text(two, 6, 1)).isEmpty();
      assertThat(ReportDocumentTest.text(two, 13, 1)).isEqualTo("12.5");
    }
  }

  private void type(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private static void waitFor(
      java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> seen)
      throws InterruptedException {
    long until = System.currentTimeMillis() + 30_000;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < until) {
      Thread.sleep(200);
    }
    assertThat(condition.getAsBoolean()).as("waited 30 s; the page shows: " + seen.get()).isTrue();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }
}
