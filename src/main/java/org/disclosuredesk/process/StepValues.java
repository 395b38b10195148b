package org.disclosuredesk.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a step's form or API call submitted, and removes it afterwards: our tables keep the
 * data.
 */
public final class StepValues {

  private StepValues() {}

  public static StepInput read(VariableScope scope) {
    // the API always passes who acted as a transient variable; Tasklist submissions do not
    boolean fromForm = !(scope.getVariable(RequestProcess.ACTOR) instanceof String);
    return new StepInput(new HashMap<>(scope.getVariables()), fromForm);
  }

  /** Removes a step's input and every field list it may have carried. */
  @SafeVarargs
  public static void consume(VariableScope scope, String input, Collection<String>... fieldLists) {
    consume(scope, java.util.List.of(input));
    for (Collection<String> fields : fieldLists) {
      consume(scope, fields);
    }
  }

  public static void consume(VariableScope scope, Collection<String> names) {
    for (String n : names) {
      if (scope.hasVariable(n)) {
        scope.removeVariable(n);
      }
    }
  }

  public static Map<String, Object> of(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return m;
  }
}
