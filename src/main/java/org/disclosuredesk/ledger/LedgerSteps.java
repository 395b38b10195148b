package org.disclosuredesk.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;

/**
 * What an imported row's steps send: the API's bodies (API.md), by the names the API reads. Written
 * as JSON they are the bodies handling.RequestActions takes, as a client's would be; an empty value
 * is left out.
 */
final class LedgerSteps {

  private LedgerSteps() {}

  /** POST …/screening: the request goes on to be handled. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Screening(String result) {
    static final Screening PROCEED = new Screening("PROCEED");
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SupplementRequest(LocalDate noticeOn, LocalDate supplementDueOn, String items) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Supplement(LocalDate receivedOn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ExtensionRequest(LocalDate requestedOn, Integer workingDays, String reason) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ExtensionDecision(boolean approved, LocalDate decidedOn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Decision(
      Outcome outcome,
      LocalDate decidedOn,
      String reason,
      Boolean alreadyPublic,
      ThirdPartyInterest thirdPartyInterest,
      NotHeldReason notHeldReason,
      String responsibleAgency,
      ConfidentialityReview confidentialityReview) {}

  /** Art. 17's review before a disclosure: who reviewed it and when. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConfidentialityReview(String reviewedBy, LocalDate reviewedOn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SignOff(boolean approved, LocalDate decidedOn, String comment) {}
}
