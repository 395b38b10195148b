package org.disclosuredesk.security;

import java.time.Duration;
import java.util.Locale;
import org.disclosuredesk.common.RateLimits;
import org.disclosuredesk.common.RateLimits.Limit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per user name and per client address, on the login page and over HTTP Basic
 * alike. The buckets are {@link RateLimits}' (shared through the database on MySQL/MariaDB, so
 * every node counts the same attempts). Only failures take from them: a colleague who types the
 * password right is never slowed down.
 */
@Component
public class LoginAttempts {

  /** A login refused before the password was checked, because too many failed recently. */
  public static class Throttled extends AuthenticationException {
    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("登录失败次数过多，请 " + minutes(retryAfter) + " 分钟后再试；忘记密码请联系系统管理员");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  private final RateLimits limits;
  private final Limit perUser;
  private final Limit perAddress;

  LoginAttempts(
      RateLimits limits,
      @Value("${disclosure.login.failures-per-user:5}") int perUser,
      @Value("${disclosure.login.failures-per-address:30}") int perAddress,
      @Value("${disclosure.login.failure-period:PT15M}") Duration period) {
    this.limits = limits;
    this.perUser = new Limit("login-user", perUser, period);
    this.perAddress = new Limit("login-address", perAddress, period);
  }

  /**
   * Refuses (without checking the password) when the user or the address has used up its failures.
   */
  void checkAllowed(String user, String address) {
    for (var limit : new Limit[] {perUser, perAddress}) {
      String key = limit == perUser ? userKey(user) : address;
      if (key != null && limits.exhausted(limit, key)) {
        throw new Throttled(limits.retryAfter(limit, key));
      }
    }
  }

  /** Counts one failure against both. */
  void failed(String user, String address) {
    take(perUser, userKey(user));
    take(perAddress, address);
  }

  private void take(Limit limit, String key) {
    if (key == null) {
      return;
    }
    try {
      limits.take(limit, key, "");
    } catch (RuntimeException alreadyEmpty) {
      // the bucket is empty: the next attempt is refused by checkAllowed
    }
  }

  // user ids are case-insensitive in the identity service's lookups on MySQL: count them as one
  private static String userKey(String user) {
    return user == null || user.isBlank() ? null : user.trim().toLowerCase(Locale.ROOT);
  }

  private static long minutes(Duration d) {
    return Math.max(1, (d.getSeconds() + 59) / 60);
  }
}
