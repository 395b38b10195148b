package org.disclosuredesk.foundation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test that registers more agencies: it runs on a database of its own (H2 in memory; with the
 * mysql profile the schema {@code <suite schema>_agencies}), since a second agency changes the
 * tracking numbers and the public form of every test that would share the database after it. All
 * such tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = MultiAgencyTest.DATABASE)
public @interface MultiAgencyTest {

  /**
   * The database of these tests, for one that needs its own context too: add it to its test
   * properties.
   */
  String DATABASE =
      "spring.datasource.url=${disclosure.test.multi-agency-url:jdbc:h2:mem:agencies-${random.uuid};"
          + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000}";
}
