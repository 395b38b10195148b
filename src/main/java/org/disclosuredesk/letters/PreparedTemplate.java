package org.disclosuredesk.letters;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.config.GramerSymbol;
import com.deepoove.poi.template.IterableTemplate;
import com.deepoove.poi.template.MetaTemplate;
import com.deepoove.poi.template.run.RunTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A template of plain text tags ({@code {{name}}}), and at most a few boolean sections ({@code
 * {{?flag}}…{{/flag}}}) of such tags, rendered by poi-tl once per combination of the sections'
 * values with a marker as every text tag's value; filling it replaces the markers in the package's
 * XML, which is all poi-tl's text policy does to a tag's run. Opening and writing the package with
 * POI for every letter was a third of a registration's CPU (JFR). Templates with anything else
 * (pictures, tables, nested or list sections, expressions), and values that poi-tl renders
 * specially (line breaks, tabs, leading or trailing spaces, control characters, a section value
 * that is not a boolean), are rendered by poi-tl itself: {@link #fill} says so.
 */
final class PreparedTemplate {

  /**
   * Private-use characters: no template text or value may carry them (values that do go to poi-tl).
   */
  private static final char OPEN = '\uE000';

  private static final char CLOSE = '\uE001';
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_SECTIONS = 4;

  /**
   * One entry of the package: its bytes as written, or, where markers stand, text pieces and tag
   * indexes.
   */
  private record Part(ZipEntry entry, byte[] raw, List<Object> pieces) {}

  private final byte[] template;
  private final Configure config;
  private final List<String> tags;
  private final List<String> sections;

  /** The rendered package for each combination of section values (bit i: section i shown). */
  private final Map<Integer, List<Part>> variants = new ConcurrentHashMap<>();

  private PreparedTemplate(
      byte[] template, Configure config, List<String> tags, List<String> sections) {
    this.template = template;
    this.config = config;
    this.tags = tags;
    this.sections = sections;
  }

  /**
   * The prepared template, or empty when it uses more of poi-tl than plain text tags and boolean
   * sections.
   */
  static Optional<PreparedTemplate> of(byte[] template, Configure config) throws IOException {
    if (carriesMarkerCharacters(template)) {
      return Optional.empty(); // a symbol font's private-use character would be read as a marker
    }
    List<String> tags = new ArrayList<>();
    List<String> sections = new ArrayList<>();
    try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(template), config)) {
      for (MetaTemplate meta : compiled.getElementTemplates()) {
        if (meta instanceof IterableTemplate section) {
          String name = section.getStartMark().getTagName();
          if (!SIMPLE_NAME.matcher(name).matches()
              || sections.contains(name)
              || !section.getTemplates().stream().allMatch(inner -> textTag(inner, tags))) {
            return Optional.empty();
          }
          sections.add(name);
        } else if (!textTag(meta, tags)) {
          return Optional.empty();
        }
      }
    }
    if (sections.size() > MAX_SECTIONS || sections.stream().anyMatch(tags::contains)) {
      return Optional.empty();
    }
    PreparedTemplate prepared =
        new PreparedTemplate(template, config, List.copyOf(tags), List.copyOf(sections));
    prepared.variant(0); // fails here, not at the first letter, if poi-tl cannot write it
    return Optional.of(prepared);
  }

  /** The filled .docx, or empty when a value must be rendered by poi-tl itself. */
  Optional<byte[]> fill(Map<String, ?> model) {
    int shown = 0;
    for (int i = 0; i < sections.size(); i++) {
      Object v = model.get(sections.get(i));
      if (Boolean.TRUE.equals(v)) {
        shown |= 1 << i;
      } else if (v != null && !Boolean.FALSE.equals(v)) {
        return Optional.empty();
      }
    }
    String[] values = new String[tags.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = model.get(tags.get(i));
      if (v == null) {
        values[i] = "";
      } else if (v instanceof String s && plain(s)) {
        values[i] = escape(s);
      } else {
        return Optional.empty();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Part p : variant(shown)) {
        zip.putNextEntry(new ZipEntry(p.entry()));
        if (p.pieces() == null) {
          zip.write(p.raw());
        } else {
          StringBuilder xml = new StringBuilder(p.raw().length + 256);
          for (Object piece : p.pieces()) {
            xml.append(piece instanceof Integer i ? values[i] : (String) piece);
          }
          zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(out.toByteArray());
  }

  private List<Part> variant(int shown) {
    return variants.computeIfAbsent(shown, this::render);
  }

  /**
   * poi-tl's own rendering with markers for the text tags and the given sections shown, split into
   * parts.
   */
  private List<Part> render(int shown) {
    // poi-tl's data model for this template's own tags: a marker (text) or a section's boolean
    Map<String, Object> markers = new HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      markers.put(tags.get(i), marker(i));
    }
    for (int i = 0; i < sections.size(); i++) {
      markers.put(sections.get(i), (shown & 1 << i) != 0);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      XWPFTemplate.compile(new ByteArrayInputStream(template), config)
          .render(markers)
          .writeAndClose(out);
      List<Part> parts = new ArrayList<>();
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          byte[] raw = zip.readAllBytes();
          ZipEntry copy = new ZipEntry(e.getName());
          copy.setTime(e.getTime());
          String text = new String(raw, StandardCharsets.UTF_8);
          parts.add(new Part(copy, raw, text.indexOf(OPEN) < 0 ? null : pieces(text, tags.size())));
        }
      }
      return List.copyOf(parts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean carriesMarkerCharacters(byte[] template) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(template))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        if (text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the element is a plain text tag; if so, its name is added to the tags. */
  private static boolean textTag(MetaTemplate meta, List<String> tags) {
    if (meta.getClass() != RunTemplate.class
        || !textSign(((RunTemplate) meta).getSign())
        || !SIMPLE_NAME.matcher(((RunTemplate) meta).getTagName()).matches()) {
      return false;
    }
    String name = ((RunTemplate) meta).getTagName();
    if (!tags.contains(name)) {
      tags.add(name);
    }
    return true;
  }

  private static boolean textSign(Character sign) {
    return sign != null
        && (sign == GramerSymbol.TEXT.getSymbol() || sign == GramerSymbol.TEXT_ALIAS.getSymbol());
  }

  private static String marker(int i) {
    return OPEN + Integer.toString(i) + CLOSE;
  }

  /** The part's text split at the markers: strings, and the marker's tag index as an Integer. */
  private static List<Object> pieces(String text, int tagCount) {
    List<Object> pieces = new ArrayList<>();
    int from = 0;
    for (int open = text.indexOf(OPEN); open >= 0; open = text.indexOf(OPEN, from)) {
      int close = text.indexOf(CLOSE, open);
      int index = Integer.parseInt(text.substring(open + 1, close));
      if (index >= tagCount) {
        throw new IllegalStateException("unexpected marker " + index);
      }
      pieces.add(text.substring(from, open));
      pieces.add(index);
      from = close + 1;
    }
    pieces.add(text.substring(from));
    return pieces;
  }

  /**
   * A value poi-tl would write into the run as it is: no breaks, tabs, edge spaces or characters
   * XML refuses.
   */
  private static boolean plain(String s) {
    if (!s.isEmpty()
        && (Character.isWhitespace(s.charAt(0))
            || Character.isWhitespace(s.charAt(s.length() - 1))
            || Character.isSpaceChar(s.charAt(0))
            || Character.isSpaceChar(s.charAt(s.length() - 1)))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20
          || c == OPEN
          || c == CLOSE
          || c == '\uFFFE'
          || c == '\uFFFF'
          || Character.isHighSurrogate(c)
              && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))
          || Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
      if (entity != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (entity != null) {
          out.append(entity);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
