package org.disclosuredesk.foundation;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The test application of the city demo (profile {@code city}, agency.CityDemo): five agencies and
 * their demo users. The city is made only on a registry of its own, so on MySQL (where the suite's
 * applications share one schema) this application gets a schema of its own, {@code <schema>_city}.
 * Tests that use it name both, and share one application.
 */
public final class CityContext {

  /**
   * The profile, added to the suite's ({@code test}, maybe {@code mysql}); the portal's limits out
   * of the way.
   */
  public static final String PROFILE = "spring.profiles.include=city";

  public static final String PORTAL = "disclosure.portal.submissions-per-hour=1000";

  private CityContext() {}

  /** {@code spring.datasource.url} of the mysql profile with {@code _city} added to the schema. */
  public static class OwnSchema
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      String url = context.getEnvironment().getProperty("spring.datasource.url", "");
      if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
        String own = url.replaceFirst("^(jdbc:[a-z]+://[^/]+/)([^?]+)", "$1$2_city");
        context
            .getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("city-schema", Map.of("spring.datasource.url", own)));
      }
    }
  }
}
