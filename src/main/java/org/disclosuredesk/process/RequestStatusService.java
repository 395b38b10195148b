package org.disclosuredesk.process;

import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.disclosuredesk.kernel.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Keeps {@code dd_request.status} in step with the process: which step is open, and whether the clock stands. */
@Service
public class RequestStatusService {

  private final RequestRepository requests;
  private final JdbcClient jdbc;

  public RequestStatusService(RequestRepository requests, JdbcClient jdbc) {
    this.requests = requests;
    this.jdbc = jdbc;
  }

  public void taskOpened(RequestRow row, String taskKey) {
    RequestStatus next = switch (taskKey) {
      case "Screening" -> RequestStatus.SCREENING;
      case "RecordSupplement" -> RequestStatus.AWAITING_SUPPLEMENT;
      case "Handling" -> hasOpenStop(row.id()) ? RequestStatus.SUSPENDED : RequestStatus.HANDLING;
      case "ApproveExtension" -> RequestStatus.AWAITING_EXTENSION_APPROVAL;
      case "SignOff" -> RequestStatus.AWAITING_SIGN_OFF;
      default -> null; // the clerk's waiting tasks run beside the main step
    };
    if (next != null && !next.name().equals(row.status())) {
      requests.update(row.id(), "status", next.name());
    }
  }

  /** After a clock stop closed: back to handling when none is open any more. */
  public void stopClosed(String requestId) {
    RequestRow row = requests.get(requestId);
    if (RequestStatus.SUSPENDED.name().equals(row.status()) && !hasOpenStop(requestId)) {
      requests.update(requestId, "status", RequestStatus.HANDLING.name());
    }
  }

  public boolean hasOpenStop(String requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM dd_suspension WHERE request_id = ? AND to_on IS NULL").param(requestId)
        .query(Integer.class).single() > 0;
  }
}
