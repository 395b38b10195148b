package org.disclosuredesk.desk;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 操作手册 ({@code /guide}): the user guide {@code docs/操作手册.md}, packaged with the application, shown
 * in the desk's layout (CommonMark; raw HTML in the guide is escaped, not rendered) with its
 * screenshots.
 */
@Controller
class GuidePage {

  record Model(DeskLayout.Page page, String guide) {}

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());

  private final DeskTemplates templates;
  private final DeskLayout layout;
  private final String html;

  GuidePage(DeskTemplates templates, DeskLayout layout) throws IOException {
    this.templates = templates;
    this.layout = layout;
    try (InputStream in = new ClassPathResource("guide/操作手册.md").getInputStream()) {
      String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      this.html =
          HtmlRenderer.builder()
              .extensions(EXTENSIONS)
              .escapeHtml(true)
              .build()
              .render(Parser.builder().extensions(EXTENSIONS).build().parse(markdown))
              // the guide's pictures sit beside it in docs/, here under /guide/
              .replaceAll("<img src=\"([^\"/:]+\\.png)\"", "<img src=\"/guide/$1\"");
    }
  }

  @GetMapping("/guide")
  ResponseEntity<String> page(Authentication auth, HttpServletRequest request) {
    return templates.page("guide", new Model(layout.page("操作手册", "/guide", auth, request), html));
  }

  @GetMapping("/guide/{picture:[A-Za-z0-9-]+\\.png}")
  ResponseEntity<byte[]> picture(@PathVariable String picture) throws IOException {
    ClassPathResource r = new ClassPathResource("guide/" + picture);
    if (!r.exists()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = r.getInputStream()) {
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_PNG)
          .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
          .body(in.readAllBytes());
    }
  }
}
