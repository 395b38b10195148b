package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.foundation.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The applicant's pages as a person meets them, on a phone (390 px wide) in headless Chromium:
 * reads the guide, applies with a copy of the ID card (the ALTCHA widget solving in the page, under
 * the strict CSP), notes the number and code, follows the request, answers a supplement notice with
 * text and a file, downloads a letter, withdraws. No page scrolls sideways at 360 px, none shows
 * English, none logs a CSP refusal or a script error. Screenshots go to {@code target/screenshots},
 * or with {@code -Dscreenshots.dir=docs} to the README's pictures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserTest extends PortalBrowserSupport {

  @Test
  void anApplicantAppliesFollowsSupplementsAndWithdrawsOnAPhone() throws Exception {
    // the guide: what to ask, how the date of receipt and the reply period work, fees
    open("/public/");
    assertThat(browser.getTitle()).contains("政府信息公开");
    assertThat(body()).contains("双方确认之日", "20 个工作日", "信息处理费", "查询码");
    fitsAPhone("guide");
    chinese("guide");
    accessible("guide");
    shot("portal-guide", 1800); // the top of a long guide: what a phone shows first

    // the form, with a copy of the ID card; the widget proves the work by itself when the form is
    // sent
    click(By.xpath("//a[normalize-space(.)='在线申请'][ancestor::main]"));
    wait.until(ExpectedConditions.urlContains("/public/apply"));
    wait.until(d -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
    String description = "请公开本局2025年度就业见习补贴发放情况（手机" + (System.nanoTime() % 900 + 100) + "）";
    type("#applicant-name", "郑小红");
    type("#applicant-idNumber", "11010519491231002x");
    type("#applicant-phone", "13700001234");
    type("#applicant-email", "zxh@example.org");
    type("#description", description);
    click(By.cssSelector("input[name=requestedForms][value=ELECTRONIC]"));
    new org.openqa.selenium.support.ui.Select(find("#deliveryChannel")).selectByValue("EMAIL");
    find("#files").sendKeys(file("身份证.pdf", pdf()).toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-list"), "身份证.pdf"));
    click(By.id("consent"));
    fitsAPhone("apply");
    chinese("apply");
    accessible("apply");
    shot("portal-apply");
    click(By.id("submit-button"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("conf-upload-summary"), "文件已上传。"));
    String number = find("#conf-number").getText().strip();
    String code = find("#conf-code").getText().strip();
    assertThat(number).matches("S\\d{8}-\\d{6}");
    assertThat(code).hasSize(12);
    assertThat(body()).contains("请立即记下查询码", "zxh@example.org");
    assertThat(
            jdbc.sql("SELECT applicant_name FROM dd_submission WHERE submission_number = ?")
                .param(number)
                .query(String.class)
                .single())
        .isEqualTo("郑小红");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_submission_attachment a JOIN dd_submission s ON s.id = "
                        + "a.submission_id WHERE s.submission_number = ?")
                .param(number)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    fitsAPhone("confirmation");
    chinese("confirmation");
    accessible("confirmation");
    shot("portal-confirmation");
    // the code never travels in a URL
    assertThat(browser.getCurrentUrl()).doesNotContain(code);

    // following it: awaiting confirmation
    click(By.id("go-status"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    assertThat(find("#r-status").getText()).isEqualTo("待确认");
    assertThat(browser.getCurrentUrl()).doesNotContain(code);

    // the clerk confirms it, the reviewer asks for a supplement (staff side, not this test's
    // subject)
    Http http = new Http(port);
    var confirmed =
        http.postJson(
            "/api/submissions/" + number + "/confirmation",
            "{\"confirmedOn\":\"" + today + "\"}",
            "clerk");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
    JsonNode request = JSON.readTree(confirmed.body());
    String requestId = request.get("id").asText();
    LocalDate supplementDue = calendars.calendar().addWorkingDays(today, 15);
    assertThat(
            http.postJson(
                    "/api/requests/" + requestId + "/supplement-request",
                    """
        {"noticeOn":"%s","supplementDueOn":"%s","items":"请写明所需信息的年度和发放对象范围"}"""
                        .formatted(today, supplementDue),
                    "reviewer")
                .statusCode())
        .isEqualTo(200);

    // a day later, on the phone again: number and code typed in
    open("/public/status?n=" + number);
    assertThat(find("#lookup-number").getAttribute("value")).isEqualTo(number);
    type("#lookup-code", code.toLowerCase());
    click(By.id("lookup-button"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supplement-panel")));
    assertThat(find("#r-status").getText()).contains("补正");
    assertThat(find("#supp-items").getText()).contains("请写明所需信息的年度和发放对象范围");
    assertThat(body()).contains(request.get("trackingNumber").asText());
    // the letters addressed to the applicant (the supplement notice among them) are there to
    // download
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#r-letters li")));
    assertThat(find("#r-letters").getText()).contains("补正");
    fitsAPhone("status with a supplement notice");
    chinese("status with a supplement notice");
    accessible("status with a supplement notice");
    shot("portal-status");

    type("#supp-text", "所需信息为2025年度，发放对象为本市登记失业青年");
    find("#supp-files").sendKeys(file("补充说明.png", png()).toString());
    click(By.id("supp-submit"));
    wait.until(
        d ->
            "SCREENING"
                .equals(
                    jdbc.sql("SELECT status FROM dd_request WHERE id = ?")
                        .param(requestId)
                        .query(String.class)
                        .single()));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("supplement-panel")));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM dd_submission_attachment a JOIN dd_submission s ON s.id = "
                        + "a.submission_id WHERE s.submission_number = ? AND a.purpose = 'SUPPLEMENT'")
                .param(number)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(find("#r-timeline").getText()).contains("补正");

    // and withdraws it: concluded as withdrawn today
    click(By.id("withdraw-start"));
    type("#withdraw-reason", "已从本局网站查到");
    click(By.id("withdraw-confirm"));
    wait.until(
        d ->
            "CONCLUDED"
                .equals(
                    jdbc.sql("SELECT status FROM dd_request WHERE id = ?")
                        .param(requestId)
                        .query(String.class)
                        .single()));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("withdraw-panel")));
    chinese("status after withdrawal");

    noRefusalsOrScriptErrors();
  }

  @Test
  void theFormCanBeFilledAndSentFromTheKeyboard() throws Exception {
    open("/public/apply");
    wait.until(d -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
    // every control a person fills in is reached with Tab, in the order it is shown, and shows
    // where focus is
    List<String> controls =
        ((List<?>)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        """
        return [...document.querySelectorAll('main input, main select, main textarea, main button')]
          .filter(e => !e.disabled && e.offsetParent !== null && e.type !== 'hidden' && e.type !== 'file')
          .map(e => e.id || e.name);"""))
            .stream().map(String::valueOf).toList();
    assertThat(controls)
        .contains(
            "applicant-name",
            "applicant-idNumber",
            "applicant-phone",
            "description",
            "deliveryChannel",
            "consent",
            "submit-button");
    List<String> reached = new ArrayList<>();
    find("body").click();
    for (int i = 0; i < 150 && !reached.contains("submit-button"); i++) {
      new Actions(browser)
          .sendKeys(Keys.TAB)
          .perform(); // as a keyboard does, whatever has focus (a file input too)
      WebElement focused = browser.switchTo().activeElement();
      String id =
          focused.getAttribute("id") == null || focused.getAttribute("id").isEmpty()
              ? focused.getAttribute("name")
              : focused.getAttribute("id");
      reached.add(id);
      // the ring is on the control, or on the card or button that stands for it (a styled radio, a
      // file input)
      Object ring =
          ((JavascriptExecutor) browser)
              .executeScript(
                  """
          const e = arguments[0];
          const shows = x => x && getComputedStyle(x).outlineStyle !== 'none';
          return shows(e) || shows(e.closest('.choice')) || shows(e.nextElementSibling);""",
                  focused);
      assertThat(ring).as("focus is visible on %s", id).isEqualTo(true);
    }
    assertThat(reached)
        .as("reached with Tab")
        .containsAll(controls.stream().filter(c -> !c.isEmpty() && !"null".equals(c)).toList());
    // and the form is filled in and sent with keys alone: the applicant type is preselected, Space
    // ticks a box
    find("#applicant-name").sendKeys("冯键盘");
    find("#applicant-idNumber").sendKeys("11010519491231002X");
    find("#applicant-phone").sendKeys("13700005678");
    find("#applicant-email").sendKeys("fjp@example.org");
    find("#description")
        .sendKeys("请公开本局2025年度职业技能培训补贴发放情况（键盘" + (System.nanoTime() % 900 + 100) + "）");
    find("input[name=requestedForms][value=ELECTRONIC]").sendKeys(Keys.SPACE);
    find("#deliveryChannel").sendKeys("电子邮件");
    find("#consent").sendKeys(Keys.SPACE);
    find("#submit-button").sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    assertThat(find("#conf-number").getText().strip()).matches("S\\d{8}-\\d{6}");
    accessible("confirmation after keyboard use");
  }
}
