package org.disclosuredesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indexes Camunda's tables lack are there after start-up, on H2 and (under -Pmysql) on
 * MySQL/MariaDB.
 */
@SpringBootTest
class CamundaIndexesTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired CamundaIndexes indexes;

  @Test
  void theIndexesAreThereAfterStartUp() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      for (CamundaIndexes.Index index : CamundaIndexes.INDEXES) {
        assertThat(CamundaIndexes.leadingColumnIndexed(c, index)).as(index.name()).isTrue();
      }
    }
  }

  @Test
  void aMissingIndexIsMadeAgainAndAPresentOneLeftAlone() throws Exception {
    CamundaIndexes.Index parent = CamundaIndexes.INDEXES.get(0);
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    }
    jdbc.execute(
        product.startsWith("H2")
            ? "DROP INDEX " + parent.name()
            : "DROP INDEX " + parent.name() + " ON " + parent.table());
    try (Connection c = dataSource.getConnection()) {
      assertThat(CamundaIndexes.leadingColumnIndexed(c, parent)).isFalse();
    }

    indexes.postProcessEngineBuild(engine);
    indexes.postProcessEngineBuild(engine); // a second node starting later: nothing to do, no error

    try (Connection c = dataSource.getConnection()) {
      assertThat(CamundaIndexes.leadingColumnIndexed(c, parent)).isTrue();
    }
  }
}
