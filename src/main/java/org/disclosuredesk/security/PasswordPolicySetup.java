package org.disclosuredesk.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy is on (at least 10 characters with upper and lower case, a digit and a
 * special character), for Admin's user pages and the REST API alike. The one exception is the
 * embedded demo run's documented demo accounts (password = name, API.md), which only exist when
 * {@code disclosure.demo-users} is on.
 */
@Component
class PasswordPolicySetup extends AbstractProcessEnginePlugin {

  static final Set<String> DEMO_USERS =
      Set.of("clerk", "reviewer", "head", "manager", "monitor", "supervisor");

  /** The city demo's per-agency accounts (agency.CityDemo, profile city): rsj-clerk, gov-head … */
  static final java.util.regex.Pattern CITY_DEMO_USER =
      java.util.regex.Pattern.compile("[a-z0-9]{2,16}-(clerk|reviewer|head|manager)");

  private final boolean demoUsers;
  private final String adminUser;

  PasswordPolicySetup(
      @Value("${disclosure.demo-users:false}") boolean demoUsers,
      @Value("${camunda.bpm.admin-user.id:admin}") String adminUser) {
    this.demoUsers = demoUsers;
    this.adminUser = adminUser;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnablePasswordPolicy(true);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (demoUsers) {
      configuration.setPasswordPolicy(new DemoExempt(configuration.getPasswordPolicy(), adminUser));
    }
  }

  /** The engine's default rules, except that a demo account may keep its documented password. */
  record DemoExempt(PasswordPolicy rules, String adminUser) implements PasswordPolicy {
    @Override
    public List<PasswordPolicyRule> getRules() {
      return rules.getRules().stream()
          .<PasswordPolicyRule>map(r -> new Rule(r, adminUser))
          .toList();
    }
  }

  record Rule(PasswordPolicyRule rule, String adminUser) implements PasswordPolicyRule {
    @Override
    public String getPlaceholder() {
      return rule.getPlaceholder();
    }

    @Override
    public Map<String, String> getParameters() {
      return rule.getParameters();
    }

    @Override
    public boolean execute(String password) {
      return rule.execute(password);
    }

    @Override
    public boolean execute(String password, User user) {
      if (user != null
          && password != null
          && password.equals(user.getId())
          && (DEMO_USERS.contains(user.getId())
              || CITY_DEMO_USER.matcher(user.getId()).matches()
              || user.getId().equals(adminUser))) {
        return true;
      }
      return rule.execute(password, user);
    }
  }
}
