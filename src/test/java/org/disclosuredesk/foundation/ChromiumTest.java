package org.disclosuredesk.foundation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test's Chromium: a fresh profile per test, a {@link TasklistDriver} for what people do,
 * closed and cleaned up afterwards; skipped where chromedriver is absent (.ci/install-browser
 * installs it).
 */
public abstract class ChromiumTest {

  @LocalServerPort protected int port;

  protected WebDriver browser;
  protected WebDriverWait wait;
  protected TasklistDriver desk;
  private Path profile;

  @BeforeEach
  void openBrowser() throws IOException {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "no " + HeadlessChromium.DRIVER + ": run .ci/install-browser");
    profile = Files.createTempDirectory("chromium-profile");
    browser = HeadlessChromium.start(profile, Map.of());
    desk = new TasklistDriver(browser, port, HeadlessChromium.screenshots());
    wait = desk.waiting();
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var walk = Files.walk(profile)) {
        walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
