package org.disclosuredesk.foundation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;

/**
 * Solves the public channel's proof-of-work as the ALTCHA widget does, with the ALTCHA library's
 * own solver.
 */
public final class AltchaSolver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AltchaSolver() {}

  /** The {@code altcha} field for a challenge as {@code GET /public/api/challenge} answers it. */
  public static String solve(String challengeJson) {
    try {
      JsonNode ch = JSON.readTree(challengeJson);
      Altcha.Solution s =
          Altcha.solveChallenge(
              ch.get("challenge").asText(),
              ch.get("salt").asText(),
              Altcha.Algorithm.SHA256,
              ch.get("maxnumber").asLong(),
              0);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("algorithm", ch.get("algorithm").asText());
      payload.put("challenge", ch.get("challenge").asText());
      payload.put("number", s.number);
      payload.put("salt", ch.get("salt").asText());
      payload.put("signature", ch.get("signature").asText());
      return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
    } catch (Exception e) {
      throw new IllegalStateException("cannot solve the challenge " + challengeJson, e);
    }
  }

  /** A solution of a fresh challenge from the app at {@code http}. */
  public static String solve(Http http) {
    return solve(http.get("/public/api/challenge", null).body());
  }
}
