package org.disclosuredesk.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code dd_altcha_spent} (the solutions used once) and the signing key in {@code dd_setting}. */
@Repository
class ProofOfWorkRepository {

  private final JdbcClient jdbc;

  ProofOfWorkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a solution as spent until {@code expiresAt}; false if it was spent before (on any
   * node).
   */
  boolean spend(String signature, Instant expiresAt) {
    try {
      jdbc.sql("INSERT INTO dd_altcha_spent (signature, expires_at) VALUES (?, ?)")
          .params(signature, Timestamp.from(expiresAt))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  void forgetSpentBefore(Instant now) {
    jdbc.sql("DELETE FROM dd_altcha_spent WHERE expires_at < ?")
        .param(Timestamp.from(now))
        .update();
  }

  Optional<String> setting(String name) {
    return jdbc.sql("SELECT value_text FROM dd_setting WHERE name = ?")
        .param(name)
        .query(String.class)
        .optional();
  }

  /** Stores the setting unless it exists: the first node to write it wins. */
  void addSettingIfAbsent(String name, String value, Instant at) {
    try {
      jdbc.sql("INSERT INTO dd_setting (name, value_text, updated_at) VALUES (?, ?, ?)")
          .params(name, value, Timestamp.from(at))
          .update();
    } catch (DuplicateKeyException e) {
      // another node made it first: theirs stays
    }
  }
}
