package org.disclosuredesk.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Optional single sign-on (统一身份认证) by OpenID Connect, Spring Security's OAuth2 login: on when a
 * client registration is configured under {@code spring.security.oauth2.client.registration.*}. The
 * platform's user is matched to a Camunda user by one claim ({@code disclosure.sso.user-claim});
 * roles stay that user's Camunda groups, so a person the system does not know gets no access,
 * whatever the platform says.
 */
@Component
public class SingleSignOn {

  /** Signed in at the platform, but not a user here. */
  public static class NotAUser extends AuthenticationException {
    NotAUser(String message) {
      super(message);
    }
  }

  private final ObjectProvider<ClientRegistrationRepository> registrations;
  private final IdentityService identity;
  private final String userClaim;

  SingleSignOn(
      ObjectProvider<ClientRegistrationRepository> registrations,
      IdentityService identity,
      @Value("${disclosure.sso.user-claim:preferred_username}") String userClaim) {
    this.registrations = registrations;
    this.identity = identity;
    this.userClaim = userClaim;
  }

  void configure(HttpSecurity http) throws Exception {
    if (registrations.getIfAvailable() == null) {
      return;
    }
    OidcUserService platform = new OidcUserService();
    http.oauth2Login(
        o ->
            o.loginPage("/login")
                .userInfoEndpoint(u -> u.oidcUserService(request -> user(platform, request)))
                .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")));
  }

  /**
   * What the login page says of a failed login (the exception the failure handler kept in the
   * session).
   */
  public static String failureMessage(Object ex) {
    if (ex instanceof LoginAttempts.Throttled t) {
      return t.getMessage();
    }
    if (ex instanceof OAuth2AuthenticationException o) {
      return o.getCause() instanceof NotAUser n ? n.getMessage() : "统一身份认证登录未成功，请重试或使用用户名和密码登录";
    }
    return "用户名或密码错误，请重新输入";
  }

  /** A login button: the platform's name and where it starts. */
  public record Provider(String label, String href) {}

  /** The login page's buttons, one per configured registration (its client name, e.g. 统一身份认证登录). */
  public List<Provider> providers() {
    ClientRegistrationRepository repository = registrations.getIfAvailable();
    List<Provider> links = new ArrayList<>();
    if (repository instanceof Iterable<?> all) {
      for (Object o : all) {
        ClientRegistration r = (ClientRegistration) o;
        String name =
            r.getClientName() == null || r.getClientName().equals(r.getRegistrationId())
                ? "统一身份认证登录"
                : r.getClientName();
        links.add(new Provider(name, "/oauth2/authorization/" + r.getRegistrationId()));
      }
    }
    return links;
  }

  private OidcUser user(OidcUserService platform, OidcUserRequest request) {
    OidcUser user = platform.loadUser(request);
    Object claim = user.getClaims().get(userClaim);
    if (claim == null || claim.toString().isBlank()) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("unknown_user"),
          new NotAUser("统一身份认证未提供用户标识（" + userClaim + "），无法登录本系统，请联系系统管理员"));
    }
    String id = claim.toString();
    if (identity.createUserQuery().userId(id).count() == 0) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("unknown_user"),
          new NotAUser("统一身份认证的用户“" + id + "”不是本系统的用户，请联系系统管理员开通"));
    }
    // the name Camunda's webapps and our audit trail see is the claim, i.e. the Camunda user id; a
    // plain DefaultOidcUser, since the session that keeps it is serialized into the database
    return new DefaultOidcUser(
        CamundaIdentityAuthenticationProvider.roles(identity, id),
        user.getIdToken(),
        user.getUserInfo(),
        userClaim);
  }
}
