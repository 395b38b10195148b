package org.disclosuredesk.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row of {@code dd_submission}: an online application, before and after a clerk confirms it.
 */
public record SubmissionRow(
    String id,
    String submissionNumber,
    String status,
    LocalDateTime submittedAt,
    LocalDate submittedOn,
    String applicantType,
    String applicantName,
    String applicantIdType,
    String applicantIdNumber,
    String applicantCreditCode,
    String applicantEmail,
    String applicantPhone,
    String applicantAddress,
    String agentName,
    String agentIdType,
    String agentIdNumber,
    String agentPhone,
    String description,
    String requestedForms,
    String deliveryChannel,
    String queryCodeSalt,
    String queryCodeHash,
    String requestId,
    LocalDateTime decidedAt,
    String decidedBy,
    String rejectionReason,
    LocalDateTime withdrawnAt,
    String withdrawalReason,
    String processInstanceId,
    String agencyCode) {

  public SubmissionStatus statusCode() {
    return SubmissionStatus.valueOf(status);
  }
}
