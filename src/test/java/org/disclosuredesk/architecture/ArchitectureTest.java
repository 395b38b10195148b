package org.disclosuredesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The shape of the code base as rules (issue #26): they run with the suite and stay green. A rule
 * with an exception names the class and the reason next to it.
 */
class ArchitectureTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMain() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.disclosuredesk");
  }

  /** Every top-level package below org.disclosuredesk is one feature (or the shared kernel). */
  @Test
  void featurePackagesAreFreeOfCycles() {
    slices().matching("org.disclosuredesk.(*)..").should().beFreeOfCycles().check(main);
  }

  /**
   * The law (deadlines and the calendar, identity numbers, the counting of the annual table) is
   * plain Java.
   */
  @Test
  void lawDependsOnNeitherCamundaNorSpring() {
    noClasses()
        .that()
        .resideInAnyPackage(LAW)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.camunda..", "org.springframework..", "jakarta.servlet..")
        .because("the law must be testable and readable without the engine or the web (issue #26)")
        .check(main);
  }

  static final String[] LAW = {
    "org.disclosuredesk.deadline..",
    "org.disclosuredesk.identity..",
    "org.disclosuredesk.statistics.counting.."
  };

  /** SQL runs in repositories only. */
  @Test
  void jdbcOnlyInRepositories() {
    noClasses()
        .that(not(REPOSITORY))
        .and(not(JDBC_INFRASTRUCTURE))
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
        .check(main);
  }

  static final DescribedPredicate<JavaClass> REPOSITORY =
      DescribedPredicate.describe(
          "repositories",
          c ->
              topLevel(c).getSimpleName().endsWith("Repository")
                  || topLevel(c).isAnnotatedWith(org.springframework.stereotype.Repository.class));

  /** Not features' SQL but the database's upkeep; each says why it needs JDBC directly. */
  static final DescribedPredicate<JavaClass> JDBC_INFRASTRUCTURE =
      DescribedPredicate.describe(
          "database infrastructure",
          c ->
              Set.of(
                      // converts Camunda's own tables to utf8mb4 at start-up (MySQL only): DDL on
                      // the engine's schema
                      "org.disclosuredesk.common.CamundaTablesUtf8mb4",
                      // BACKUP / mysqldump of the whole database: not a table of any feature
                      "org.disclosuredesk.backup.DatabaseBackups")
                  .contains(topLevel(c).getName()));

  /** Controllers translate HTTP; they neither query nor hold transactions. */
  @Test
  void controllersHoldNoSqlAndNoTransactions() {
    ArchRule noSql =
        noClasses()
            .that(CONTROLLER)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(
                JdbcClient.class,
                JdbcTemplate.class,
                NamedParameterJdbcTemplate.class,
                TransactionTemplate.class,
                javax.sql.DataSource.class);
    ArchRule noTransactions =
        noClasses().that(CONTROLLER).should().beAnnotatedWith(Transactional.class);
    ArchRule noTransactionalMethods =
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
            .that()
            .areDeclaredInClassesThat(CONTROLLER)
            .should()
            .beAnnotatedWith(Transactional.class);
    noSql.check(main);
    noTransactions.check(main);
    noTransactionalMethods.check(main);
  }

  static final DescribedPredicate<JavaClass> CONTROLLER =
      DescribedPredicate.describe(
          "controllers",
          c ->
              topLevel(c).isAnnotatedWith(Controller.class)
                  || topLevel(c).isAnnotatedWith(RestController.class));

  static final DescribedPredicate<JavaClass> WEB_LAYER =
      DescribedPredicate.describe(
          "the web layer",
          c ->
              topLevel(c).isAnnotatedWith(Controller.class)
                  || topLevel(c).isAnnotatedWith(RestController.class)
                  || topLevel(c).isAnnotatedWith(ControllerAdvice.class)
                  || topLevel(c).isAnnotatedWith(RestControllerAdvice.class));

  static final DescribedPredicate<JavaClass> WEB_EXCEPTION =
      DescribedPredicate.describe(
          "are exceptions of Spring's web layer",
          c ->
              (c.getPackageName().startsWith("org.springframework.web")
                      || c.getPackageName().startsWith("org.springframework.http"))
                  && c.isAssignableTo(Throwable.class));

  /**
   * Services speak the domain's exceptions (common.*Exception); only the web layer knows HTTP
   * statuses.
   */
  @Test
  void servicesThrowNoWebExceptions() {
    noClasses().that(not(WEB_LAYER)).should().dependOnClassesThat(WEB_EXCEPTION).check(main);
  }

  /** A bean cycle is broken, not hidden behind a lazy proxy. */
  @Test
  void noLazyInjection() {
    noClasses().should().dependOnClassesThat().belongToAnyOf(Lazy.class).check(main);
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) {
      t = t.getEnclosingClass().get();
    }
    return t;
  }
}
