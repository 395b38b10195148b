package org.disclosuredesk.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.handling.Fees;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/** BPMN "逾期未缴费，不再处理": 20 working days passed without payment → OTHER_FEE_UNPAID. */
@Component("concludeFeeUnpaid")
public class ConcludeFeeUnpaid implements JavaDelegate {

  private final RequestRepository requests;
  private final Fees fees;

  public ConcludeFeeUnpaid(RequestRepository requests, Fees fees) {
    this.requests = requests;
    this.fees = fees;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var row = requests.lock(execution.getProcessBusinessKey());
    fees.list(row.id()).stream()
        .filter(Fees.FeeNotice::open)
        .findFirst()
        .ifPresent(f -> fees.expired(row, f.id()));
  }
}
