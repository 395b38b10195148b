package org.disclosuredesk.foundation;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver for the browser tests (.ci/install-browser installs them):
 * headless, a fresh profile, no calls to Google's services (the machines have no way out), a
 * Chinese browser on Asia/Shanghai time.
 */
public final class HeadlessChromium {

  public static final String DRIVER = "/usr/bin/chromedriver";

  private HeadlessChromium() {}

  /** Whether the browser tests can run here. */
  public static boolean available() {
    return new File(DRIVER).canExecute();
  }

  /**
   * Where screenshots go: {@code target/screenshots}, or with {@code -Dscreenshots.dir=docs} the
   * README's pictures.
   */
  public static Path screenshots() throws java.io.IOException {
    return java.nio.file.Files.createDirectories(
        Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
  }

  /**
   * A browser with Chinese as its language; {@code prefs} are Chromium preferences (downloads, …).
   */
  public static WebDriver start(Path profile, Map<String, Object> prefs) {
    ChromeOptions options = new ChromeOptions();
    for (String bin : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (new File(bin).canExecute()) {
        options.setBinary(bin);
        break;
      }
    }
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--lang=zh-CN",
        "--window-size=1400,1000");
    Map<String, Object> all = new HashMap<>(prefs);
    all.put("intl.accept_languages", "zh-CN,zh");
    options.setExperimentalOption("prefs", all);
    // the console, for the tests that look for Content-Security-Policy refusals and script errors
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    // the browser's clock in the agency's zone, as on a desk in China
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return browser;
  }
}
