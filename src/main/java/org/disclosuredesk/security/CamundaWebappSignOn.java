package org.disclosuredesk.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist, Cockpit and Admin trust our login page: Camunda's documented container-based authentication reads the
 * user Spring Security signed in ({@code request.getUserPrincipal()}) and puts it, with the user's groups, into
 * Camunda's own session authentication. Registered right after Spring Security's filter and before Camunda's (which
 * the webapp starter appends after ours).
 */
@Configuration
class CamundaWebappSignOn {

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignOnFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> bean =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    bean.setName("Disclosure Desk sign-on");
    bean.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    bean.addUrlPatterns("/camunda/*");
    bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return bean;
  }
}
