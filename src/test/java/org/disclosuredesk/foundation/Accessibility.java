package org.disclosuredesk.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * WCAG 2.1 A and AA as Deque's axe-core checks them in the test's browser: names for every control,
 * contrast, language, headings, landmarks, ARIA. Any violation fails with the rule and the
 * elements.
 */
public final class Accessibility {

  private Accessibility() {}

  public static void check(WebDriver browser, String where) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    assertThat(results.getPasses()).as("axe ran on the %s page", where).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        problems.add(
            rule.getId()
                + " ("
                + rule.getImpact()
                + "): "
                + node.getTarget()
                + " "
                + node.getFailureSummary());
      }
    }
    assertThat(problems).as("accessibility of the %s page", where).isEmpty();
  }
}
