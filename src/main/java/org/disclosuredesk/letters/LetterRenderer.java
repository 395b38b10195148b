package org.disclosuredesk.letters;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fills a template's {@code {{placeholders}}} with poi-tl (which also joins tags Word split across runs). */
@Component
public class LetterRenderer {

  private static final Logger log = LoggerFactory.getLogger(LetterRenderer.class);

  private final LetterTemplates templates;
  private final Configure config = Configure.builder().build();

  public LetterRenderer(LetterTemplates templates) {
    this.templates = templates;
  }

  /** Loads POI's and poi-tl's classes off the request path, so the first registration does not wait for them. */
  @EventListener(ApplicationReadyEvent.class)
  public void warmUp() {
    Thread t = new Thread(() -> {
      try {
        render("acknowledgement", Map.of());
      } catch (RuntimeException e) {
        log.warn("letter warm-up failed: {}", e.toString());
      }
    }, "letters-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** An admin's template that does not render must not stop a statutory step: the built-in one is used instead. */
  public byte[] render(String template, Map<String, Object> model) {
    var custom = templates.override(template);
    if (custom.isPresent()) {
      try {
        return render(custom.get(), model);
      } catch (RuntimeException | IOException e) {
        log.warn("letter template {} from the template folder does not render ({}), using the built-in one", template, e.toString());
      }
    }
    try {
      return render(templates.builtIn(template), model);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render letter template " + template, e);
    }
  }

  private byte[] render(byte[] template, Map<String, Object> model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XWPFTemplate.compile(new ByteArrayInputStream(template), config).render(model).writeAndClose(out);
    return out.toByteArray();
  }
}
