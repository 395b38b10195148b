package org.disclosuredesk.letters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Word templates: a file {@code NAME.docx} in {@code disclosure.letters.template-dir} overrides the built-in
 * {@code classpath:letters/NAME.docx}, so an admin can change a letter's wording without a rebuild (read on every
 * use, so a replaced file counts at once).
 */
@Component
public class LetterTemplates {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

  private final Path overrides;

  public LetterTemplates(@Value("${disclosure.letters.template-dir:${disclosure.data-dir:./data}/letters}") String dir) {
    this.overrides = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  /** The admin's replacement for this template, if one is in the folder. */
  public Optional<byte[]> override(String name) {
    check(name);
    if (overrides == null) {
      return Optional.empty();
    }
    Path file = overrides.resolve(name + ".docx");
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read letter template " + file, e);
    }
  }

  /** The shipped templates never change while the app runs: read each from the jar once (callers only read). */
  public byte[] builtIn(String name) {
    check(name);
    return builtIns.computeIfAbsent(name, n -> {
      try (InputStream in = new ClassPathResource("letters/" + n + ".docx").getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException("built-in letter template missing: " + n, e);
      }
    });
  }

  private final java.util.Map<String, byte[]> builtIns = new java.util.concurrent.ConcurrentHashMap<>();

  private static void check(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad template name " + name);
    }
  }
}
