package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.template.ElementTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** The prepared fast path writes what poi-tl itself writes, for every built-in template and awkward values. */
class PreparedTemplateTest {

  static final Configure CONFIG = Configure.builder().build();
  static final Path BUILT_IN = Path.of("src/main/resources/letters");

  /** Values a letter really gets, and the characters that could break a hand-made XML part. */
  static final List<String> VALUES = List.of("2025-0042", "王五", "2025年3月3日", "A&B <公司> \"引号\" '单' ]]> 完",
      "生僻字𠀀与表情😀", "", "%s {{notATag}} $1 \\ 反斜杠", "很长的申请内容".repeat(400));

  static Stream<String> templates() throws IOException {
    try (Stream<Path> files = Files.list(BUILT_IN)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".docx"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void fastPathWritesWhatPoiTlWrites(String name) throws Exception {
    byte[] template = Files.readAllBytes(BUILT_IN.resolve(name + ".docx"));
    List<String> tags = tags(template);
    Optional<PreparedTemplate> prepared = PreparedTemplate.of(template, CONFIG);
    boolean plainTags = tags.stream().allMatch(t -> t.matches("[A-Za-z_][A-Za-z0-9_]*"))
        && !sectioned(template);
    assertThat(prepared.isPresent()).as("prepared iff only plain text tags: " + tags).isEqualTo(plainTags);
    for (int round = 0; round < VALUES.size(); round++) {
      Map<String, Object> model = new HashMap<>();
      for (int i = 0; i < tags.size(); i++) {
        model.put(tags.get(i), VALUES.get((round + i) % VALUES.size()));
      }
      if (round == 1 && !tags.isEmpty()) {
        model.put(tags.get(0), null); // poi-tl clears a tag without a value
      }
      byte[] expected = poiTl(template, model);
      byte[] actual = prepared.isPresent() ? prepared.get().fill(model).orElseThrow()
          : new LetterRenderer(null).renderTemplate(template, model);
      assertSameDocument(actual, expected, name + " round " + round);
    }
  }

  @Test
  void valuesPoiTlTreatsSpeciallyAreLeftToIt() throws Exception {
    byte[] template = Files.readAllBytes(BUILT_IN.resolve("acknowledgement.docx"));
    PreparedTemplate prepared = PreparedTemplate.of(template, CONFIG).orElseThrow();
    for (Object special : new Object[] {"两行\n文字", "制表\t符", " 前导空格", "末尾空格 ", "控制\u0001字符", "\uE000", 42,
        "孤立\uD800代理"}) {
      Map<String, Object> model = Map.of("applicantName", special);
      assertThat(prepared.fill(model)).as(String.valueOf(special)).isEmpty();
      byte[] rendered = new LetterRenderer(null).renderTemplate(template, model);
      if (!(special instanceof String s) || !s.contains("\uD800")) {
        assertSameDocument(rendered, poiTl(template, model), String.valueOf(special));
      }
    }
  }

  @Test
  void sectionsAndExpressionsAreNotPrepared() throws Exception {
    for (String name : templates().toList()) {
      byte[] template = Files.readAllBytes(BUILT_IN.resolve(name + ".docx"));
      if (sectioned(template)) {
        assertThat(PreparedTemplate.of(template, CONFIG)).as(name).isEmpty();
      }
    }
  }

  private static boolean sectioned(byte[] template) throws IOException {
    try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template), CONFIG)) {
      return t.getElementTemplates().stream().anyMatch(m -> !(m instanceof ElementTemplate e)
          || e.getClass() != com.deepoove.poi.template.run.RunTemplate.class);
    }
  }

  private static List<String> tags(byte[] template) throws IOException {
    List<String> tags = new ArrayList<>();
    try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template), CONFIG)) {
      t.getElementTemplates().forEach(m -> {
        if (m instanceof ElementTemplate e && !tags.contains(e.getTagName())) {
          tags.add(e.getTagName());
        }
      });
    }
    return tags;
  }

  private static byte[] poiTl(byte[] template, Map<String, Object> model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XWPFTemplate.compile(new ByteArrayInputStream(template), CONFIG).render(model).writeAndClose(out);
    return out.toByteArray();
  }

  /** Every part of the package equal as XML (entities and empty-element forms aside), and the same text for Word. */
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
        assertThat(da.isEqualNode(de)).as(what + ": " + part + "\n" + new String(a.get(part)) + "\n---\n"
            + new String(e.get(part))).isTrue();
      } else {
        assertThat(a.get(part)).as(what + ": " + part).isEqualTo(e.get(part));
      }
    }
    try (XWPFDocument da = new XWPFDocument(new ByteArrayInputStream(actual));
        XWPFDocument de = new XWPFDocument(new ByteArrayInputStream(expected));
        XWPFWordExtractor xa = new XWPFWordExtractor(da); XWPFWordExtractor xe = new XWPFWordExtractor(de)) {
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
