package org.disclosuredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.disclosuredesk.calendar.CalendarService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.deadline.WorkingDayCalendar;
import org.disclosuredesk.foundation.AltchaSolver;
import org.disclosuredesk.foundation.ChromiumTest;
import org.disclosuredesk.foundation.CityContext;
import org.disclosuredesk.foundation.DeskPageChecks;
import org.disclosuredesk.foundation.DeskSignIn;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.security.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The staff desk of a platform of several agencies (the city demo, profile city), in Chromium: the
 * supervising office's 工作台 lists every agency's late and soon-due requests and sends a 督办 from the
 * page; a clerk forwards (转送) an online application to another agency from the 网上申请 page; a 人社局
 * member sees only the 人社局's. Each page passes axe-core and runs under the strict CSP without a
 * console error.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {CityContext.PROFILE, CityContext.PORTAL})
@ContextConfiguration(initializers = CityContext.OwnSchema.class)
class AgencyDeskBrowserTest extends ChromiumTest {

  static final String RSJ = "示例市人力资源和社会保障局";
  static final String ZRJ = "示例市自然资源和规划局";
  static final String JYJ = "示例市教育局";

  @Autowired BusinessClock clock;
  @Autowired CalendarService calendars;
  @Autowired ObjectMapper json;

  /**
   * Applicant names of this run: the lists of the shared application hold other tests' requests
   * too.
   */
  private final String run = String.valueOf(ThreadLocalRandom.current().nextInt(100, 1000));

  @Test
  void theSupervisingOfficeSeesEveryAgencysLateRequestsAndSendsASupervisionNotice()
      throws Exception {
    LocalDate today = clock.today();
    JsonNode rsj = register("rsj-clerk", "督办甲" + run, today.minusDays(60));
    JsonNode zrj = register("zrj-clerk", "督办乙" + run, today.minusDays(50));
    JsonNode jyj = register("jyj-clerk", "督办丙" + run, dueSoonArrival(today));
    String rsjId = rsj.get("id").asText();

    DeskSignIn.open(browser, port, "supervisor", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supervision-overdue")));
    assertThat(browser.findElement(By.cssSelector(".desk-agency")).getText())
        .isEqualTo("示例市人民政府 · 政府信息公开工作主管部门");
    assertThat(browser.findElement(By.cssSelector(".desk-nav")).getText())
        .contains("工作台", "台账", "统计与年报", "操作手册")
        .doesNotContain("待办任务", "网上申请");
    String overdue = browser.findElement(By.id("supervision-overdue")).getText();
    assertThat(overdue)
        .contains(number(rsj), RSJ, number(zrj), ZRJ, "已逾期")
        // personal data masked as for managers
        .contains(PersonalData.maskName("督办甲" + run))
        .doesNotContain("督办甲" + run);
    assertThat(browser.findElement(By.id("supervision-due-soon")).getText())
        .contains(number(jyj), JYJ);
    WebElement year = browser.findElement(By.id("agencies-year"));
    assertThat(year.getText()).contains(RSJ, ZRJ, JYJ, "示例市人民政府", "示例市城关街道办事处", "合计");
    assertThat(year.findElement(By.cssSelector("a[href='/reports/" + today.getYear() + "']")))
        .isNotNull();
    fullShot("desk-supervisor-home");
    clean("supervisor's home");

    // 督办 on the 人社局's request: nothing written without a text, then sent
    WebElement toggle =
        browser.findElement(By.cssSelector("[aria-controls='notice-row-" + rsjId + "']"));
    scrollTo(toggle);
    toggle.click();
    WebElement form = browser.findElement(By.cssSelector("#notice-row-" + rsjId + " form"));
    WebElement text = form.findElement(By.tagName("textarea"));
    wait.until(ExpectedConditions.visibilityOf(text));
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    WebElement result = form.findElement(By.cssSelector(".notice-result"));
    wait.until(ExpectedConditions.textToBePresentInElement(result, "请填写督办意见"));
    String urge = "该申请已逾期，请于三个工作日内办结并报告" + run;
    text.sendKeys(urge);
    clean("supervisor's 督办 form");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElement(result, "督办已发送"));
    assertThat(browser.findElement(By.id("notices-" + rsjId)).getText()).isEqualTo("已督办 1 次");
    desk.shot("desk-supervisor-notice-sent");

    JsonNode request =
        json.readTree(new Http(port).get("/api/requests/" + rsjId, "supervisor").body());
    assertThat(request.get("supervision")).hasSize(1);
    assertThat(request.get("supervision").get(0).get("text").asText()).isEqualTo(urge);

    // the page again: the request says it was urged, the 人社局's row counts it
    desk.open("/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agencies-year")));
    assertThat(browser.findElement(By.id("notices-" + rsjId)).getText()).isEqualTo("已督办 1 次");
    assertThat(
            Long.parseLong(
                browser
                    .findElement(By.cssSelector("#agency-year-RSJ td:nth-of-type(5)"))
                    .getText()))
        .isPositive();
  }

  @Test
  void theSupervisingOfficeAddsTheAgenciesTablesUpAndOpensACellAcrossAgencies() throws Exception {
    LocalDate today = clock.today();
    JsonNode rsj = register("rsj-clerk", "汇总甲" + run, today);
    JsonNode zrj = register("zrj-clerk", "汇总乙" + run, today);

    DeskSignIn.open(browser, port, "supervisor", "/reports/" + today.getYear());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-overview")));
    assertThat(browser.findElement(By.id("agency-overview")).getText()).contains(RSJ, ZRJ, JYJ);
    assertThat(browser.findElement(By.id("agency-chooser")).getText())
        .contains("全部机关汇总", "人社局", "自然资源和规划局");
    fullShot("desk-reports-consolidated");
    clean("consolidated table");

    // the total of new requests in table 三 opens the list of every agency it counts
    WebElement cell =
        browser.findElement(By.cssSelector("a[href*='row=NEW_THIS_YEAR'][href*='column=TOTAL']"));
    scrollTo(cell);
    cell.click();
    wait.until(ExpectedConditions.urlContains("/requests?"));
    String list = browser.findElement(By.tagName("main")).getText();
    assertThat(list)
        .contains(number(rsj), number(zrj), "人社局", "自然资源和规划局")
        .contains(PersonalData.maskName("汇总甲" + run))
        .doesNotContain("汇总甲" + run);
    desk.shot("desk-reports-consolidated-cell");
    clean("consolidated cell's requests");
  }

  @Test
  void aClerkForwardsAnOnlineApplicationToAnotherAgency() throws Exception {
    Http http = new Http(port);
    ObjectNode application = json.createObjectNode();
    application
        .putObject("applicant")
        .put("type", "NATURAL_PERSON")
        .put("name", "转送" + run)
        .put("phone", "13800001111")
        .put("email", "applicant@example.org")
        .put("idType", "RESIDENT_ID")
        .put("idNumber", residentId("11010519850704" + run));
    application.put("description", "请公开本市2025年国有建设用地供应计划");
    application.putArray("requestedForms").add("ELECTRONIC");
    application.put("deliveryChannel", "EMAIL");
    application.put("agencyCode", "RSJ");
    application.put("altcha", AltchaSolver.solve(http));
    HttpResponse<String> applied =
        http.send(
            http.request("/public/api/applications")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(application.toString())));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String number = json.readTree(applied.body()).get("submissionNumber").asText();

    // on the 人社局 clerk's 工作台 first, among the submissions to confirm
    DeskSignIn.open(browser, port, "rsj-clerk", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submissions")));
    assertThat(browser.findElement(By.id("submissions")).getText()).contains(number);
    desk.open("/submissions");
    WebElement row =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submission-" + number)));
    assertThat(browser.findElement(By.cssSelector(".desk-agency")).getText()).isEqualTo(RSJ);
    int before = Integer.parseInt(browser.findElement(By.id("submissions-total")).getText());
    WebElement toggle = row.findElement(By.cssSelector("[data-forward-toggle]"));
    scrollTo(toggle);
    toggle.click();
    WebElement form = browser.findElement(By.cssSelector("#forward-row-" + number + " form"));
    wait.until(ExpectedConditions.visibilityOf(form));
    // the agency it is in is not offered
    List<String> offered =
        new Select(form.findElement(By.tagName("select")))
            .getOptions().stream().map(WebElement::getText).toList();
    assertThat(offered).contains(ZRJ, JYJ, "示例市人民政府").doesNotContain(RSJ);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    WebElement error = form.findElement(By.cssSelector(".forward-error"));
    wait.until(ExpectedConditions.textToBePresentInElement(error, "请选择转送至哪个机关"));
    assertThat(error.getText()).contains("请填写转送理由");
    new Select(form.findElement(By.tagName("select"))).selectByVisibleText(ZRJ);
    form.findElement(By.tagName("textarea")).sendKeys("国有建设用地供应计划由市自然资源和规划局制定和掌握");
    desk.shot("desk-submissions-forward");
    clean("clerk's 转送 form");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("forward-result"), "转送至" + ZRJ));
    assertThat(browser.findElements(By.id("submission-" + number))).isEmpty();
    assertThat(browser.findElement(By.id("submissions-total")).getText())
        .isEqualTo(String.valueOf(before - 1));
    desk.shot("desk-submissions-forwarded");
    clean("submissions after 转送");

    // now the 自然资源和规划局's; the 人社局 no longer sees it at all
    JsonNode moved = awaiting(http, "zrj-clerk", number);
    assertThat(moved).isNotNull();
    assertThat(moved.get("agency").get("code").asText()).isEqualTo("ZRJ");
    assertThat(awaiting(http, "rsj-clerk", number)).isNull();
    desk.open("/submissions");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submissions-total")));
    assertThat(browser.findElements(By.id("submission-" + number))).isEmpty();
    desk.open("/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submissions")));
    assertThat(browser.findElement(By.id("submissions")).getText()).doesNotContain(number);
    desk.logout();
    DeskSignIn.open(browser, port, "zrj-clerk", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submissions")));
    assertThat(browser.findElement(By.id("submissions")).getText()).contains(number);
  }

  @Test
  void anAgencysStaffSeeOnlyTheirAgencysRequests() throws Exception {
    LocalDate today = clock.today();
    JsonNode rsj = register("rsj-clerk", "范围甲" + run, today.minusDays(60));
    JsonNode zrj = register("zrj-clerk", "范围乙" + run, today.minusDays(60));

    DeskSignIn.open(browser, port, "rsj-manager", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overdue")));
    assertThat(browser.findElement(By.cssSelector(".desk-agency")).getText()).isEqualTo(RSJ);
    String overdue = browser.findElement(By.id("overdue")).getText();
    assertThat(overdue).contains(number(rsj)).doesNotContain(number(zrj));
    assertThat(overdue).doesNotContain("ZRJ-");
    long rsjOverdue = browser.findElements(By.cssSelector("#overdue tbody tr")).size();
    assertThat(Long.parseLong(browser.findElement(By.id("glance-overdue")).getText()))
        .isEqualTo(rsjOverdue);
    clean("the 人社局 manager's home");
    fullShot("desk-agency-manager-home");

    desk.logout();
    DeskSignIn.open(browser, port, "zrj-clerk", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registered-today")));
    String registered = browser.findElement(By.id("registered-today")).getText();
    assertThat(registered).contains(number(zrj)).doesNotContain(number(rsj), "RSJ-");
    clean("the 自然资源和规划局 clerk's home");

    // the 人社局's reviewers: their group's tasks are the 人社局's
    desk.logout();
    DeskSignIn.open(browser, port, "rsj-reviewer", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-tasks")));
    assertThat(browser.findElement(By.id("group-tasks")).getText())
        .contains(number(rsj))
        .doesNotContain(number(zrj), "ZRJ-");
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------

  /**
   * A request registered in person by {@code clerk} for their agency, arrived on {@code arrivedOn}.
   */
  private JsonNode register(String clerk, String applicant, LocalDate arrivedOn) throws Exception {
    String body =
        "{\"channel\":\"IN_PERSON\",\"arrivedOn\":\""
            + arrivedOn
            + "\",\"applicant\":{\"type\":"
            + "\"NATURAL_PERSON\",\"name\":\""
            + applicant
            + "\"},\"description\":\"申请公开某文件\"}";
    HttpResponse<String> r = new Http(port).postJson("/api/requests", body, clerk);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body());
  }

  /** A day of arrival whose 20 working days end within the next five working days (not today). */
  private LocalDate dueSoonArrival(LocalDate today) {
    WorkingDayCalendar calendar = calendars.calendar();
    for (LocalDate d = today.minusDays(1); d.isAfter(today.minusDays(60)); d = d.minusDays(1)) {
      int left = calendar.workingDaysBetween(today, calendar.addWorkingDays(d, 20));
      if (left >= 1 && left <= 4) {
        return d;
      }
    }
    throw new IllegalStateException("no day of arrival due soon");
  }

  /** The submission in {@code clerk}'s list of those awaiting confirmation, or null. */
  private JsonNode awaiting(Http http, String clerk, String number) throws Exception {
    for (JsonNode s :
        json.readTree(
                http.get("/api/submissions?status=AWAITING_CONFIRMATION&size=500", clerk).body())
            .get("items")) {
      if (s.get("submissionNumber").asText().equals(number)) {
        return s;
      }
    }
    return null;
  }

  /** A resident ID number with its check character (GB 11643). */
  private static String residentId(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static String number(JsonNode request) {
    return request.get("trackingNumber").asText();
  }

  /** The whole page in one picture: the window as tall as the page, then back. */
  private void fullShot(String name) {
    org.openqa.selenium.Dimension size = browser.manage().window().getSize();
    long height =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
    browser
        .manage()
        .window()
        .setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) height + 150));
    desk.shot(name);
    browser.manage().window().setSize(size);
  }

  private void scrollTo(WebElement e) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
  }

  private void clean(String page) {
    DeskPageChecks.clean(browser, page);
  }
}
