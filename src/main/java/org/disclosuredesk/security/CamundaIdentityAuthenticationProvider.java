package org.disclosuredesk.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login page and HTTP Basic, both checked against the Camunda identity service; the user's
 * groups become roles. Failed attempts are limited per user and per client address ({@link
 * LoginAttempts}). Not a bean: Spring Security would also hand a provider bean to the global
 * authentication manager, which asks it again after every failure (two failures counted for one
 * wrong password).
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginAttempts attempts;

  public CamundaIdentityAuthenticationProvider(
      IdentityService identityService, LoginAttempts attempts) {
    this.identityService = identityService;
    this.attempts = attempts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : null;
    attempts.checkAllowed(user, address);
    Object credentials = authentication.getCredentials();
    if (user == null
        || user.isBlank()
        || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      attempts.failed(user, address);
      throw new BadCredentialsException("用户名或密码错误");
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, roles(identityService, user));
  }

  /**
   * The user's Camunda groups as Spring roles (ROLE_clerk, …): the roles are the groups (DOMAIN.md
   * §1).
   */
  static List<GrantedAuthority> roles(IdentityService identityService, String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .<GrantedAuthority>map(g -> new SimpleGrantedAuthority("ROLE_" + g))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
