package org.disclosuredesk.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * A Jersey application set up as Camunda's REST APIs are (with Camunda's resolver) resolves our one
 * mapper.
 */
class SharedRestObjectMapperTest {

  @Test
  void everyLookupInACamundaRestApplicationGetsTheSameConfiguredMapper() {
    // jersey-spring (on the class path for the starter) wants a Spring context: an empty one
    ApplicationHandler app =
        new ApplicationHandler(
            new ResourceConfig(JacksonConfigurator.class)
                .property(
                    "contextConfig",
                    new org.springframework.context.annotation
                        .AnnotationConfigApplicationContext()));
    Providers providers = app.getInjectionManager().getInstance(Providers.class);
    for (MediaType type :
        new MediaType[] {
          MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("application/hal+json")
        }) {
      ObjectMapper first =
          providers.getContextResolver(ObjectMapper.class, type).getContext(Object.class);
      ObjectMapper second =
          providers.getContextResolver(ObjectMapper.class, type).getContext(Object.class);
      assertThat(first).isSameAs(second);
      // configured as Camunda configures it: its date format, unknown properties allowed
      assertThat(first.getDateFormat()).isNotNull();
      assertThat(
              first
                  .getDeserializationConfig()
                  .isEnabled(
                      com.fasterxml.jackson.databind.DeserializationFeature
                          .FAIL_ON_UNKNOWN_PROPERTIES))
          .isFalse();
    }
  }
}
