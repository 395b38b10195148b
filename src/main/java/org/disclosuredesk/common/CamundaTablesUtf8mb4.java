package org.disclosuredesk.common;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create its tables as utf8 (3-byte), so a Tasklist form value or task text
 * with a rare character outside the BMP (𠀀, 😀) would fail there. After the engine has created its
 * schema, its tables are converted to utf8mb4 once (binary collation, as Camunda compares ids
 * case-sensitively). Idempotent; on H2 nothing to do.
 */
@Component
public class CamundaTablesUtf8mb4 extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(CamundaTablesUtf8mb4.class);

  /** A text column of one of Camunda's tables, as information_schema describes it. */
  private record Column(String table, String name, String type, boolean nullable) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"mysql".equals(config.getDatabaseType()) && !"mariadb".equals(config.getDatabaseType())) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(config.getDataSource());
    // text columns only: id and key columns stay as they are (foreign keys forbid changing them,
    // and ids are ASCII)
    List<Column> columns =
        jdbc.query(
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE"
                + " FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%' AND CHARACTER_SET_NAME IS NOT NULL"
                + " AND CHARACTER_SET_NAME <> 'utf8mb4' AND COLUMN_KEY = ''"
                // MariaDB reports a nullable column's default as the text NULL
                + " AND (COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL')"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION",
            (rs, i) ->
                new Column(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    "YES".equals(rs.getString(4))));
    java.util.Map<String, java.util.List<String>> byTable = new java.util.LinkedHashMap<>();
    for (Column col : columns) {
      byTable
          .computeIfAbsent(col.table(), k -> new java.util.ArrayList<>())
          .add(
              "MODIFY `"
                  + col.name()
                  + "` "
                  + col.type()
                  + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                  + (col.nullable() ? " NULL" : " NOT NULL"));
    }
    byTable.forEach(
        (table, changes) ->
            jdbc.execute("ALTER TABLE `" + table + "` " + String.join(", ", changes)));
    if (!byTable.isEmpty()) {
      log.info("converted the text columns of {} Camunda tables to utf8mb4", byTable.size());
    }
  }
}
