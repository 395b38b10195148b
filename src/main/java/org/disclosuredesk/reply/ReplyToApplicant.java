package org.disclosuredesk.reply;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.process.Actors;
import org.springframework.stereotype.Component;

/** BPMN "答复申请人": the reply leaves and the request is concluded on the reply date. */
@Component("replyToApplicant")
public class ReplyToApplicant implements JavaDelegate {

  private final Conclusion conclusion;
  private final IdentityService identity;

  public ReplyToApplicant(Conclusion conclusion, IdentityService identity) {
    this.conclusion = conclusion;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    conclusion.conclude(execution.getProcessBusinessKey(), Actors.of(execution, identity));
  }
}
