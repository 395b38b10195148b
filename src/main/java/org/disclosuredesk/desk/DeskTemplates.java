package org.disclosuredesk.desk;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The staff desk's pages: Mustache templates in {@code desk/templates}, each wrapped in one layout
 * (the partials {@code layout-head}, {@code layout-header}, {@code layout-footer}); every value
 * HTML-escaped. Scripts and styles are files under {@code /desk/assets}, so the pages run under a
 * CSP without inline script or style.
 */
@Component
public class DeskTemplates {

  public static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final Mustache.Compiler mustache =
      Mustache.compiler().defaultValue("").withLoader(DeskTemplates::reader);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  /**
   * The page {@code name} with its model ({@code page} is the layout's: title, user, navigation,
   * token).
   */
  public ResponseEntity<String> page(String name, Object model) {
    return ResponseEntity.ok()
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .body(render(name, model));
  }

  public String render(String name, Object model) {
    return templates
        .computeIfAbsent(
            name,
            n -> {
              try (Reader r = reader(n)) {
                return mustache.compile(r);
              } catch (IOException e) {
                throw new IllegalStateException("desk template missing: " + n, e);
              }
            })
        .execute(model);
  }

  private static Reader reader(String name) throws IOException {
    return new InputStreamReader(
        new ClassPathResource("desk/templates/" + name + ".html").getInputStream(),
        StandardCharsets.UTF_8);
  }

  /**
   * {@code /desk/assets/**}: the desk's script and styles, and the portal's stylesheet they build
   * on.
   */
  @Configuration
  static class Assets implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
      registry
          .addResourceHandler("/desk/assets/**")
          .addResourceLocations("classpath:/desk/assets/", "classpath:/portal/assets/")
          .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(10)));
    }
  }
}
