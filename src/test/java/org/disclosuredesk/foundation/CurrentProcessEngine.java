package org.disclosuredesk.foundation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several test contexts live side by side in one JVM (Spring caches them), each with an engine
 * named "default", while Camunda's REST API and webapps look their engine up by name in the static
 * {@link ProcessEngines} registry, which holds the context started last. Before each test this
 * makes the name point to the test's own engine, so an HTTP call reaches the same database and
 * identity service as the test's beans (in production there is one). Registered for every Spring
 * test in META-INF/spring.factories.
 */
public class CurrentProcessEngine implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext
        .getApplicationContext()
        .getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
