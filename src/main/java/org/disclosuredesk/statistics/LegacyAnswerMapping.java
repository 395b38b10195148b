package org.disclosuredesk.statistics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.statistics.counting.LegacyTable;
import org.springframework.stereotype.Component;

/**
 * The pre-2019 answer row of each outcome, decided by the DMN table {@code
 * bpmn/legacy-answer-mapping.dmn} at report time. An admin changes the mapping by deploying a new
 * version (Cockpit or REST); evaluation by key always takes the latest version, so no rebuild is
 * needed. Evaluated once per distinct input combination, never per request.
 */
@Component
public class LegacyAnswerMapping {

  public static final String DECISION = "legacy-answer-mapping";

  private final DecisionService decisions;

  public LegacyAnswerMapping(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Map<LegacyTable.Key, String> evaluate(Collection<LegacyTable.Key> keys) {
    Map<LegacyTable.Key, String> out = new HashMap<>();
    for (LegacyTable.Key k : keys) {
      out.computeIfAbsent(k, this::evaluate);
    }
    return out;
  }

  public String evaluate(LegacyTable.Key k) {
    DmnDecisionTableResult result =
        decisions.evaluateDecisionTableByKey(
            DECISION,
            Variables.createVariables()
                .putValue("outcome", k.outcome())
                .putValue("alreadyPublic", k.alreadyPublic())
                .putValue("thirdPartyInterest", k.thirdPartyInterest())
                .putValue("notHeldReason", k.notHeldReason()));
    return result.isEmpty() ? null : result.getSingleEntry();
  }
}
