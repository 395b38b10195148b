package org.disclosuredesk.security;

import static org.camunda.bpm.engine.ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS;
import static org.camunda.bpm.engine.ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO;

import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.disclosuredesk.common.DatabaseProduct;
import org.springframework.stereotype.Component;

/**
 * On H2, Camunda's revoke-aware form of its authorization check ({@code authorizationCheckRevokes:
 * always}) instead of the join it uses when no REVOKE rows exist ("auto", its default). The join
 * looks up the authorization table three times for every open task (the task's id, its process key
 * and "*"), and H2 runs each lookup afresh for every row; in the revoke-aware form the "*"
 * questions do not depend on the row, so H2 answers them once per query, and the rest go through
 * Camunda's unique index. Tasklist's group filter with 5,700 open tasks: 100 ms per query (count
 * and page each) with the join, 35 ms this way (bench-results/scale.md). The answers are the same:
 * no REVOKE rows are written here, and if an admin wrote one, "always" honours it as "auto" would.
 * MySQL/MariaDB keep Camunda's join, which they run as index lookups; a mode other than "auto" set
 * in {@code camunda.bpm.authorization} is left alone.
 */
@Component
public class H2AuthorizationChecks extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  public H2AuthorizationChecks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl config) {
    // after the starter has applied camunda.bpm.authorization; the engine reads the mode on every
    // check
    if (AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(config.getAuthorizationCheckRevokes())
        && DatabaseProduct.of(dataSource) == DatabaseProduct.H2) {
      config.setAuthorizationCheckRevokes(AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    }
  }
}
