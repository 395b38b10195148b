package org.disclosuredesk.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.kernel.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each agency is a Camunda tenant (its code), so Tasklist, Cockpit and the engine REST API show a
 * person only their agencies' instances, tasks, history, jobs and incidents (DOMAIN.md §8); the
 * definitions stay shared (deployed without tenant). A new process instance belongs to: the agency
 * its starter names in the transient variable {@link RequestProcess#AGENCY}; else that of the
 * instance that calls it; else the agency of what a Tasklist start form names ({@link StartAgency},
 * e.g. the request an appeal is about), if the user starting it is one of its staff; else the only
 * agency of the Camunda user starting it (Tasklist's start forms); else the platform's only agency;
 * else none. Camunda's tenant check stays on (its default): staff authenticate with their agencies
 * as tenant ids (security.EngineTenants).
 */
@Component
public class AgencyTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  /**
   * The agency a start form's values point to (a tracking number, say), or null if they point to
   * none.
   */
  public interface StartAgency {
    String of(String processDefinitionKey, VariableMap variables);
  }

  private final AgencyScope agencies;
  private final ObjectProvider<StartAgency> startAgencies;
  private volatile ProcessEngineConfigurationImpl engine;

  /**
   * The start agencies looked up when first needed: they read our tables, not the engine being
   * built.
   */
  public AgencyTenants(AgencyScope agencies, ObjectProvider<StartAgency> startAgencies) {
    this.agencies = agencies;
    this.startAgencies = startAgencies;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    engine = config;
    config.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Authentication who = engine.getIdentityService().getCurrentAuthentication();
    Object given =
        ctx.getVariables() == null ? null : ctx.getVariables().get(RequestProcess.AGENCY);
    if (given instanceof String code && !code.isBlank()) {
      // a Tasklist or engine REST user names only one of their own agencies (the API's own starts
      // run without a Camunda authentication and have checked the agency themselves)
      if (who != null && who.getUserId() != null && !mayName(who, code)) {
        throw new AuthorizationException("您不是机关 " + code + " 的工作人员，不能为其启动流程");
      }
      return code;
    }
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null && caller.getTenantId() != null) {
      return caller.getTenantId();
    }
    VariableMap variables =
        ctx.getVariables() == null ? Variables.createVariables() : ctx.getVariables();
    for (StartAgency start : startAgencies) {
      String code = start.of(ctx.getProcessDefinition().getKey(), variables);
      // someone else's: as if it did not exist (the start step then finds nothing in the starter's
      // agency)
      if (code != null && (who == null || who.getUserId() == null || mayName(who, code))) {
        return code;
      }
    }
    if (who != null && who.getUserId() != null) {
      Set<String> mine = agencies.memberships(who.getUserId());
      if (mine.size() == 1) {
        return mine.iterator().next();
      }
    }
    return agencies.only();
  }

  private static boolean mayName(Authentication who, String code) {
    List<String> groups = who.getGroupIds();
    if (groups != null && groups.contains(Roles.ADMIN)) {
      return true;
    }
    return who.getTenantIds() != null && who.getTenantIds().contains(code);
  }

  /** No case definitions are deployed; one would belong where its caller does. */
  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    DelegateCaseExecution caseCaller = ctx.getSuperCaseExecution();
    return caseCaller == null ? null : caseCaller.getTenantId();
  }

  /**
   * A decision evaluated in a process belongs to its agency; one evaluated on its own (ledger
   * import) to none.
   */
  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    return ctx.getCaseExecution() == null ? null : ctx.getCaseExecution().getTenantId();
  }
}
