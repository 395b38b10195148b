package org.disclosuredesk.handling;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The texts a task form shows (the request's summary with the applicant's name and the request's
 * wording, the decision or extension to approve) are task-local variables: Tasklist reads a form's
 * data from variables. They live while the task is open and are never written to Camunda's history,
 * which is kept ten years: Camunda keeps no personal data beyond an open task, and ACT_HI_VARINST
 * does not carry a long text per task of every request.
 */
@Component
public class DisplayTextsOutOfHistory extends AbstractProcessEnginePlugin {

  /** The display variables (TaskBriefing, AppealTaskOpened). */
  public static final Set<String> NAMES =
      Set.of(
          TaskBriefing.SUMMARY,
          "supplementNoticeHint",
          "extensionSummary",
          "decisionSummary",
          "appealSummary");

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    config.setHistoryEventHandler(new Filtered(new DbHistoryEventHandler()));
  }

  /**
   * Camunda's own database handler, minus every event (create, update, delete) of a display
   * variable.
   */
  static class Filtered implements HistoryEventHandler {
    private final HistoryEventHandler db;

    Filtered(HistoryEventHandler db) {
      this.db = db;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!display(event)) {
        db.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    private static boolean display(HistoryEvent event) {
      return event instanceof HistoricVariableUpdateEventEntity v
          && NAMES.contains(v.getVariableName());
    }
  }
}
