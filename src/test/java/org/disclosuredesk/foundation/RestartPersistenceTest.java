package org.disclosuredesk.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.disclosuredesk.DisclosureDeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What was saved before a restart is there after it: the default H2 database is a durable file. */
class RestartPersistenceTest {

  @TempDir Path dir;

  @Test
  void dataSurvivesARestart() {
    String[] args = {
      // command-line arguments outrank the -Pmysql system properties: this test is about the H2
      // file
      "--spring.profiles.active=test",
      "--spring.datasource.url=jdbc:h2:file:"
          + dir.resolve("db").toAbsolutePath()
          + ";WRITE_DELAY=0",
      "--spring.datasource.driver-class-name=org.h2.Driver",
      "--spring.datasource.username=sa",
      "--spring.datasource.password=",
      "--camunda.bpm.database.type=h2",
      "--server.port=0",
      // its own engine name (letters only: Camunda ignores a name with a hyphen and falls back to
      // "default"): closing these contexts must not unregister the engine "default" that the other
      // test contexts of this JVM (and their webapps) look up by name
      "--camunda.bpm.process-engine-name=restartTest",
      // nor Camunda's webapps: their runtime delegates are static, and closing these contexts would
      // take them away from the webapps of the test contexts that are still running
      "--camunda.bpm.webapp.enabled=false",
      "--disclosure.data-dir=" + dir.toAbsolutePath()
    };

    String deploymentId;
    long deployments;
    try (ConfigurableApplicationContext first = start(args)) {
      IdentityService identity = first.getBean(IdentityService.class);
      User u = identity.newUser("restarted");
      u.setFirstName("重启");
      u.setLastName("𠀀测试");
      u.setPassword("Kept-Over-A-Restart-9!");
      identity.saveUser(u);
      first
          .getBean(JdbcTemplate.class)
          .update(
              "INSERT INTO dd_setting (name, value_text, updated_at) VALUES (?, ?, ?)",
              "agency.name",
              "示例市𠀀局",
              Timestamp.from(Instant.now()));
      RepositoryService repository = first.getBean(RepositoryService.class);
      List<Deployment> list = repository.createDeploymentQuery().list();
      assertThat(list).isNotEmpty();
      deploymentId = list.get(0).getId();
      deployments = repository.createDeploymentQuery().count();
    }

    try (ConfigurableApplicationContext second = start(args)) {
      IdentityService identity = second.getBean(IdentityService.class);
      User u = identity.createUserQuery().userId("restarted").singleResult();
      assertThat(u).isNotNull();
      assertThat(u.getLastName()).isEqualTo("𠀀测试");
      assertThat(identity.checkPassword("restarted", "Kept-Over-A-Restart-9!")).isTrue();
      assertThat(
              second
                  .getBean(JdbcTemplate.class)
                  .queryForObject(
                      "SELECT value_text FROM dd_setting WHERE name = ?",
                      String.class,
                      "agency.name"))
          .isEqualTo("示例市𠀀局");
      RepositoryService repository = second.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count())
          .isEqualTo(1);
      // unchanged resources are not deployed again on every start
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
      // the role set-up is idempotent: still one group per role, demo users still in them
      assertThat(
              identity
                  .createGroupQuery()
                  .groupIdIn("clerk", "reviewer", "office-head", "manager")
                  .count())
          .isEqualTo(4);
      assertThat(identity.createUserQuery().memberOfGroup("office-head").list())
          .extracting(User::getId)
          .isEqualTo(List.of("head"));
      assertThat(((WebServerApplicationContext) second).getWebServer().getPort()).isPositive();
    }
  }

  private static ConfigurableApplicationContext start(String[] args) {
    return new SpringApplicationBuilder(DisclosureDeskApplication.class).run(args);
  }
}
