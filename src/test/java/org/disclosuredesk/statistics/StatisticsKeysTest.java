package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The database keeps the statistics keys in generated columns (V6__statistics.sql); {@link
 * StatisticsRepository#tally} decodes them with the Java lists of codes. Both must spell the same
 * expression, or a new enum constant would be counted under the wrong code: this fails until a
 * migration redefines the columns.
 */
class StatisticsKeysTest {

  @Test
  void generatedColumnsAreTheRepositorysKeyExpressions() throws Exception {
    String v6;
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/common/V6__statistics.sql")) {
      v6 = squeeze(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(v6)
        .contains(
            squeeze(
                "stat_concluded_key INT GENERATED ALWAYS AS ( "
                    + StatisticsRepository.CONCLUDED_KEY
                    + ");"));
    assertThat(v6)
        .contains(
            squeeze(
                "stat_new_key INT GENERATED ALWAYS AS ( " + StatisticsRepository.NEW_KEY + ");"));
    assertThat(v6).contains("stat_concluded_year INT GENERATED ALWAYS AS (YEAR(concluded_on));");
    assertThat(v6).contains("stat_received_year INT GENERATED ALWAYS AS (YEAR(received_on));");
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").replace("( ", "(");
  }
}
