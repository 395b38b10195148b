package org.disclosuredesk.letters;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.config.GramerSymbol;
import com.deepoove.poi.template.MetaTemplate;
import com.deepoove.poi.template.run.RunTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A template whose tags are all plain text ({@code {{name}}}), rendered once by poi-tl with a marker as every tag's
 * value; filling it replaces the markers in the package's XML, which is all poi-tl's text policy does to a tag's run.
 * Opening and writing the package with POI for every letter was a third of a registration's CPU (JFR). Templates with
 * anything else (sections, pictures, tables, expressions), and values that poi-tl renders specially (line breaks,
 * tabs, leading or trailing spaces, control characters), are rendered by poi-tl itself: {@link #fill} says so.
 */
final class PreparedTemplate {

  /** Private-use characters: no template text or value may carry them (values that do go to poi-tl). */
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** One entry of the package: its bytes as written, or, where markers stand, text pieces and tag indexes. */
  private record Part(ZipEntry entry, byte[] raw, List<Object> pieces) {}

  private final List<String> tags;
  private final List<Part> parts;

  private PreparedTemplate(List<String> tags, List<Part> parts) {
    this.tags = tags;
    this.parts = parts;
  }

  /** The prepared template, or empty when it uses more of poi-tl than plain text tags. */
  static Optional<PreparedTemplate> of(byte[] template, Configure config) throws IOException {
    XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(template), config);
    List<String> tags = new ArrayList<>();
    for (MetaTemplate meta : compiled.getElementTemplates()) {
      if (!(meta.getClass() == RunTemplate.class && textSign(((RunTemplate) meta).getSign())
          && SIMPLE_NAME.matcher(((RunTemplate) meta).getTagName()).matches())) {
        compiled.close();
        return Optional.empty();
      }
      String name = ((RunTemplate) meta).getTagName();
      if (!tags.contains(name)) {
        tags.add(name);
      }
    }
    Map<String, Object> markers = new java.util.HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      markers.put(tags.get(i), marker(i));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    compiled.render(markers).writeAndClose(out);
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
    return Optional.of(new PreparedTemplate(List.copyOf(tags), List.copyOf(parts)));
  }

  /** The filled .docx, or empty when a value must be rendered by poi-tl itself. */
  Optional<byte[]> fill(Map<String, ?> model) {
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
      for (Part p : parts) {
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

  private static boolean textSign(Character sign) {
    return sign != null && (sign == GramerSymbol.TEXT.getSymbol() || sign == GramerSymbol.TEXT_ALIAS.getSymbol());
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

  /** A value poi-tl would write into the run as it is: no breaks, tabs, edge spaces or characters XML refuses. */
  private static boolean plain(String s) {
    if (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))
        || Character.isSpaceChar(s.charAt(0)) || Character.isSpaceChar(s.charAt(s.length() - 1)))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == OPEN || c == CLOSE || c == '\uFFFE' || c == '\uFFFF'
          || Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))
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
