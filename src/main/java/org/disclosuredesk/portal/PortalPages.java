package org.disclosuredesk.portal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyKind;
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
 * The applicant's pages (申请指南, 在线申请, 查询办理进度): Mustache templates in {@code portal/templates}
 * rendered with the agency's name and contacts (HTML-escaped), and their scripts, styles and the
 * ALTCHA widget from {@code portal/assets}, all served by us. With more than one active agency the
 * guide lists them and the form offers them, grouped by kind; read from the registry on every page,
 * as another node may have changed it.
 */
@Controller
@ConditionalOnProperty(
    name = "disclosure.portal.enabled",
    havingValue = "true",
    matchIfMissing = true)
class PortalPages {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final AgencyProperties agency;
  private final Agencies agencies;
  private final Mustache.Compiler mustache =
      Mustache.compiler().defaultValue("").withLoader(PortalPages::reader);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  PortalPages(AgencyProperties agency, Agencies agencies) {
    this.agency = agency;
    this.agencies = agencies;
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
    String html =
        templates
            .computeIfAbsent(
                name,
                n -> {
                  try (Reader r = reader(n)) {
                    return mustache.compile(r);
                  } catch (IOException e) {
                    throw new IllegalStateException("portal template missing: " + n, e);
                  }
                })
            .execute(context());
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(html);
  }

  /**
   * The pages' model: {@code agency} (the platform's own, for header and footer), {@code several}
   * (more than one agency takes applications: the form must name one, API.md "Agencies") and {@code
   * agencyGroups} in the order 人民政府, 工作部门, 其他.
   */
  record Context(Contact agency, boolean several, List<Group> agencyGroups) {}

  /** Whose name, address and phone head and foot the pages. */
  record Contact(String name, String address, String phone) {}

  record Group(String label, List<Entry> agencies) {}

  /**
   * An agency as the guide lists it and the form offers it; {@code search} is what the filter box
   * matches.
   */
  record Entry(
      String code,
      String name,
      String shortName,
      boolean hasShort,
      String address,
      String phone,
      String search) {}

  private Context context() {
    List<Agency> active = agencies.active();
    List<Group> groups = new ArrayList<>();
    for (AgencyKind kind : AgencyKind.values()) {
      List<Entry> members =
          active.stream().filter(a -> a.kind() == kind).map(PortalPages::entry).toList();
      if (!members.isEmpty()) {
        groups.add(new Group(kind.label(), members));
      }
    }
    return new Context(platform(active), active.size() > 1, groups);
  }

  /**
   * Whose name heads the pages: the only agency; on a platform of several, the government at its
   * top (the 本级人民政府 that runs it, DOMAIN.md §8), else the agency of {@code disclosure.agency.*}.
   */
  private Contact platform(List<Agency> active) {
    if (active.size() == 1) {
      return contact(active.get(0));
    }
    return active.stream()
        .filter(a -> a.kind() == AgencyKind.GOVERNMENT && a.parentCode() == null)
        .findFirst()
        .map(PortalPages::contact)
        .orElse(new Contact(agency.name(), agency.address(), agency.phone()));
  }

  private static Contact contact(Agency a) {
    return new Contact(a.name(), a.address(), a.phone());
  }

  private static Entry entry(Agency a) {
    String shortName = Objects.requireNonNullElse(a.shortName(), a.name());
    // what the form's filter box matches: part of the name, the short name or the code
    return new Entry(
        a.code(),
        a.name(),
        shortName,
        !shortName.equals(a.name()),
        Objects.requireNonNullElse(a.address(), ""),
        Objects.requireNonNullElse(a.phone(), ""),
        (a.name() + " " + shortName + " " + a.code()).toLowerCase(Locale.ROOT));
  }

  private static Reader reader(String name) throws IOException {
    return new InputStreamReader(
        new ClassPathResource("portal/templates/" + name + ".html").getInputStream(),
        StandardCharsets.UTF_8);
  }

  /** {@code /public/assets/**}: the pages' scripts, styles and the vendored ALTCHA widget. */
  @Configuration
  @ConditionalOnProperty(
      name = "disclosure.portal.enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class Assets implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
      registry
          .addResourceHandler("/public/assets/**")
          .addResourceLocations("classpath:/portal/assets/")
          .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }
  }
}
