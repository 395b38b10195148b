package org.disclosuredesk.security;

import javax.sql.DataSource;
import org.disclosuredesk.common.DatabaseProduct;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * A session attribute that two requests of one person add at the same time is stored once, not
 * refused: the first Tasklist, Cockpit or Admin requests after sign-in each put Camunda's
 * authentication into the session, and Spring Session's plain INSERT failed the second with a
 * duplicate key (an error page). Spring Session's own customizer makes it an upsert on MySQL and
 * MariaDB; H2 gets the same through MERGE … KEY.
 */
@Configuration
class SessionAttributeUpsert {

  static final String H2_UPSERT =
      "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)"
          + " KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(
      DataSource dataSource) {
    if (DatabaseProduct.of(dataSource) == DatabaseProduct.MYSQL) {
      return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }
    return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
  }
}
