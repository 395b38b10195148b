package org.disclosuredesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.disclosuredesk.common.BusinessClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * ALTCHA proof-of-work on every public write (protocol v1, SHA-256, the ALTCHA Java library): a challenge is
 * signed with a key every node shares (kept in {@code dd_setting}), expires after the configured validity, and a
 * solution is accepted once on any node ({@code dd_altcha_spent}'s primary key).
 */
@Component
public class ProofOfWork {

  static final String KEY_SETTING = "portal.altcha-hmac-key";

  private final JdbcClient jdbc;
  private final PortalProperties properties;
  private final BusinessClock clock;
  private final ObjectMapper json;
  private volatile String key;

  public ProofOfWork(JdbcClient jdbc, PortalProperties properties, BusinessClock clock, ObjectMapper json) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
  }

  /** {@code GET /public/api/challenge}: {algorithm, challenge, salt, signature, maxnumber}. */
  public Map<String, Object> challenge() {
    try {
      Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
          .setAlgorithm(Altcha.Algorithm.SHA256)
          .setMaxNumber(properties.proofOfWorkMaxNumber())
          .setHmacKey(key())
          .setExpires(Instant.now().plus(properties.proofOfWorkValidity()).getEpochSecond());
      Altcha.Challenge c = Altcha.createChallenge(options);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("algorithm", c.algorithm);
      out.put("challenge", c.challenge);
      out.put("salt", c.salt);
      out.put("signature", c.signature);
      out.put("maxnumber", c.maxnumber);
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a proof-of-work challenge", e);
    }
  }

  /**
   * Whether {@code payload} (the base64 the widget sends) solves one of our challenges, unexpired, and was never
   * used before; a valid one is spent by this call, in its own transaction, so a refused request cannot reuse it.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean spend(String payload) {
    if (payload == null || payload.isBlank() || payload.length() > 2000) {
      return false;
    }
    String signature;
    try {
      JsonNode solution = json.readTree(new String(Base64.getDecoder().decode(payload.strip()),
          StandardCharsets.UTF_8));
      signature = solution.path("signature").asText("");
      if (signature.isEmpty() || signature.length() > 128 || !Altcha.verifySolution(payload.strip(), key(), true)) {
        return false;
      }
    } catch (Exception e) {
      return false;
    }
    try {
      jdbc.sql("INSERT INTO dd_altcha_spent (signature, expires_at) VALUES (?, ?)")
          .params(signature, Timestamp.from(Instant.now().plus(properties.proofOfWorkValidity()).plusSeconds(60)))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Spent solutions are remembered only as long as their challenge could still be solved. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  public void forgetExpired() {
    jdbc.sql("DELETE FROM dd_altcha_spent WHERE expires_at < ?").param(Timestamp.from(Instant.now())).update();
  }

  /** The HMAC key every node signs with: made once, at random, by the first node that needs it. */
  String key() {
    String k = key;
    if (k != null) {
      return k;
    }
    k = jdbc.sql("SELECT value_text FROM dd_setting WHERE name = ?").param(KEY_SETTING).query(String.class)
        .optional().orElse(null);
    if (k == null) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      try {
        jdbc.sql("INSERT INTO dd_setting (name, value_text, updated_at) VALUES (?, ?, ?)")
            .params(KEY_SETTING, HexFormat.of().formatHex(random), Timestamp.from(clock.now())).update();
      } catch (DuplicateKeyException e) {
        // another node made it first: use theirs
      }
      k = jdbc.sql("SELECT value_text FROM dd_setting WHERE name = ?").param(KEY_SETTING).query(String.class)
          .single();
    }
    key = k;
    return k;
  }
}
