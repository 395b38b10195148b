package org.disclosuredesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.altcha.altcha.Altcha;
import org.disclosuredesk.common.BusinessClock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * ALTCHA proof-of-work on every public write (protocol v1, SHA-256, the ALTCHA Java library): a
 * challenge is signed with a key every node shares (kept in {@code dd_setting}), expires after the
 * configured validity, and a solution is accepted once on any node ({@code dd_altcha_spent}'s
 * primary key).
 */
@Component
public class ProofOfWork {

  static final String KEY_SETTING = "portal.altcha-hmac-key";

  /** {@code GET /public/api/challenge}: ALTCHA's challenge, the names as the widget reads them. */
  public record Challenge(
      String algorithm, String challenge, String salt, String signature, Long maxnumber) {}

  private final ProofOfWorkRepository repository;
  private final PortalProperties properties;
  private final BusinessClock clock;
  private final ObjectMapper json;
  private volatile String key;

  ProofOfWork(
      ProofOfWorkRepository repository,
      PortalProperties properties,
      BusinessClock clock,
      ObjectMapper json) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
  }

  public Challenge challenge() {
    try {
      Altcha.ChallengeOptions options =
          new Altcha.ChallengeOptions()
              .setAlgorithm(Altcha.Algorithm.SHA256)
              .setMaxNumber(properties.proofOfWorkMaxNumber())
              .setHmacKey(key())
              .setExpires(Instant.now().plus(properties.proofOfWorkValidity()).getEpochSecond());
      Altcha.Challenge c = Altcha.createChallenge(options);
      return new Challenge(c.algorithm, c.challenge, c.salt, c.signature, c.maxnumber);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a proof-of-work challenge", e);
    }
  }

  /**
   * Whether {@code payload} (the base64 the widget sends) solves one of our challenges, unexpired,
   * and was never used before; a valid one is spent by this call, in its own transaction, so a
   * refused request cannot reuse it.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean spend(String payload) {
    if (payload == null || payload.isBlank() || payload.length() > 2000) {
      return false;
    }
    String signature;
    try {
      JsonNode solution =
          json.readTree(
              new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8));
      signature = solution.path("signature").asText("");
      if (signature.isEmpty()
          || signature.length() > 128
          || !Altcha.verifySolution(payload.strip(), key(), true)) {
        return false;
      }
    } catch (Exception e) {
      return false;
    }
    return repository.spend(
        signature, Instant.now().plus(properties.proofOfWorkValidity()).plusSeconds(60));
  }

  /** Spent solutions are remembered only as long as their challenge could still be solved. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  public void forgetExpired() {
    repository.forgetSpentBefore(Instant.now());
  }

  /** The HMAC key every node signs with: made once, at random, by the first node that needs it. */
  String key() {
    String k = key;
    if (k != null) {
      return k;
    }
    k = repository.setting(KEY_SETTING).orElse(null);
    if (k == null) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      // another node may make it first: then theirs is used
      repository.addSettingIfAbsent(KEY_SETTING, HexFormat.of().formatHex(random), clock.now());
      k = repository.setting(KEY_SETTING).orElseThrow();
    }
    key = k;
    return k;
  }
}
