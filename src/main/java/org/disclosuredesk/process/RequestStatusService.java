package org.disclosuredesk.process;

import java.util.function.BooleanSupplier;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code dd_request.status} in step with the process: which step is open, and whether the
 * clock stands. Whether a clock stop is open is handling's to say (it keeps the stops), so it is
 * asked, never read here.
 */
@Service
public class RequestStatusService {

  private final RequestRepository requests;

  public RequestStatusService(RequestRepository requests) {
    this.requests = requests;
  }

  /** {@code clockStopped}: asked only when the handling step opens. */
  public void taskOpened(RequestRow row, String taskKey, BooleanSupplier clockStopped) {
    RequestStatus next =
        switch (taskKey) {
          case "Screening" -> RequestStatus.SCREENING;
          case "RecordSupplement" -> RequestStatus.AWAITING_SUPPLEMENT;
          case "Handling" ->
              clockStopped.getAsBoolean() ? RequestStatus.SUSPENDED : RequestStatus.HANDLING;
          case "ApproveExtension" -> RequestStatus.AWAITING_EXTENSION_APPROVAL;
          case "SignOff" -> RequestStatus.AWAITING_SIGN_OFF;
          default -> null; // the clerk's waiting tasks run beside the main step
        };
    if (next != null && next != row.statusCode()) {
      requests.update(row.id(), "status", next.name());
    }
  }

  /** The last open clock stop closed: a suspended request is back in handling. */
  public void clockRuns(String requestId) {
    RequestRow row = requests.get(requestId);
    if (row.statusCode() == RequestStatus.SUSPENDED) {
      requests.update(requestId, "status", RequestStatus.HANDLING.name());
    }
  }
}
