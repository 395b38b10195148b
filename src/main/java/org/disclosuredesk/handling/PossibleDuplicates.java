package org.disclosuredesk.handling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.disclosuredesk.request.DescriptionSimilarity;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * Same applicant, similar description, received in the 12 months before, to the same agency (Art.
 * 36(6)(7)): shown to the reviewer in the request file and on the task form, never decided.
 */
@Component
public class PossibleDuplicates {

  /** {@code similarity}: 0 to 1, two decimals. */
  public record PossibleDuplicate(
      String id, String trackingNumber, LocalDate receivedOn, String outcome, double similarity) {}

  private final RequestRepository requests;

  public PossibleDuplicates(RequestRepository requests) {
    this.requests = requests;
  }

  public List<PossibleDuplicate> of(RequestRow r) {
    List<PossibleDuplicate> out = new ArrayList<>();
    // a repeat is one to the same agency (Art. 36(7)), and another agency's requests are not this
    // one's to show
    for (RequestRow other :
        requests.sameApplicantsOthers(r, r.receivedOn().minusMonths(12), r.receivedOn())) {
      double sim = DescriptionSimilarity.of(r.description(), other.description());
      if (sim >= DescriptionSimilarity.THRESHOLD) {
        out.add(
            new PossibleDuplicate(
                other.id(),
                other.trackingNumber(),
                other.receivedOn(),
                other.outcome(),
                Math.round(sim * 100) / 100.0));
      }
    }
    return out;
  }
}
