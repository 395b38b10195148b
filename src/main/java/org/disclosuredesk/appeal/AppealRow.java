package org.disclosuredesk.appeal;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of {@code dd_appeal}. */
public record AppealRow(
    String id,
    String requestId,
    String kind,
    LocalDate receivedOn,
    String caseNumber,
    String body,
    boolean simpleProcedure,
    LocalDate responseDueOn,
    LocalDate submittedOn,
    String result,
    LocalDate decidedOn,
    String status,
    String warning,
    String processInstanceId,
    LocalDateTime createdAt,
    String createdBy,
    String responseNote,
    String resultNote,
    LocalDate redoDueOn,
    LocalDate rehandledOn,
    String rehandledOutcome,
    String rehandleNote) {

  public AppealKind kindCode() {
    return AppealKind.valueOf(kind);
  }
}
