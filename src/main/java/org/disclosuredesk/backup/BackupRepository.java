package org.disclosuredesk.backup;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** What a backup asks of the database itself: which one it is, and H2's own {@code BACKUP TO}. */
@Repository
public class BackupRepository {

  /** {@code vendor}: the product name in lower case ("h2", "mariadb", "mysql"). */
  record Database(String vendor, String productName, String url) {}

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  public BackupRepository(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  Database database() {
    try {
      return JdbcUtils.extractDatabaseMetaData(
          dataSource,
          (DatabaseMetaData md) -> {
            String product = md.getDatabaseProductName();
            return new Database(product.toLowerCase(Locale.ROOT), product, md.getURL());
          });
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot read the database's metadata", e);
    }
  }

  /**
   * Flushes the store and copies it with space reuse switched off: a consistent image of what was
   * committed.
   */
  void backUpH2To(Path file) {
    jdbc.update("BACKUP TO ?", file.toString());
  }
}
