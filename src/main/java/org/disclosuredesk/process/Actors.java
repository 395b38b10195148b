package org.disclosuredesk.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who performed a step: the API caller, the Tasklist user, or the system (timers). */
public final class Actors {

  public static final String SYSTEM = "system";

  private Actors() {}

  public static String of(VariableScope scope, IdentityService identity) {
    Object actor = scope.getVariable(RequestProcess.ACTOR);
    if (actor instanceof String s && !s.isBlank()) {
      return s;
    }
    Authentication auth = identity.getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM;
  }
}
