package org.disclosuredesk.common;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers an encoded slash ({@code %2F}) in a path itself, with an HTML page, before any of our code runs.
 * Passed through instead, Spring Security's firewall refuses it with 400, and {@link ApiErrorController} answers in
 * the API's JSON shape. Nothing decodes it into a real slash, so no path traversal is opened.
 */
@Component
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(c -> c.setEncodedSolidusHandling("passthrough"));
  }
}
