package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.IterableTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The prepared fast path writes what poi-tl itself writes, for every built-in template and awkward
 * values.
 */
class PreparedTemplateTest {

  static final Configure CONFIG = Configure.builder().build();
  static final Path BUILT_IN = Path.of("src/main/resources/letters");

  /** Values a letter really gets, and the characters that could break a hand-made XML part. */
  static final List<String> VALUES =
      List.of(
          "2025-0042",
          "王五",
          "2025年3月3日",
          "A&B <公司> \"引号\" '单' ]]> 完",
          "生僻字𠀀与表情😀",
          "",
          "%s {{notATag}} $1 \\ 反斜杠",
          "很长的申请内容".repeat(400));

  static Stream<String> templates() throws IOException {
    try (Stream<Path> files = Files.list(BUILT_IN)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".docx"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void fastPathWritesWhatPoiTlWrites(String name) throws Exception {
    byte[] template = Files.readAllBytes(BUILT_IN.resolve(name + ".docx"));
    List<String> tags = new ArrayList<>();
    List<String> sections = new ArrayList<>();
    walk(template, tags, sections);
    Optional<PreparedTemplate> prepared = PreparedTemplate.of(template, CONFIG);
    assertThat(prepared)
        .as("every built-in template is plain tags and boolean sections: " + tags)
        .isPresent();
    for (int round = 0; round < VALUES.size(); round++) {
      Map<String, Object> model = new HashMap<>();
      for (int i = 0; i < tags.size(); i++) {
        model.put(tags.get(i), VALUES.get((round + i) % VALUES.size()));
      }
      if (round == 1 && !tags.isEmpty()) {
        model.put(tags.get(0), null); // poi-tl clears a tag without a value
      }
      for (int i = 0; i < sections.size(); i++) {
        model.put(sections.get(i), new Boolean[] {true, false, null}[(round + i) % 3]);
      }
      byte[] expected = poiTl(template, model);
      assertSameDocument(
          prepared.get().fill(model).orElseThrow(), expected, name + " round " + round);
      assertSameDocument(
          new LetterRenderer(null).renderTemplate(template, model), expected, name + " renderer");
    }
  }

  /**
   * The records of {@link LetterFields} name every tag the built-in templates use: none is left
   * empty by a typo.
   */
  @ParameterizedTest
  @MethodSource("templates")
  void everyTagOfABuiltInTemplateIsALetterField(String name) throws Exception {
    List<String> tags = new ArrayList<>();
    List<String> sections = new ArrayList<>();
    walk(Files.readAllBytes(BUILT_IN.resolve(name + ".docx")), tags, sections);
    Set<String> fields = new HashSet<>();
    // the heading and every record of the sealed parts, nested ones too
    List<Class<?>> types =
        new ArrayList<>(List.of(LetterFields.Heading.class, LetterFields.Part.class));
    for (int i = 0; i < types.size(); i++) {
      Class<?> c = types.get(i);
      if (c.isRecord()) {
        Stream.of(c.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
      } else {
        types.addAll(List.of(c.getPermittedSubclasses()));
      }
    }
    assertThat(fields).as(name).containsAll(tags).containsAll(sections);
  }

  @Test
  void valuesPoiTlTreatsSpeciallyAreLeftToIt() throws Exception {
    byte[] template = Files.readAllBytes(BUILT_IN.resolve("acknowledgement.docx"));
    PreparedTemplate prepared = PreparedTemplate.of(template, CONFIG).orElseThrow();
    for (Object special :
        new Object[] {
          "两行\n文字", "制表\t符", " 前导空格", "末尾空格 ", "控制\u0001字符", "\uE000", 42, "孤立\uD800代理"
        }) {
      Map<String, Object> model = Map.of("applicantName", special);
      assertThat(prepared.fill(model)).as(String.valueOf(special)).isEmpty();
      byte[] rendered = new LetterRenderer(null).renderTemplate(template, model);
      if (!(special instanceof String s) || !s.contains("\uD800")) {
        assertSameDocument(rendered, poiTl(template, model), String.valueOf(special));
      }
    }
  }

  @Test
  void aSectionGivenAListOrTextIsLeftToPoiTl() throws Exception {
    byte[] template = Files.readAllBytes(BUILT_IN.resolve("reply-disclosed.docx"));
    List<String> sections = new ArrayList<>();
    walk(template, new ArrayList<>(), sections);
    assertThat(sections).containsExactly("hasReason");
    PreparedTemplate prepared = PreparedTemplate.of(template, CONFIG).orElseThrow();
    for (Object value :
        new Object[] {List.of(Map.of("reason", "一"), Map.of("reason", "二")), "是", 1}) {
      Map<String, Object> model = Map.of("hasReason", value, "reason", "理由");
      assertThat(prepared.fill(model)).as(String.valueOf(value)).isEmpty();
      assertSameDocument(
          new LetterRenderer(null).renderTemplate(template, model),
          poiTl(template, model),
          String.valueOf(value));
    }
  }

  @Test
  void aTemplateWhoseTextCarriesAMarkerCharacterIsLeftToPoiTl() throws Exception {
    byte[] original = Files.readAllBytes(BUILT_IN.resolve("acknowledgement.docx"));
    // a symbol font's character in the private-use area, even in the exact shape of a marker
    byte[] template = withDocumentText(original, "政府信息公开申请收件回执", "收件回执\uE0000\uE001\uE001");
    assertThat(PreparedTemplate.of(template, CONFIG)).isEmpty();
    Map<String, Object> model = Map.of("applicantName", "王五", "trackingNumber", "2025-0042");
    byte[] rendered = new LetterRenderer(null).renderTemplate(template, model);
    assertSameDocument(rendered, poiTl(template, model), "private-use text");
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(rendered));
        XWPFWordExtractor x = new XWPFWordExtractor(d)) {
      assertThat(x.getText()).contains("收件回执\uE0000\uE001\uE001", "王五", "2025-0042");
    }
  }

  private static byte[] withDocumentText(byte[] docx, String from, String to) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
          assertThat(xml).contains(from);
          bytes = xml.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * The text tags (inside sections too) and the section names of a template, as poi-tl parses it.
   */
  private static void walk(byte[] template, List<String> tags, List<String> sections)
      throws IOException {
    try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template), CONFIG)) {
      walk(t.getElementTemplates(), tags, sections);
    }
  }

  private static void walk(List<MetaTemplate> elements, List<String> tags, List<String> sections) {
    for (MetaTemplate m : elements) {
      if (m instanceof IterableTemplate block) {
        sections.add(block.getStartMark().getTagName());
        walk(block.getTemplates(), tags, sections);
      } else if (m instanceof ElementTemplate e && !tags.contains(e.getTagName())) {
        tags.add(e.getTagName());
      }
    }
  }

  private static byte[] poiTl(byte[] template, Map<String, Object> model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XWPFTemplate.compile(new ByteArrayInputStream(template), CONFIG)
        .render(model)
        .writeAndClose(out);
    return out.toByteArray();
  }

  /**
   * Every part of the package equal as XML (entities and empty-element forms aside), and the same
   * text for Word.
   */
  static void assertSameDocument(byte[] actual, byte[] expected, String what) throws Exception {
    Map<String, byte[]> a = entries(actual);
    Map<String, byte[]> e = entries(expected);
    assertThat(a.keySet()).as(what).containsExactlyElementsOf(e.keySet());
    var dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    for (String part : e.keySet()) {
      if (part.endsWith(".xml") || part.endsWith(".rels")) {
        Document da = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(a.get(part)));
        Document de = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(e.get(part)));
        da.normalizeDocument();
        de.normalizeDocument();
        assertThat(da.isEqualNode(de))
            .as(
                what
                    + ": "
                    + part
                    + "\n"
                    + new String(a.get(part))
                    + "\n---\n"
                    + new String(e.get(part)))
            .isTrue();
      } else {
        assertThat(a.get(part)).as(what + ": " + part).isEqualTo(e.get(part));
      }
    }
    try (XWPFDocument da = new XWPFDocument(new ByteArrayInputStream(actual));
        XWPFDocument de = new XWPFDocument(new ByteArrayInputStream(expected));
        XWPFWordExtractor xa = new XWPFWordExtractor(da);
        XWPFWordExtractor xe = new XWPFWordExtractor(de)) {
      assertThat(xa.getText()).as(what).isEqualTo(xe.getText());
    }
  }

  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry en = in.getNextEntry(); en != null; en = in.getNextEntry()) {
        out.put(en.getName(), in.readAllBytes());
      }
    }
    return out;
  }
}
