package org.disclosuredesk.portal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosuredesk.common.AgencyProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The applicant's pages (申请指南, 在线申请, 查询办理进度): Mustache templates in {@code portal/templates} rendered with
 * the agency's name and contacts (HTML-escaped), and their scripts, styles and the ALTCHA widget from
 * {@code portal/assets}, all served by us.
 */
@Controller
@ConditionalOnProperty(name = "disclosure.portal.enabled", havingValue = "true", matchIfMissing = true)
class PortalPages {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final AgencyProperties agency;
  private final Mustache.Compiler mustache = Mustache.compiler().defaultValue("").withLoader(PortalPages::reader);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  PortalPages(AgencyProperties agency) {
    this.agency = agency;
  }

  @GetMapping({"/public", "/public/"})
  ResponseEntity<String> guide() {
    return page("guide");
  }

  @GetMapping("/public/apply")
  ResponseEntity<String> apply() {
    return page("apply");
  }

  @GetMapping("/public/status")
  ResponseEntity<String> status() {
    return page("status");
  }

  private ResponseEntity<String> page(String name) {
    String html = templates.computeIfAbsent(name, n -> {
      try (Reader r = reader(n)) {
        return mustache.compile(r);
      } catch (IOException e) {
        throw new IllegalStateException("portal template missing: " + n, e);
      }
    }).execute(Map.of("agency", agency));
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(html);
  }

  private static Reader reader(String name) throws IOException {
    return new InputStreamReader(new ClassPathResource("portal/templates/" + name + ".html").getInputStream(),
        StandardCharsets.UTF_8);
  }

  /** {@code /public/assets/**}: the pages' scripts, styles and the vendored ALTCHA widget. */
  @Configuration
  @ConditionalOnProperty(name = "disclosure.portal.enabled", havingValue = "true", matchIfMissing = true)
  static class Assets implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
      registry.addResourceHandler("/public/assets/**").addResourceLocations("classpath:/portal/assets/")
          .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }
  }
}
