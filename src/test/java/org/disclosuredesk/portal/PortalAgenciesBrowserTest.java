package org.disclosuredesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The applicant on a platform of several agencies, on a phone: picks the agency (grouped,
 * searchable, remembered), follows a forwarding, and is offered a new application to the agency
 * that holds the information (Art. 36(5)).
 */
@MultiAgencyTest
class PortalAgenciesBrowserTest extends PortalBrowserSupport {

  /**
   * A platform of several agencies (DOMAIN.md §8): the guide lists them by kind with their
   * contacts, the form offers them grouped and filterable, remembers the choice on the phone, shows
   * the server's refusal of a retired agency at the picker; the application goes to the chosen
   * agency's clerks, is forwarded, and after a 36(5) reply naming an agency of the platform the
   * status page offers a new application there, prefilled but not sent. Runs on the database of the
   * multi-agency tests (foundation.MultiAgencyTest); its agencies are retired at the end.
   */
  @Test
  void withSeveralAgenciesTheApplicantPicksOneAndIsOfferedTheOneThatHoldsIt() throws Exception {
    Http http = new Http(port);
    String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
    Map<String, Object> gov =
        agency("G" + suffix, "示例市人民政府", "市政府", "GOVERNMENT", null, "示例市人民路1号", "0631-5200001");
    gov.put("reconsiderationBody", "示例省人民政府");
    Map<String, Object> dep =
        agency(
            "D" + suffix,
            "示例市医疗保障局",
            "市医保局",
            "DEPARTMENT",
            gov.get("code"),
            "示例市海滨路20号",
            "0631-5200020");
    Map<String, Object> zone =
        agency(
            "K" + suffix,
            "示例市高新技术产业开发区管理委员会",
            "高新区管委会",
            "OTHER",
            gov.get("code"),
            "示例市火炬路6号",
            "0631-5200066");
    zone.put("reconsiderationBody", "示例市人民政府");
    String g = (String) gov.get("code");
    String d = (String) dep.get("code");
    String k = (String) zone.get("code");
    List<Map<String, Object>> created = new ArrayList<>();
    try {
      for (Map<String, Object> a : List.of(gov, dep, zone)) {
        var r = http.postJson("/api/agencies", JSON.writeValueAsString(a), "admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        created.add(a);
      }
      int active = JSON.readTree(http.get("/public/api/agencies", null).body()).size();

      // the guide says which agency to ask, and lists them by kind with address and phone
      open("/public/");
      WebElement listed = find("#agencies");
      assertThat(listed.getText())
          .contains(
              "第十条",
              "转送",
              "第三十六条第五项",
              "人民政府",
              "工作部门",
              "其他",
              "示例市医疗保障局",
              "市医保局",
              "示例市海滨路20号",
              "0631-5200020",
              "示例市高新技术产业开发区管理委员会");
      assertThat(find("#agencies a[href='/public/apply?agency=" + d + "']").getText())
          .contains("在线申请");
      fitsAPhone("guide of several agencies");
      chinese("guide of several agencies");
      accessible("guide of several agencies");
      shotOf("#agencies", "portal-guide-agencies");

      // the form: a picker grouped by kind, above everything else
      open("/public/apply");
      wait.until(x -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
      WebElement select = find("#agencyCode");
      assertThat(groups()).containsSubsequence("人民政府", "工作部门", "其他");
      assertThat(optionCount()).isEqualTo((long) active);
      assertThat(select.getAttribute("value")).isEmpty();
      assertThat(find("#agency-filter").isDisplayed()).isTrue();
      fitsAPhone("apply with an agency picker");
      chinese("apply with an agency picker");
      accessible("apply with an agency picker");

      // filtering: part of a short name, a code in lower case; the only match is chosen; Escape
      // shows all again
      type("#agency-filter", "医保");
      wait.until(x -> d.equals(select.getAttribute("value")));
      assertThat(find("#agency-filter-status").getText()).contains("找到 1 个相符的机关", "示例市医疗保障局");
      assertThat(optionCount()).isEqualTo(1);
      assertThat(find("#agency-contact").getText()).contains("示例市海滨路20号", "0631-5200020");
      shot("portal-apply-agency-filter", 1300);
      find("#agency-filter").sendKeys(Keys.ESCAPE);
      wait.until(x -> optionCount() == active);
      assertThat(select.getAttribute("value"))
          .as("clearing the filter keeps the choice")
          .isEqualTo(d);
      type("#agency-filter", k.toLowerCase());
      wait.until(x -> k.equals(select.getAttribute("value")));
      type("#agency-filter", "示例市");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("agency-filter-status"), "个相符的机关"));
      assertThat(optionCount()).isGreaterThanOrEqualTo(3);
      type("#agency-filter", "没有这样的机关");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("agency-filter-status"), "没有找到"));
      assertThat(select.getAttribute("value")).as("typing never drops a choice").isEqualTo(k);
      // Enter in the box goes to the list, it does not send the form
      find("#agency-filter").sendKeys(Keys.ENTER);
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("agencyCode");
      assertThat(find("#error-summary").isDisplayed()).isFalse();

      // the choice is remembered on this phone; a link naming an agency wins over it
      find("#agency-filter").sendKeys(Keys.ESCAPE);
      new org.openqa.selenium.support.ui.Select(find("#agencyCode")).selectByValue(g);
      browser.navigate().refresh();
      wait.until(x -> g.equals(find("#agencyCode").getAttribute("value")));
      assertThat(find("#agency-contact").getText()).contains("示例市人民路1号");
      open("/public/apply?agency=" + k);
      wait.until(x -> k.equals(find("#agencyCode").getAttribute("value")));

      // applying to an agency retired meanwhile: the server's refusal shows at the picker, the list
      // is brought up to date
      wait.until(x -> !find("#submit-button").getAttribute("outerHTML").contains("disabled"));
      String description = "请公开本市2025年度医疗保障基金收支情况（多机关" + (System.nanoTime() % 900 + 100) + "）";
      type("#applicant-name", "钱多多");
      type("#applicant-idNumber", "11010519491231002X");
      type("#applicant-phone", "13700009876");
      type("#description", description);
      click(By.cssSelector("input[name=requestedForms][value=ELECTRONIC]"));
      new org.openqa.selenium.support.ui.Select(find("#deliveryChannel")).selectByValue("ONLINE");
      click(By.id("consent"));
      zone.put("active", false);
      assertThat(put("/api/agencies/" + k, JSON.writeValueAsString(zone), "admin").statusCode())
          .isEqualTo(200);
      click(By.id("submit-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-agencyCode")));
      assertThat(find("#err-agencyCode").getText()).contains("已不再受理网上申请");
      assertThat(find("#agencyCode").getAttribute("value")).isEmpty();
      assertThat(optionCount()).isEqualTo((long) active - 1);
      assertThat(find("#agencyCode").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(find("#error-summary-list").getText()).contains("受理机关");
      accessible("apply with the agency refused");
      shot("portal-apply-agency-error", 1300);
      new org.openqa.selenium.support.ui.Select(find("#agencyCode")).selectByValue(d);
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("err-agencyCode")));
      click(By.id("submit-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
      assertThat(find("#conf-agency").getText()).isEqualTo("示例市医疗保障局");
      String number = find("#conf-number").getText().strip();
      String code = find("#conf-code").getText().strip();
      chinese("confirmation of several agencies");

      // it is the chosen agency's: its clerks list it, the others' do not
      assertThat(
              jdbc.sql("SELECT agency_code FROM dd_submission WHERE submission_number = ?")
                  .param(number)
                  .query(String.class)
                  .single())
          .isEqualTo(d);
      assertThat(pending(http, "clerk")).doesNotContainKey(number);
      assertThat(put("/api/agencies/" + d + "/members/clerk", null, "admin").statusCode())
          .isEqualTo(204);
      assertThat(pending(http, "clerk")).containsEntry(number, d);

      // forwarded before confirmation: the status page names the agency it is with now, and says
      // why
      var forwarded =
          http.postJson(
              "/api/submissions/" + number + "/forwarding",
              "{\"agencyCode\":\"" + g + "\",\"reason\":\"医疗救助资金信息由市政府办公室汇总保存\"}",
              "clerk");
      assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
      open("/public/status?n=" + number);
      type("#lookup-code", code);
      click(By.id("lookup-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
      assertThat(find("#r-facts").getText()).contains("受理机关", "示例市人民政府");
      assertThat(find("#r-timeline").getText()).contains("转送示例市人民政府办理", "医疗救助资金信息由市政府办公室汇总保存");
      assertThat(find("#referral-panel").isDisplayed()).isFalse();
      fitsAPhone("status after forwarding");
      chinese("status after forwarding");
      accessible("status after forwarding");
      shot("portal-status-forwarded");

      // confirmed there, answered under Art. 36(5) naming the medical-insurance bureau of the
      // platform
      for (String user : List.of("clerk", "reviewer")) {
        assertThat(put("/api/agencies/" + g + "/members/" + user, null, "admin").statusCode())
            .isEqualTo(204);
      }
      var confirmed =
          http.postJson(
              "/api/submissions/" + number + "/confirmation",
              "{\"confirmedOn\":\"" + today + "\"}",
              "clerk");
      assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
      String requestId = JSON.readTree(confirmed.body()).get("id").asText();
      var decided =
          http.postJson(
              "/api/requests/" + requestId + "/decision",
              """
          {"outcome":"UNAVAILABLE_NOT_HELD","notHeldReason":"OTHER_AGENCY","responsibleAgency":"%s","decidedOn":"%s"}"""
                  .formatted(d, today),
              "reviewer");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

      // the status page offers the new application; following it fills the form in, and sends
      // nothing
      click(By.id("refresh"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referral-panel")));
      WebElement offer = find("#referral-link");
      assertThat(offer.getText()).isEqualTo("向示例市医疗保障局提出新的申请");
      assertThat(offer.getAttribute("href")).endsWith("/public/apply?agency=" + d);
      assertThat(find("#referral-panel").getText())
          .contains("第三十六条第五项", "示例市海滨路20号", "0631-5200020");
      fitsAPhone("status with a referral");
      chinese("status with a referral");
      accessible("status with a referral");
      shot("portal-status-referral");
      click(By.id("referral-link"));
      wait.until(ExpectedConditions.urlContains("/public/apply?agency=" + d));
      wait.until(x -> d.equals(find("#agencyCode").getAttribute("value")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referral-note")));
      assertThat(find("#description").getAttribute("value")).isEqualTo(description);
      assertThat(find("#applicant-name").getAttribute("value")).isEmpty();
      assertThat(browser.getCurrentUrl())
          .as("nothing of the description in the address")
          .endsWith("/public/apply?agency=" + d);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM dd_submission WHERE description = ?")
                  .param(description)
                  .query(Long.class)
                  .single())
          .as("nothing sent on the applicant's behalf")
          .isEqualTo(1);
      fitsAPhone("apply after a referral");
      chinese("apply after a referral");
      accessible("apply after a referral");
      shot("portal-apply-referral", 1500);
      noRefusalsOrScriptErrors();
    } finally {
      // other multi-agency tests share the database: retire what this one made
      for (Map<String, Object> a : created) {
        a.put("active", false);
        put("/api/agencies/" + a.get("code"), JSON.writeValueAsString(a), "admin");
      }
    }
  }
}
