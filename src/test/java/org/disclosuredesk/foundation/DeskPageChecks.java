package org.disclosuredesk.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What a staff page must be in a Chinese browser: axe-core finds nothing, no code shows where a
 * word belongs (SCREENING, NEW_THIS_YEAR …), and the console has no CSP refusal or script error.
 * The console is Chromium's since the last read: each check reads what came after the one before.
 */
public final class DeskPageChecks {

  /** A tracking number, which carries the agency's code on purpose once there are several. */
  private static final String TRACKING_NUMBER = "\\b[A-Z0-9]+-\\d{4}-\\d+\\b";

  /** An enum-style code; file formats and a few initialisms are words here. */
  private static final String CODE = "\\b[A-Z]{2,}(_[A-Z]+)*\\b(?<!CSV|XLSX|PDF|SSO|API|ID|UTF)";

  private DeskPageChecks() {}

  /** All three checks, the console allowing nothing but a missing favicon. */
  public static void clean(WebDriver browser, String page) {
    Accessibility.check(browser, page);
    noCodesShown(browser, page);
    quietConsole(browser, page, m -> false);
  }

  public static void noCodesShown(WebDriver browser, String page) {
    String shown =
        browser.findElement(By.tagName("body")).getText().replaceAll(TRACKING_NUMBER, "");
    assertThat(shown).as("codes on %s", page).doesNotContainPattern(CODE);
  }

  /** No warning or error in the console but a missing favicon and what {@code expected} allows. */
  public static void quietConsole(WebDriver browser, String page, Predicate<String> expected) {
    List<String> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !m.contains("favicon.ico") && !expected.test(m))
            .toList();
    assertThat(errors).as("console of %s", page).isEmpty();
  }

  /** The whole console, for a failure's report. */
  public static String console(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::toString)
        .collect(Collectors.joining(" / "));
  }
}
