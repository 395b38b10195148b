package org.disclosuredesk.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V13 (Spring Boot hands JavaMigration beans to Flyway): fills the ledger's search index
 * (V12) for the requests already registered, cut by {@link SearchGrams} as new ones are. Runs once,
 * under Flyway's lock.
 */
@Component
public class SearchIndexMigration implements JavaMigration {

  private static final int PAGE = 2000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("13");
  }

  @Override
  public String getDescription() {
    return "ledger search index";
  }

  @Override
  public Integer getChecksum() {
    return 13;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    var c = context.getConnection();
    // in pages by id: a driver that reads a whole result into memory must not hold a million
    // descriptions
    try (PreparedStatement read =
            c.prepareStatement(
                "SELECT id, description FROM dd_request WHERE id > ? ORDER BY id LIMIT " + PAGE);
        PreparedStatement write =
            c.prepareStatement("INSERT INTO dd_request_gram (gram, request_id) VALUES (?, ?)")) {
      String last = "";
      while (true) {
        read.setString(1, last);
        int rows = 0;
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            rows++;
            last = rs.getString(1);
            for (Long gram : SearchGrams.of(rs.getString(2))) {
              write.setLong(1, gram);
              write.setString(2, last);
              write.addBatch();
            }
          }
        }
        write.executeBatch();
        if (rows < PAGE) {
          return;
        }
      }
    }
  }
}
