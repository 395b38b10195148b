package org.disclosuredesk.reply;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.request.RequestEvents;
import org.springframework.stereotype.Component;

/** BPMN "归档" (Art. 45): the request's file is closed; its history stays readable. */
@Component("archiveRequest")
public class ArchiveRequest implements JavaDelegate {

  private final RequestEvents events;

  public ArchiveRequest(RequestEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.record(execution.getProcessBusinessKey(), "ARCHIVED", "system", Map.of());
  }
}
