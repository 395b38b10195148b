package org.disclosuredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.calendar.TestCalendarYears;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.Accessibility;
import org.disclosuredesk.foundation.ChromiumTest;
import org.disclosuredesk.foundation.DeskPageChecks;
import org.disclosuredesk.foundation.DeskSignIn;
import org.disclosuredesk.request.RequestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Every staff page of ours in one look, as the admin (who may open them all) meets it in Chromium:
 * the layout's header, navigation and log-out on each; no accessibility violation found by
 * axe-core; nothing refused by the Content-Security-Policy (no inline script or style) and no
 * script error. Then the admin's yearly job: next year's notice pasted on the calendar page, read,
 * checked, its effect on open requests previewed, and saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskPagesBrowserTest extends ChromiumTest {

  @Autowired BusinessClock clock;
  @Autowired RequestRepository requests;
  @Autowired ApplicationContext context;

  @AfterEach
  void forgetTheMadeUpYear() {
    ClockUtil.reset();
    TestCalendarYears.forget(context, 2045);
  }

  @Test
  void everyStaffPageHasTheLayoutIsAccessibleAndRunsUnderTheStrictPolicy() throws Exception {
    int year = clock.today().getYear();
    register(LocalDate.of(year, 3, 2));
    desk.open("/login");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
    clean("login");
    DeskSignIn.open(browser, port, "admin", "/");
    List<String> pages =
        List.of(
            "/",
            "/ledger",
            "/reports/" + year,
            "/reports/" + year + "/requests?row=NEW_THIS_YEAR&column=TOTAL",
            "/calendar?year=" + year,
            "/backup",
            "/guide",
            "/submissions",
            "/submissions?status=CONFIRMED");
    for (String page : pages) {
      desk.open(page);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-user")));
      assertThat(browser.findElement(By.cssSelector(".desk-product")).getText())
          .isEqualTo("依申请公开办理系统");
      assertThat(browser.findElement(By.cssSelector(".desk-agency")).getText())
          .isEqualTo("示例市人力资源和社会保障局");
      assertThat(browser.findElements(By.id("logout"))).hasSize(1);
      assertThat(browser.findElement(By.cssSelector(".desk-nav")).getText())
          .contains("工作台", "待办任务", "台账", "统计与年报", "操作手册");
      clean(page);
    }
    // the overdue list names each request's step in Chinese (the request of 3-02 is past its due
    // date)
    desk.open("/");
    assertThat(browser.findElement(By.id("overdue")).getText()).contains("页面检查", "初审", "已逾期");
    desk.open("/reports/" + year + "/requests?row=NEW_THIS_YEAR&column=TOTAL");
    int rows = browser.findElements(By.cssSelector("#drilldown-list tbody tr")).size();
    assertThat(rows).isPositive();
    assertThat(browser.findElement(By.id("drilldown-count")).getText())
        .isEqualTo("共 " + rows + " 件。");
    desk.open("/guide");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("操作手册");
    assertThat(browser.findElements(By.cssSelector(".guide-text img")))
        .isNotEmpty()
        .allSatisfy(
            img ->
                assertThat(
                        (Boolean)
                            ((org.openqa.selenium.JavascriptExecutor) browser)
                                .executeScript(
                                    "return arguments[0].complete && arguments[0].naturalWidth > 0",
                                    img))
                    .isTrue());
  }

  @Test
  void theAdminEntersNextYearsNoticeSeesWhatItMovesAndSavesIt() throws Exception {
    // December of a year no other test uses; next year has no notice yet, and a request's period
    // runs into it
    int next = 2045;
    ClockUtil.setCurrentTime(
        Date.from(
            ZonedDateTime.of(LocalDate.of(2044, 12, 20).atTime(10, 0), ZoneId.of("Asia/Shanghai"))
                .toInstant()));
    String id = register(LocalDate.of(2044, 12, 12));
    LocalDate before = requests.get(id).dueOn();
    assertThat(before).isAfter(LocalDate.of(2045, 1, 1));
    DeskSignIn.open(browser, port, "admin", "/calendar?year=" + next);
    assertThat(browser.findElement(By.id("calendar-status")).getText()).contains("尚未录入");
    assertThat(browser.findElements(By.cssSelector("#year-grid table.month"))).hasSize(12);
    browser
        .findElement(By.id("notice-text"))
        .sendKeys("一、元旦：1月1日（周日）至2日（周一）放假，共2天。\n二、春节：2月16日（周四）至22日（周三）放假调休，共7天。" + "2月25日（周六）上班。");
    browser.findElement(By.id("notice-read")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-problems"), "已读出"));
    assertThat(browser.findElement(By.id("holidays-text")).getAttribute("value"))
        .contains("元旦 2045-01-01 2045-01-02", "春节 2045-02-16 2045-02-22");
    assertThat(browser.findElement(By.id("work-text")).getAttribute("value"))
        .isEqualTo("2045-02-25");
    assertThat(browser.findElement(By.id("calendar-save")).isEnabled()).isFalse();
    browser.findElement(By.id("calendar-preview")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("calendar-result"), "答复期限将改变"));
    assertThat(browser.findElement(By.id("calendar-changes")).getText())
        .contains(requests.get(id).trackingNumber(), before.toString(), "初审");
    assertThat(requests.get(id).dueOn()).as("a preview changes nothing").isEqualTo(before);
    desk.shot("desk-calendar-preview");
    clean("calendar preview");
    browser.findElement(By.id("calendar-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-saved")));
    assertThat(browser.findElement(By.id("calendar-status")).getText()).contains("已录入");
    assertThat(browser.findElement(By.cssSelector("td.day-holiday[title^='2045-01-02']")))
        .isNotNull();
    assertThat(requests.get(id).dueOn()).isEqualTo(before.plusDays(1));
    desk.shot("desk-calendar-saved");
  }

  /**
   * {@link DeskPageChecks}; the user guide quotes settings and API paths on purpose, so codes are
   * not looked for there.
   */
  private void clean(String page) {
    if (page.startsWith("/guide")) {
      Accessibility.check(browser, page);
      DeskPageChecks.quietConsole(browser, page, m -> false);
    } else {
      DeskPageChecks.clean(browser, page);
    }
  }

  private String register(LocalDate arrivedOn) throws Exception {
    String body =
        "{\"channel\":\"IN_PERSON\",\"arrivedOn\":\""
            + arrivedOn
            + "\",\"applicant\":{\"type\":"
            + "\"NATURAL_PERSON\",\"name\":\"页面检查\"},\"description\":\"申请公开某文件\"}";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }
}
