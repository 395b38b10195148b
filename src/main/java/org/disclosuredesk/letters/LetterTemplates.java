package org.disclosuredesk.letters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Word templates, most specific first: {@code CODE/NAME.docx} in {@code
 * disclosure.letters.template-dir} (one agency's own wording, seal image or letterhead, DOMAIN.md
 * §8), then {@code NAME.docx} there (the platform's), then the built-in {@code
 * classpath:letters/NAME.docx}; an admin changes a letter without a rebuild (read on every use, so
 * a replaced file counts at once, on every node that shares the folder).
 */
@Component
public class LetterTemplates {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
  // the registry's codes (agency.Agencies), so a code can never leave the folder
  private static final Pattern AGENCY = Pattern.compile("[A-Z0-9]{2,16}");

  /** A replacement found in the folder: where it lies (for the log) and its bytes. */
  public record Override(Path file, byte[] content) {}

  private final Path overrides;

  public LetterTemplates(
      @Value("${disclosure.letters.template-dir:${disclosure.data-dir:./data}/letters}")
          String dir) {
    this.overrides = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  /**
   * The replacements for this agency's letter, the agency's own first, then the platform's (a
   * broken one is passed over for the next, and finally for the built-in template).
   */
  public List<Override> overrides(String agencyCode, String name) {
    check(name);
    List<Override> out = new ArrayList<>();
    if (overrides == null) {
      return out;
    }
    if (agencyCode != null && AGENCY.matcher(agencyCode).matches()) {
      read(overrides.resolve(agencyCode).resolve(name + ".docx"), out);
    }
    read(overrides.resolve(name + ".docx"), out);
    return out;
  }

  private static void read(Path file, List<Override> out) {
    try {
      if (Files.isRegularFile(file)) {
        out.add(new Override(file, Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read letter template " + file, e);
    }
  }

  /**
   * The shipped templates never change while the app runs: read each from the jar once (callers
   * only read).
   */
  public byte[] builtIn(String name) {
    check(name);
    return builtIns.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = new ClassPathResource("letters/" + n + ".docx").getInputStream()) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new IllegalStateException("built-in letter template missing: " + n, e);
          }
        });
  }

  private final Map<String, byte[]> builtIns = new ConcurrentHashMap<>();

  private static void check(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad template name " + name);
    }
  }
}
