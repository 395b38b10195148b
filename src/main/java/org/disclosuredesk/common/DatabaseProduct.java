package org.disclosuredesk.common;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which of the two supported databases a data source is, by the driver's own product name. */
public enum DatabaseProduct {
  H2,
  MYSQL;

  /**
   * H2, or MYSQL for MySQL and MariaDB; anything else is refused (the app supports these two only).
   */
  public static DatabaseProduct of(DataSource dataSource) {
    String name;
    try {
      name =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell the database", e);
    }
    String product = name.toLowerCase(Locale.ROOT);
    if (product.equals("h2")) {
      return H2;
    }
    if (product.contains("mysql") || product.contains("mariadb")) {
      return MYSQL;
    }
    throw new IllegalStateException("unsupported database: " + name);
  }
}
