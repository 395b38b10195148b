package org.disclosuredesk.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.handling.Supplements;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/** BPMN "逾期不补正，不再处理": the supplement period expired (Art. 30) → OTHER_NO_SUPPLEMENT. */
@Component("concludeNoSupplement")
public class ConcludeNoSupplement implements JavaDelegate {

  private final RequestRepository requests;
  private final Supplements supplements;

  public ConcludeNoSupplement(RequestRepository requests, Supplements supplements) {
    this.requests = requests;
    this.supplements = supplements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    supplements.expired(requests.lock(execution.getProcessBusinessKey()));
  }
}
