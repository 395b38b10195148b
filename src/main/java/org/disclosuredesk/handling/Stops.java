package org.disclosuredesk.handling;

import java.time.LocalDate;
import org.disclosuredesk.deadline.SuspensionKind;
import org.disclosuredesk.process.RequestStatusService;
import org.springframework.stereotype.Component;

/**
 * Clock stops as intervals on the request ({@code dd_suspension}), so the due date can be
 * recomputed; and whether one is open, which decides between 办理中 and 中止计时.
 */
@Component
public class Stops {

  private final SuspensionRepository suspensions;
  private final RequestStatusService status;

  public Stops(SuspensionRepository suspensions, RequestStatusService status) {
    this.suspensions = suspensions;
    this.status = status;
  }

  public void open(String requestId, SuspensionKind kind, LocalDate from, String sourceId) {
    suspensions.open(requestId, kind, from, sourceId);
  }

  public void close(String sourceId, LocalDate to) {
    suspensions.close(sourceId, to);
  }

  /** A concluded request leaves no stop open. */
  public void closeAll(String requestId, LocalDate to) {
    suspensions.closeAll(requestId, to);
  }

  public boolean anyOpen(String requestId) {
    return suspensions.anyOpen(requestId);
  }

  /** After a stop closed: the clock runs again (back to handling) when none is open any more. */
  public void afterClosing(String requestId) {
    if (!anyOpen(requestId)) {
      status.clockRuns(requestId);
    }
  }
}
