package org.disclosuredesk.handling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.request.RequestRepository;
import org.springframework.stereotype.Component;

/**
 * BPMN "视为无意见": 15 working days passed without an answer (Art. 32, 34); the stop ends on the last
 * day.
 */
@Component("expireConsultation")
public class ExpireConsultation implements JavaDelegate {

  private final RequestRepository requests;
  private final Consultations consultations;
  private final BusinessClock clock;

  public ExpireConsultation(
      RequestRepository requests, Consultations consultations, BusinessClock clock) {
    this.requests = requests;
    this.consultations = consultations;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var row = requests.lock(execution.getProcessBusinessKey());
    for (var c : consultations.list(row.id())) {
      if (c.open() && c.answerDueOn().isBefore(clock.today())) {
        consultations.expired(row, c.id());
      }
    }
  }
}
