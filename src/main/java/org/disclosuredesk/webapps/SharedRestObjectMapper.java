package org.disclosuredesk.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * One ObjectMapper, configured as Camunda's REST API configures it, for every Camunda REST call:
 * Camunda's own resolver ({@link JacksonConfigurator#getContext}) builds a new mapper on each
 * lookup, so Jackson rebuilds its (de)serializers for every request — most of the time of opening a
 * Tasklist filter (about 100 ms of CPU per filter on the development machine; bench/scale_test.py).
 * Jersey finds it through its auto-discovery SPI (META-INF/services), in the engine REST API under
 * /engine-rest and in the webapps' own API Tasklist calls. A configured ObjectMapper is thread-safe
 * and Camunda's resources only read it.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/hal+json"})
@Priority(1)
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

  private static final ObjectMapper MAPPER =
      JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return MAPPER;
  }

  /** Registers the resolver in every Jersey application of the webapps and the engine REST API. */
  public static class Registration implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(SharedRestObjectMapper.class)) {
        context.register(SharedRestObjectMapper.class);
      }
    }
  }
}
