package org.disclosuredesk.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two indexes Camunda's own scripts lack, found by counting the rows each statement of a lifecycle
 * examines on a database with thousands of open requests (bench/scale_test.py): without them two
 * statements read every row of their table, so each lifecycle got slower as requests stayed open.
 *
 * <ul>
 *   <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: completing a task looks for its sub-tasks, a scan of
 *       all open tasks;
 *   <li>{@code ACT_RU_JOB(DUEDATE_)}: the job executor's acquisition (every few seconds, on every
 *       node) looks for due jobs among all timers of all open requests.
 * </ul>
 *
 * Created after the engine has made its schema, once, on H2 and MySQL/MariaDB alike; an index
 * Camunda itself adds on the same column in a later version makes ours unnecessary, and none is
 * made then. Two nodes starting together may both try: the loser finds the index there.
 */
@Component
public class CamundaIndexes extends AbstractProcessEnginePlugin {

  record Index(String name, String table, String column) {}

  static final List<Index> INDEXES =
      List.of(
          new Index("DD_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
          new Index("DD_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"));

  private static final Logger log = LoggerFactory.getLogger(CamundaIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    try (Connection c = dataSource.getConnection()) {
      for (Index index : INDEXES) {
        if (leadingColumnIndexed(c, index)) {
          continue;
        }
        try (var st = c.createStatement()) {
          st.execute(
              "CREATE INDEX "
                  + index.name()
                  + " ON "
                  + index.table()
                  + " ("
                  + index.column()
                  + ")");
          log.info("created index {} on {}({})", index.name(), index.table(), index.column());
        } catch (SQLException e) {
          if (!leadingColumnIndexed(c, index)) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create the indexes Camunda's tables need: " + e.getMessage(), e);
    }
  }

  /**
   * Whether some index of the table starts with the column (ours, or one Camunda adds in a later
   * version).
   */
  static boolean leadingColumnIndexed(Connection c, Index index) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, true)) {
        while (rs.next()) {
          if (rs.getShort("ORDINAL_POSITION") == 1
              && index.column().equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
