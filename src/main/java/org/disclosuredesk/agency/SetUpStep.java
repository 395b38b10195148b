package org.disclosuredesk.agency;

import org.springframework.context.SmartLifecycle;

/**
 * A start-up step that runs once {@link #setUp} after the beans are ready and before the web server
 * answers (its lifecycle phase orders the steps). Idempotent, as cluster nodes starting together
 * may all run it.
 */
abstract class SetUpStep implements SmartLifecycle {

  private volatile boolean running;

  abstract void setUp();

  @Override
  public void start() {
    setUp();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
