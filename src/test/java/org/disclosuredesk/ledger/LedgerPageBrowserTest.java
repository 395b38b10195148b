package org.disclosuredesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.ledger.LedgerColumn.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.foundation.DeskSignIn;
import org.disclosuredesk.foundation.HeadlessChromium;
import org.disclosuredesk.request.RequestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clerk's ledger page in headless Chromium: a dry run lists the bad cells in Chinese, the
 * corrected file imports, the export button downloads the ledger. Year 2006 is this test's own.
 * Skipped without chromedriver.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "disclosure.test-context=statistics")
class LedgerPageBrowserTest {

  @Autowired RequestRepository requests;
  @LocalServerPort int port;
  private WebDriver browser;
  private Path dir;

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (dir != null) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void clerkDryRunsCorrectsAndImports() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
    dir = Files.createTempDirectory("ledger-page");
    Path downloads = Files.createDirectories(dir.resolve("downloads"));
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")), prefs);

    Map<LedgerColumn, String> good =
        LedgerImportTest.row(
            EXTERNAL_REFERENCE,
            "P-2006-01",
            CHANNEL,
            "当面提交",
            ARRIVED_ON,
            "2006-03-01",
            APPLICANT_TYPE,
            "自然人",
            APPLICANT_NAME,
            "页面测试",
            DESCRIPTION,
            "申请公开某文件",
            OUTCOME,
            "予以公开",
            ALREADY_PUBLIC,
            "否",
            REPLIED_ON,
            "2006-03-10");
    Map<LedgerColumn, String> bad = new HashMap<>(good);
    bad.put(CHANNEL, "信鸽");
    bad.put(REPLIED_ON, "2006-02-30");
    Path badFile = dir.resolve("台账-有错.xlsx");
    Files.write(badFile, LedgerFile.xlsx(List.of(new java.util.EnumMap<>(bad))));
    Path goodFile = dir.resolve("台账.xlsx");
    Files.write(goodFile, LedgerFile.xlsx(List.of(good)));

    DeskSignIn.open(browser, port, "clerk", "/ledger");
    assertThat(browser.getTitle()).startsWith("台账");
    assertThat(browser.findElement(By.cssSelector("label.pick")).getText()).isEqualTo("选择台账文件…");
    browser.findElement(By.id("file")).sendKeys(badFile.toString());
    assertThat(browser.findElement(By.id("file-name")).getText()).isEqualTo("台账-有错.xlsx");
    browser.findElement(By.id("dry-run")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(b -> b.findElement(By.id("errors")).isDisplayed());
    String errors = browser.findElement(By.id("errors")).getText();
    assertThat(errors).contains("第 2 行").contains("申请渠道").contains("“信鸽”不是允许的取值").contains("答复日期");
    assertThat(browser.findElement(By.id("result")).getText()).contains("发现 2 处错误");
    screenshot("ledger-import-dry-run.png");
    assertThat(requests.findByExternalReference("P-2006-01")).isEmpty();

    browser.findElement(By.id("file")).clear();
    browser.findElement(By.id("file")).sendKeys(goodFile.toString());
    browser.findElement(By.id("dry-run")).click();
    wait.until(b -> b.findElement(By.id("result")).getText().startsWith("检查通过"));
    assertThat(requests.findByExternalReference("P-2006-01")).isEmpty();
    browser.findElement(By.id("import")).click();
    wait.until(b -> b.findElement(By.id("result")).getText().startsWith("导入完成"));
    assertThat(browser.findElement(By.id("result")).getText()).contains("新导入 1 行");
    assertThat(requests.findByExternalReference("P-2006-01")).isPresent();

    browser.findElement(By.id("year")).sendKeys("2006");
    browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
    // the page reloads with the answer: an element of the old page found meanwhile is looked up
    // again
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(b -> b.findElement(By.id("ledger-total")).getText().startsWith("共 1 件"));
    assertThat(browser.findElement(By.id("ledger-list")).getText())
        .contains("页面测试", "2006-03-01", "予以公开");
    screenshot("ledger-search.png");
    browser.findElement(By.id("export-xlsx")).click();
    Path exported = downloads.resolve("台账-2006.xlsx");
    long until = System.currentTimeMillis() + 30_000;
    while (!Files.exists(exported) && System.currentTimeMillis() < until) {
      Thread.sleep(200);
    }
    assertThat(exported).exists();
    assertThat(LedgerImportTest.readXlsx(Files.readAllBytes(exported)))
        .filteredOn(r -> "P-2006-01".equals(r.get(EXTERNAL_REFERENCE)))
        .singleElement()
        .satisfies(r -> assertThat(r.get(APPLICANT_NAME)).isEqualTo("页面测试"));
  }

  private void screenshot(String name) throws Exception {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        shot, HeadlessChromium.screenshots().resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
