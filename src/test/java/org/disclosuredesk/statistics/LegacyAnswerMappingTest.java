package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped DMN mapping (bpmn/legacy-answer-mapping.dmn): every outcome, with every value of the
 * extra fields, falls into exactly one legacy answer row (hit policy UNIQUE fails on two, an empty
 * result on none), and the default of DOMAIN.md §6 holds.
 */
class LegacyAnswerMappingTest extends StatisticsTestSupport {

  @Autowired LegacyAnswerMapping mapping;

  @Test
  void everyOutcomeFallsIntoExactlyOneRow() {
    List<String> interests = new ArrayList<>(List.of(""));
    for (ThirdPartyInterest t : ThirdPartyInterest.values()) {
      interests.add(t.name());
    }
    List<String> reasons = new ArrayList<>(List.of(""));
    for (NotHeldReason r : NotHeldReason.values()) {
      reasons.add(r.name());
    }
    int evaluated = 0;
    for (Outcome o : Outcome.values()) {
      for (boolean pub : new boolean[] {false, true}) {
        for (String interest : interests) {
          for (String reason : reasons) {
            String row = mapping.evaluate(new LegacyTable.Key(o.name(), pub, interest, reason));
            assertThat(row)
                .as(o + "/" + pub + "/" + interest + "/" + reason)
                .isIn(LegacyTable.ANSWER_ROWS);
            evaluated++;
          }
        }
      }
    }
    assertThat(evaluated).isEqualTo(21 * 2 * 4 * 3);
  }

  @Test
  void defaultMapping() {
    assertThat(row("DISCLOSED", true, "", "")).isEqualTo("ANSWERED_ALREADY_PUBLIC");
    assertThat(row("DISCLOSED", false, "", "")).isEqualTo("ANSWERED_DISCLOSED");
    assertThat(row("PARTIALLY_DISCLOSED", false, "", "")).isEqualTo("ANSWERED_PARTIALLY_DISCLOSED");
    assertThat(row("WITHHELD_STATE_SECRET", false, "", "")).isEqualTo("WITHHELD_STATE_SECRET");
    assertThat(row("WITHHELD_THIRD_PARTY_RIGHTS", false, "TRADE_SECRET", ""))
        .isEqualTo("WITHHELD_TRADE_SECRET");
    assertThat(row("WITHHELD_THIRD_PARTY_RIGHTS", false, "PERSONAL_PRIVACY", ""))
        .isEqualTo("WITHHELD_PERSONAL_PRIVACY");
    assertThat(row("WITHHELD_THIRD_PARTY_RIGHTS", false, "OTHER", ""))
        .isEqualTo("WITHHELD_OTHER_LEGAL");
    assertThat(row("WITHHELD_SECURITY_STABILITY", false, "", ""))
        .isEqualTo("WITHHELD_SECURITY_STABILITY");
    assertThat(row("WITHHELD_PROHIBITED_BY_LAW", false, "", "")).isEqualTo("WITHHELD_OTHER_LEGAL");
    for (String o :
        List.of(
            "WITHHELD_INTERNAL_AFFAIRS",
            "WITHHELD_PROCESS_INFORMATION",
            "WITHHELD_ENFORCEMENT_CASE_FILE",
            "WITHHELD_ADMINISTRATIVE_QUERY")) {
      assertThat(row(o, false, "", "")).isEqualTo("WITHHELD_NOT_GOVERNMENT_INFORMATION");
    }
    assertThat(row("UNAVAILABLE_NOT_HELD", false, "", "OTHER_AGENCY"))
        .isEqualTo("ANSWERED_NOT_THIS_AGENCY");
    assertThat(row("UNAVAILABLE_NOT_HELD", false, "", "DOES_NOT_EXIST"))
        .isEqualTo("ANSWERED_DOES_NOT_EXIST");
    assertThat(row("UNAVAILABLE_NEEDS_CREATION", false, "", ""))
        .isEqualTo("ANSWERED_DOES_NOT_EXIST");
    assertThat(row("UNAVAILABLE_STILL_UNCLEAR", false, "", ""))
        .isEqualTo("ANSWERED_ASKED_TO_AMEND");
    assertThat(row("OTHER_NO_SUPPLEMENT", false, "", "")).isEqualTo("ANSWERED_ASKED_TO_AMEND");
    for (String o :
        List.of(
            "NOT_PROCESSED_PETITION",
            "NOT_PROCESSED_DUPLICATE",
            "NOT_PROCESSED_PUBLICATION",
            "NOT_PROCESSED_EXCESSIVE",
            "NOT_PROCESSED_CONFIRMATION",
            "OTHER_FEE_UNPAID",
            "OTHER")) {
      assertThat(row(o, false, "", "")).isEqualTo("ANSWERED_OTHER_CHANNEL");
    }
  }

  private String row(String outcome, boolean pub, String interest, String reason) {
    return mapping.evaluate(new LegacyTable.Key(outcome, pub, interest, reason));
  }
}
