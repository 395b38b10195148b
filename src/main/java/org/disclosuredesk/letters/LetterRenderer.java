package org.disclosuredesk.letters;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills a template's {@code {{placeholders}}} with poi-tl (which also joins tags Word split across
 * runs); a template of plain text tags and boolean sections is prepared by poi-tl once and then
 * filled without reopening it ({@link PreparedTemplate}). A model is poi-tl's data model: values by
 * tag name ({@link LetterFields#tags}), as the tags are whatever a template, built-in or an
 * admin's, names.
 */
@Component
public class LetterRenderer {

  private static final Logger log = LoggerFactory.getLogger(LetterRenderer.class);

  private final LetterTemplates templates;
  private final Configure config = Configure.builder().build();
  private static final int MAX_PREPARED = 200;
  private final Map<String, Optional<PreparedTemplate>> prepared = new ConcurrentHashMap<>();

  public LetterRenderer(LetterTemplates templates) {
    this.templates = templates;
  }

  /**
   * Loads POI's and poi-tl's classes off the request path, so the first registration does not wait
   * for them.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void warmUp() {
    Thread t =
        new Thread(
            () -> {
              try {
                render("acknowledgement", Map.of());
              } catch (RuntimeException e) {
                log.warn("letter warm-up failed: {}", e.toString());
              }
            },
            "letters-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** A letter of no particular agency (the platform's templates). */
  public byte[] render(String template, Map<String, ?> model) {
    return render(null, template, model);
  }

  /**
   * A letter of this agency: its own template if it has one, else the platform's, else the built-in
   * one. An admin's template that does not render must not stop a statutory step: the next one is
   * used instead.
   */
  public byte[] render(String agencyCode, String template, Map<String, ?> model) {
    for (LetterTemplates.Override custom : templates.overrides(agencyCode, template)) {
      try {
        return renderTemplate(custom.content(), model);
      } catch (RuntimeException | IOException e) {
        log.warn(
            "letter template {} does not render ({}), using the next one",
            custom.file(),
            e.toString());
      }
    }
    try {
      return renderTemplate(templates.builtIn(template), model);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render letter template " + template, e);
    }
  }

  byte[] renderTemplate(byte[] template, Map<String, ?> model) throws IOException {
    Optional<PreparedTemplate> prepared = prepared(template);
    if (prepared.isPresent()) {
      try {
        Optional<byte[]> filled = prepared.get().fill(model);
        if (filled.isPresent()) {
          return filled.get();
        }
      } catch (RuntimeException e) {
        log.warn("prepared letter template failed ({}), rendering it with poi-tl", e.toString());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XWPFTemplate.compile(new ByteArrayInputStream(template), config)
        .render(model)
        .writeAndClose(out);
    return out.toByteArray();
  }

  /**
   * By the template's content, so an admin's replaced file is prepared anew (a handful of templates
   * exist).
   */
  private Optional<PreparedTemplate> prepared(byte[] template) {
    String key = HexFormat.of().formatHex(sha256(template));
    Optional<PreparedTemplate> known = prepared.get(key);
    if (known == null) {
      if (prepared.size() > MAX_PREPARED) {
        prepared.clear();
      }
      try {
        known = PreparedTemplate.of(template, config);
      } catch (RuntimeException | IOException e) {
        // the fast path must never cost a letter: poi-tl itself renders it (or reports why it
        // cannot)
        known = Optional.empty();
      }
      prepared.put(key, known);
    }
    return known;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
