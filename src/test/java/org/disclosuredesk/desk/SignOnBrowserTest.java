package org.disclosuredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosuredesk.foundation.ChromiumTest;
import org.disclosuredesk.foundation.DeskPageChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Each demo user, in headless Chromium as a person meets it: one Chinese login page, then their
 * home (工作台), then Tasklist, Cockpit, Admin and our pages as their roles allow, with no second
 * login and no password dialog; one log-out (the desk's, or Tasklist's own 退出) ends all of them.
 * Screenshots: {@code target/screenshots/desk-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignOnBrowserTest extends ChromiumTest {

  /**
   * A demo user, the home sections their role shows, and the pages they open without signing in
   * again.
   */
  record Person(String user, List<String> sections, List<String> pages) {}

  static List<Person> people() {
    return List.of(
        new Person(
            "clerk",
            List.of("submissions", "records", "registered-today"),
            List.of(DeskLayout.TASKLIST, "/ledger", "/submissions")),
        new Person("reviewer", List.of("my-tasks", "group-tasks"), List.of(DeskLayout.TASKLIST)),
        new Person("head", List.of("approvals", "sign-offs"), List.of(DeskLayout.TASKLIST)),
        new Person(
            "manager",
            List.of("glance", "overdue"),
            List.of(DeskLayout.TASKLIST, DeskLayout.COCKPIT, "/reports")),
        new Person(
            "admin",
            List.of("glance", "operations"),
            List.of(
                DeskLayout.TASKLIST, DeskLayout.COCKPIT, DeskLayout.ADMIN, "/ledger", "/reports")),
        new Person("monitor", List.of("monitoring"), List.of()));
  }

  @ParameterizedTest
  @MethodSource("people")
  void signsInOnceReachesEverythingAndOneLogOutEndsIt(Person person) {
    // the home asks for a login: our page, Chinese, with the product and the agency
    desk.open("/");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(text()).contains("依申请公开办理系统", "工作人员登录", "示例市人力资源和社会保障局");
    if ("clerk".equals(person.user())) {
      desk.shot("desk-00-login");
    }

    desk.signIn(person.user());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-user")));
    assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
    assertThat(browser.getTitle()).startsWith("工作台");
    for (String section : person.sections()) {
      assertThat(browser.findElements(By.id(section)))
          .as(person.user() + " sees " + section)
          .hasSize(1);
    }
    desk.shot("desk-01-home-" + person.user());

    // every page of theirs without a second login (a password dialog would stop the page from
    // loading at all)
    for (String page : person.pages()) {
      desk.open(page);
      if (page.startsWith("/camunda/")) {
        // Camunda's apps load many scripts: on a busy machine more than the usual 30 s
        var slow =
            new org.openqa.selenium.support.ui.WebDriverWait(
                browser, java.time.Duration.ofSeconds(90));
        try {
          slow.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("[cam-widget-header], .navbar")));
          slow.until(
              d ->
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "return !!document.querySelector('.user-account, [cam-widget-header] .account, .navbar .account')"
                              + " || document.body.innerText.length > 0"));
        } catch (org.openqa.selenium.TimeoutException e) {
          // what the app showed instead, so that a slow or stuck start can be told apart
          throw new AssertionError(page + " did not show in 90 s: " + whatShowed(), e);
        }
        // its scripts all ran: none refused for a nonce of another request's (CamundaPageNonce)
        assertThat(DeskPageChecks.console(browser))
            .as(page + " console")
            .doesNotContain("Content Security Policy");
        if ("admin".equals(person.user())) {
          desk.shot("desk-02-admin-" + page.split("/")[3]);
        }
      } else {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-user")));
      }
      assertThat(browser.getCurrentUrl()).as(page).doesNotContain("/login");
    }

    // one log-out: the desk's button, or (for the reviewer) Tasklist's own 退出
    if ("reviewer".equals(person.user())) {
      desk.open(DeskLayout.TASKLIST);
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".account"))).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., '退出')]")))
          .click();
    } else {
      desk.open("/");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"), "您已退出登录"));
    }
    wait.until(ExpectedConditions.urlContains("/login"));
    for (String page : person.pages()) {
      desk.open(page);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
      assertThat(browser.getCurrentUrl()).as(page + " after log-out").endsWith("/login");
    }
  }

  /**
   * The page's state, what it loaded and what its console said, to tell a slow start from a stuck
   * one.
   */
  private String whatShowed() {
    Object loaded =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.readyState + ' | angular ' + (typeof window.angular)"
                    + " + ' | ' + performance.getEntriesByType('resource')"
                    + ".map(e => e.name.replace(location.origin, '') + ' ' + Math.round(e.startTime)"
                    + " + '+' + Math.round(e.duration) + 'ms ' + (e.responseStatus || '')).join(', ')");
    return "at "
        + browser.getCurrentUrl()
        + ", title "
        + browser.getTitle()
        + ", loaded: "
        + loaded
        + ", console: "
        + DeskPageChecks.console(browser);
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }
}
