package org.disclosuredesk.foundation;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person opening a staff page: the login page comes first, then the page they asked for. */
public final class DeskSignIn {

  private DeskSignIn() {}

  /** Opens {@code path}, signs in as {@code user} (demo password = name) and waits for the page. */
  public static void open(WebDriver browser, int port, String user, String path) {
    browser.get("http://localhost:" + port + path);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    if (browser.getCurrentUrl().contains("/login")) {
      wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(user);
      browser.findElement(By.id("password")).sendKeys(user);
      browser.findElement(By.id("login-submit")).click();
      wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }
  }
}
