package org.disclosuredesk.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;

/**
 * What an uploaded file is, judged by its content (Apache Tika's magic-byte detection; the name and
 * the browser's claim are not asked): only PDF, JPEG and PNG are kept. They are stored, shown to
 * staff, never served to the public and never executed.
 */
final class Uploads {

  static final Map<String, String> ACCEPTED =
      Map.of("application/pdf", ".pdf", "image/jpeg", ".jpg", "image/png", ".png");
  private static final Tika TIKA = new Tika();

  private Uploads() {}

  /** The detected type if it is one we keep, else null. */
  static String acceptedType(byte[] content) {
    try {
      // no file name given to Tika: the content alone decides
      String type =
          TIKA.getDetector()
              .detect(new ByteArrayInputStream(content), new Metadata())
              .getBaseType()
              .toString();
      return ACCEPTED.containsKey(type) ? type : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A safe file name to keep: the person's name without path or control characters, at most 100
   * characters.
   */
  static String safeName(String original, String type) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
    if (name.isEmpty()) {
      name = "附件";
    }
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
    String extension = ACCEPTED.get(type);
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? name : name + extension;
  }
}
