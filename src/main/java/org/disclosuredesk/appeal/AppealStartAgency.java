package org.disclosuredesk.appeal;

import org.camunda.bpm.engine.variable.VariableMap;
import org.disclosuredesk.process.AgencyTenants;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * An appeal opened on Tasklist's start form belongs to the agency of the request whose tracking
 * number the form names (the API's start names the agency itself), so a reviewer of several
 * agencies can open it there too.
 */
@Component
class AppealStartAgency implements AgencyTenants.StartAgency {

  private final RequestRepository requests;

  AppealStartAgency(RequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public String of(String processDefinitionKey, VariableMap variables) {
    if (!AppealProcess.KEY.equals(processDefinitionKey)
        || !(variables.get("trackingNumber") instanceof String number)
        || number.isBlank()) {
      return null;
    }
    return requests.findByTrackingNumber(number.strip()).map(RequestRow::agencyCode).orElse(null);
  }
}
