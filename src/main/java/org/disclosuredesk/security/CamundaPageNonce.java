package org.disclosuredesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each Tasklist, Cockpit or Admin page gets the script nonce of its own Content-Security-Policy.
 * Camunda 7.24 passes the nonce from its header filter to the page it serves through a
 * ServletContext attribute, which every request shares: a request arriving in between (another
 * user, a poll, a font) replaces it, the page names a nonce its header does not, and the browser
 * refuses all of the page's scripts, leaving the app blank. Here that one attribute lives on the
 * request instead (Operaton made the same fix, operaton/operaton#3515). Only the apps' pages
 * ({@code /camunda/app/*}) read it, so only they are wrapped: the REST calls behind Tasklist still
 * write the shared attribute, which nothing reads any more. Registered right after the sign-on and,
 * like it, before Camunda's own filters.
 */
@Configuration
class CamundaPageNonce {

  /** The attribute Camunda's CSP provider writes and its ProcessEnginesFilter reads. */
  static final String NONCE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

  private static final Set<String> ATTRIBUTE_METHODS =
      Set.of("getAttribute", "setAttribute", "removeAttribute");

  @Bean
  FilterRegistrationBean<PerRequestNonceFilter> camundaPageNonceFilter() {
    FilterRegistrationBean<PerRequestNonceFilter> bean =
        new FilterRegistrationBean<>(new PerRequestNonceFilter());
    bean.setName("Disclosure Desk per-request CSP nonce");
    bean.addUrlPatterns("/camunda/app/*");
    bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return bean;
  }

  /** Hands the rest of the chain a request whose servlet context keeps the nonce per request. */
  static class PerRequestNonceFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ServletContext context = perRequest(request.getServletContext(), request);
      chain.doFilter(
          new HttpServletRequestWrapper(request) {
            @Override
            public ServletContext getServletContext() {
              return context;
            }
          },
          response);
    }
  }

  /**
   * The shared context, except that the nonce attribute is read from and written to {@code
   * request}; the JDK's proxy, as Jakarta Servlet has no ServletContext wrapper.
   */
  static ServletContext perRequest(ServletContext shared, HttpServletRequest request) {
    return (ServletContext)
        Proxy.newProxyInstance(
            ServletContext.class.getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) -> {
              if (args != null
                  && args.length > 0
                  && NONCE.equals(args[0])
                  && ATTRIBUTE_METHODS.contains(method.getName())) {
                switch (method.getName()) {
                  case "getAttribute" -> {
                    return request.getAttribute(NONCE);
                  }
                  case "setAttribute" -> request.setAttribute(NONCE, args[1]);
                  default -> request.removeAttribute(NONCE);
                }
                return null;
              }
              try {
                return method.invoke(shared, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
