package org.disclosuredesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates our tables before the process engine starts. Without this the engine's
 * schema-update creates the ACT_* tables first and Flyway then refuses a fresh database ("non-empty
 * schema but no schema history table"); it also makes the MySQL beforeMigrate callback set utf8mb4
 * on the database before the engine creates its tables.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

  @Bean
  static FlywayBeforeProcessEngine flywayBeforeProcessEngine() {
    return new FlywayBeforeProcessEngine();
  }

  static final class FlywayBeforeProcessEngine extends AbstractDependsOnBeanFactoryPostProcessor {
    FlywayBeforeProcessEngine() {
      super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
    }
  }
}
