package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.disclosuredesk.foundation.Accessibility;
import org.disclosuredesk.foundation.ChromiumTest;
import org.disclosuredesk.foundation.DeskPageChecks;
import org.disclosuredesk.foundation.DeskSignIn;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin's 机关 page in a browser, under the strict policy: add an agency, a bad one, change it,
 * its staff.
 */
@MultiAgencyTest
class AgenciesPageBrowserTest extends ChromiumTest {

  @Autowired Agencies agencies;

  @Test
  void theAdminKeepsTheRegistryAndItsStaff() {
    String code = "B" + ThreadLocalRandom.current().nextInt(1000, 10000);
    // signed in on the home page first: a write at once after the sign-in can meet a session whose
    // new CSRF token is not settled yet (seen here, with the favicon's 404 racing the first page
    // after the sign-in)
    DeskSignIn.open(browser, port, "admin", "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-user")));
    desk.open("/agencies");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-list")));
    assertThat(browser.findElement(By.cssSelector(".desk-nav")).getText()).contains("机关");
    assertThat(browser.findElement(By.id("agency-AGENCY")).getText())
        .contains("示例市人力资源和社会保障局", "clerk");
    clean("agencies");

    // a form without its required fields: every one named
    browser.findElement(By.id("f-code")).sendKeys("x y");
    browser.findElement(By.id("agency-save")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agency-errors")));
    assertThat(browser.findElement(By.id("agency-errors")).getText())
        .contains("代码", "全称", "地址", "电话", "管辖法院");

    browser.findElement(By.id("f-code")).clear();
    browser.findElement(By.id("f-code")).sendKeys(code);
    new Select(browser.findElement(By.id("f-kind"))).selectByValue("DEPARTMENT");
    new Select(browser.findElement(By.id("f-parentCode"))).selectByValue("AGENCY");
    browser.findElement(By.id("f-name")).sendKeys("示例市自然资源和规划局");
    browser.findElement(By.id("f-address")).sendKeys("示例市海滨路20号");
    browser.findElement(By.id("f-phone")).sendKeys("0631-5200020");
    browser.findElement(By.id("f-reconsiderationBody")).sendKeys("示例市人民政府");
    browser.findElement(By.id("f-court")).sendKeys("示例市环翠区人民法院");
    saveAndWaitForReload(By.id("agency-save"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-result"), "已新增机关"));
    assertThat(agencies.get(code).name()).isEqualTo("示例市自然资源和规划局");

    // changed and retired
    browser.findElement(By.cssSelector("[data-edit='" + code + "']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-title"), "修改机关"));
    assertThat(browser.findElement(By.id("f-code")).isEnabled()).isFalse();
    browser.findElement(By.id("f-phone")).clear();
    browser.findElement(By.id("f-phone")).sendKeys("0631-5200021");
    browser.findElement(By.id("f-active")).click();
    saveAndWaitForReload(By.id("agency-save"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-result"), "已保存机关"));
    assertThat(agencies.get(code).phone()).isEqualTo("0631-5200021");
    assertThat(agencies.get(code).active()).isFalse();
    assertThat(browser.findElement(By.id("agency-" + code)).getText()).contains("已撤销");

    // a member added, an unknown user refused, the member removed
    browser.findElement(By.id("member-" + code)).sendKeys("reviewer");
    saveAndWaitForReload(By.cssSelector("form.member-add[data-agency='" + code + "'] button"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("agency-result"), "已将 reviewer 加入"));
    assertThat(agencies.members(code)).containsExactly("reviewer");
    desk.shot("desk-agencies");
    browser.findElement(By.id("member-" + code)).sendKeys("nobody");
    browser
        .findElement(By.cssSelector("form.member-add[data-agency='" + code + "'] button"))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("agency-result"), "没有这个用户"));
    saveAndWaitForReload(
        By.cssSelector("[data-remove-member='reviewer'][data-agency='" + code + "']"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("agency-result"), "已将 reviewer 移出"));
    assertThat(agencies.members(code)).isEmpty();
    clean("agencies after changes");
  }

  /** Clicks what saves; the page then reloads to show the registry as it is now. */
  private void saveAndWaitForReload(By button) {
    var old = browser.findElement(By.id("agency-list"));
    // the page may still be settling from the step before: a button found a moment too early is
    // found again
    for (int attempt = 1; ; attempt++) {
      try {
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        break;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    // gone with the reload; this chromedriver sometimes says so with "does not belong to the
    // document"
    wait.until(
        d -> {
          try {
            old.isEnabled();
            return false;
          } catch (org.openqa.selenium.WebDriverException gone) {
            return true;
          }
        });
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-list")));
  }

  /** Axe-core and the console; the page's own refused writes (400, 403) log their requests. */
  private void clean(String page) {
    Accessibility.check(browser, page);
    DeskPageChecks.quietConsole(browser, page, m -> m.contains("/api/agencies"));
  }
}
