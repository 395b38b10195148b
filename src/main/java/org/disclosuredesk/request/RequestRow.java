package org.disclosuredesk.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.disclosuredesk.kernel.RequestStatus;

/** One row of {@code dd_request}: the request's business data, as the process recorded it. */
public record RequestRow(
    String id,
    String trackingNumber,
    int receiptYear,
    String channel,
    LocalDate arrivedOn,
    LocalDate confirmedOn,
    LocalDate receivedOn,
    LocalDate clockStartOn,
    int periodWorkingDays,
    String customPeriodReason,
    int extensionWorkingDays,
    LocalDate dueOn,
    LocalDate originalDueOn,
    String applicantType,
    String applicantName,
    String applicantIdNumber,
    String applicantCreditCode,
    String applicantEmail,
    String applicantPhone,
    String applicantAddress,
    String applicantKey,
    String agentName,
    String agentIdNumber,
    String agentPhone,
    String description,
    String topic,
    String requestedForms,
    String deliveryChannel,
    String externalReference,
    String status,
    LocalDate supplementNoticeOn,
    LocalDate supplementDueOn,
    String supplementItems,
    LocalDate supplementReceivedOn,
    String outcome,
    LocalDate decidedOn,
    LocalDate signedOffOn,
    LocalDate concludedOn,
    String deliveryMethod,
    String outcomeReason,
    Boolean alreadyPublic,
    String thirdPartyInterest,
    String notHeldReason,
    String responsibleAgency,
    String relatedRequestId,
    String relatedReference,
    String confidentialityReviewedBy,
    LocalDate confidentialityReviewedOn,
    BigDecimal feesCollectedYuan,
    String processInstanceId,
    LocalDateTime createdAt,
    String createdBy,
    int version,
    String applicantIdType,
    String agentIdType,
    String agencyCode) {

  public RequestStatus statusCode() {
    return RequestStatus.valueOf(status);
  }

  public boolean concluded() {
    return RequestStatus.CONCLUDED.name().equals(status);
  }

  public boolean extended() {
    return extensionWorkingDays > 0;
  }
}
