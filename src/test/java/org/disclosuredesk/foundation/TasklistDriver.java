package org.disclosuredesk.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in Camunda's webapps, for the browser tests: log in, search, claim, fill a
 * form-js form by its Chinese labels (dates typed as 年-月-日, options picked from the list),
 * complete; screenshots named by step.
 */
public final class TasklistDriver {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final int port;
  private final Path screenshots;

  public TasklistDriver(WebDriver browser, int port, Path screenshots) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    this.port = port;
    this.screenshots = screenshots;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /**
   * The app sends a browser without a session to the desk's one login page, checked to say it is
   * Chinese (so the browser offers no translation).
   */
  public WebElement loginPage(String app) {
    open("/camunda/app/" + app + "/");
    WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.getTitle()).startsWith("依申请公开办理系统");
    return name;
  }

  /**
   * Signs in on the login page that is open (the demo users' password is their name); back where
   * they were going.
   */
  public void signIn(String user) {
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
    pause();
  }

  public void login(String app, String user) {
    loginPage(app);
    signIn(user);
  }

  public void logout() {
    browser.manage().deleteAllCookies();
    ((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
  }

  public void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  /**
   * Our search box in Tasklist's header (the plugin's), by number, name or words of the
   * description.
   */
  public void search(String text) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dd-search-input")));
    input.clear();
    input.sendKeys(text, Keys.ENTER);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".dd-search-results .dd-search-head")));
  }

  public void openFirstSearchHit(String number) {
    WebElement hit =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'dd-search-hit')][contains(., '" + number + "')]")));
    hit.click();
    waitForHeader(number);
  }

  /**
   * The open task's brief (number, applicant, due date) shows {@code number} and its form is on
   * screen.
   */
  public void waitForHeader(String number) {
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".dd-task-brief"), number));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-card .fjs-container")));
    pause();
  }

  public WebElement header() {
    return browser.findElement(By.cssSelector(".dd-task-brief"));
  }

  /** The task list's card that shows {@code number}. */
  public WebElement cardOf(String number) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath(
                "//ol[contains(@class,'tasks-list')]/li[.//span[contains(@class,'dd-number')][normalize-space(.)='"
                    + number
                    + "']]")));
  }

  public void claim() {
    click(By.cssSelector(".task-card button.claim"));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-card button.claim")));
    pause();
  }

  public void complete() {
    click(By.xpath("//section[contains(@class,'task-card')]//button[normalize-space(.)='完成']"));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector(".task-card .fjs-container")));
    pause();
  }

  /** A form-js field by the start of its label. */
  public WebElement field(String label) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath(
                "//div[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), '"
                    + label
                    + "')]]")));
  }

  public void type(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    input.clear();
    input.sendKeys(text);
  }

  public void typeDate(String label, LocalDate date) {
    typeDate(label, date, null);
  }

  /**
   * Types the date as a clerk does, after checking the picker is Chinese ({@code shotName}: a
   * picture of it).
   */
  public void typeDate(String label, LocalDate date, String shotName) {
    WebElement input = field(label).findElement(By.cssSelector("input.fjs-input"));
    assertThat(input.getAttribute("placeholder")).isEqualTo("年-月-日");
    click(input);
    WebElement calendar =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));
    assertThat(calendar.getText()).contains("一", "二", "日");
    if (shotName != null) {
      shot(shotName);
    }
    // Tab leaves the field (Escape would close Tasklist's dialog, Enter submit the form)
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), date.toString(), Keys.TAB);
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector(".flatpickr-calendar.open")));
    assertThat(input.getAttribute("value")).isEqualTo(date.toString());
  }

  public void chooseOption(String label, String option) {
    WebElement f = field(label);
    // the list opens when the field gets the focus (also by Tab from the field before); a click
    // would close it
    if (f.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
      click(f.findElement(By.cssSelector(".fjs-input-group")));
    }
    WebElement item =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='"
                        + option
                        + "']")));
    item.click();
    wait.until(ExpectedConditions.textToBePresentInElement(f, option));
  }

  public void radio(String option) {
    click(
        By.xpath(
            "//div[contains(@class,'fjs-form-field-radio')]//label[starts-with(normalize-space(.), '"
                + option
                + "')]"));
  }

  public void click(By by) {
    click(wait.until(ExpectedConditions.elementToBeClickable(by)));
  }

  public void click(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  public void scrollToTop() {
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; })");
  }

  public void pause() {
    try {
      Thread.sleep(800); // Tasklist renders in steps after the data arrives
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A screenshot {@code name}.png in the screenshots folder. */
  public void shot(String name) {
    try {
      Files.write(
          screenshots.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
