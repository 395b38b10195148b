package org.disclosuredesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseProductTest {

  @Test
  void anH2DatabaseIsH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:product-test");
    assertThat(DatabaseProduct.of(h2)).isEqualTo(DatabaseProduct.H2);
  }

  @Test
  void mySqlAndMariaDbAreMySql() throws Exception {
    assertThat(DatabaseProduct.of(reporting("MySQL"))).isEqualTo(DatabaseProduct.MYSQL);
    assertThat(DatabaseProduct.of(reporting("MariaDB"))).isEqualTo(DatabaseProduct.MYSQL);
  }

  @Test
  void anyOtherDatabaseIsRefusedByName() throws Exception {
    assertThatThrownBy(() -> DatabaseProduct.of(reporting("PostgreSQL")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PostgreSQL");
  }

  private static DataSource reporting(String productName) throws Exception {
    DatabaseMetaData md = mock(DatabaseMetaData.class);
    when(md.getDatabaseProductName()).thenReturn(productName);
    Connection c = mock(Connection.class);
    when(c.getMetaData()).thenReturn(md);
    DataSource ds = mock(DataSource.class);
    when(ds.getConnection()).thenReturn(c);
    return ds;
  }
}
