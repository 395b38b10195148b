package org.disclosuredesk.security;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.stereotype.Component;

/**
 * Who may work a task, not who may read it. For each candidate group and assignee Camunda writes a
 * per-task authorization; by default it grants READ too, and every task query joins those rows with
 * an OR no index serves, so 4,000 open tasks of one group took 9 s to count
 * (bench-results/scale.md). Here the per-task rows keep only Camunda's default work permission
 * (UPDATE: claim, assign, complete), and reading comes from one READ grant on all tasks ({@link
 * RoleSetup}): all staff may read every task, as they may read every request through the ledger,
 * and only the candidate group (or the assignee) may work it.
 */
@Component
public class TaskWorkAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    config.setResourceAuthorizationProvider(new WorkOnly());
  }

  /** Camunda's default provider, minus READ on the per-task rows it writes. */
  static class WorkOnly extends DefaultAuthorizationProvider {
    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
      return Arrays.stream(super.getRuntimePermissions(enforceSpecificVariablePermission))
          .filter(p -> p != Permissions.READ)
          .toArray(Permission[]::new);
    }
  }
}
