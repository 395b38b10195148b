package org.disclosuredesk.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages in docs/ link to each other, to pictures and to files of the repository:
 * every relative link and image must point at a file that exists, and every #anchor at a heading of
 * its page (GitHub's anchors). The README stays short enough to read in five minutes. Plain files,
 * no Spring context.
 */
class DocumentationLinksTest {

  static final int README_MAX_LINES = 200;

  static final Path ROOT = Path.of("").toAbsolutePath();

  // [text](target) and ![alt](target), text with at most one level of nested brackets, an optional
  // "title"
  static final Pattern LINK =
      Pattern.compile(
          "!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

  @Test
  void readmeIsAtMost200Lines() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    assertThat(lines.size())
        .as("README.md lines (move details to docs/)")
        .isLessThanOrEqualTo(README_MAX_LINES);
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = pages();
    assertThat(pages).as("README.md and docs/*.md under " + ROOT).hasSizeGreaterThan(1);
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      boolean inFence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (FENCE.matcher(line).find()) {
          inFence = !inFence;
          continue;
        }
        if (inFence) {
          continue;
        }
        // a link written inside `code` is an example, not a link
        Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll("code"));
        while (link.find()) {
          String target = link.group(1);
          if (external(target)) {
            continue;
          }
          checked++;
          String problem = problem(page, target, anchors);
          if (problem != null) {
            broken.add(ROOT.relativize(page) + ":" + (i + 1) + ": (" + target + ") " + problem);
          }
        }
      }
    }
    assertThat(broken)
        .as("broken links (file:line: (target) what is wrong), of " + checked + " checked")
        .isEmpty();
  }

  @Test
  void anchorsAreGitHubs() {
    assertThat(anchor("一、登录与界面")).isEqualTo("一登录与界面");
    assertThat(anchor("登录与会话 / Signing in")).isEqualTo("登录与会话--signing-in");
    assertThat(anchor("各机关互不可见：Camunda 租户 / Each agency a Camunda tenant"))
        .isEqualTo("各机关互不可见camunda-租户--each-agency-a-camunda-tenant");
    assertThat(anchor("年度报告（Word）/ The annual report document"))
        .isEqualTo("年度报告word-the-annual-report-document");
    assertThat(anchor("Drill-down: the `requests` behind_each **number**"))
        .isEqualTo("drill-down-the-requests-behind_each-number");
  }

  /**
   * In-app addresses (/login, http://localhost:8080/…) and other sites are not files of this
   * repository.
   */
  static boolean external(String target) {
    String t = target.toLowerCase(Locale.ROOT);
    return t.startsWith("http://")
        || t.startsWith("https://")
        || t.startsWith("mailto:")
        || t.startsWith("/");
  }

  static String problem(Path page, String target, Map<Path, Set<String>> anchors)
      throws IOException {
    int hash = target.indexOf('#');
    String path = decode(hash < 0 ? target : target.substring(0, hash));
    String fragment = hash < 0 ? null : decode(target.substring(hash + 1));
    Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    if (!file.startsWith(ROOT)) {
      return "points outside the repository";
    }
    if (!Files.exists(file)) {
      return "no such file " + ROOT.relativize(file);
    }
    if (fragment == null || !file.getFileName().toString().endsWith(".md")) {
      return null;
    }
    Set<String> headings = anchors.computeIfAbsent(file, DocumentationLinksTest::headingAnchors);
    return headings.contains(fragment)
        ? null
        : "no heading with anchor #" + fragment + " in " + ROOT.relativize(file);
  }

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** Every heading's anchor as GitHub makes it, a repeated one with -1, -2, … */
  static Set<String> headingAnchors(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
    Set<String> result = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (inFence || !heading.matches()) {
        continue;
      }
      String base = anchor(heading.group(2));
      int n = seen.merge(base, 1, Integer::sum);
      result.add(n == 1 ? base : base + "-" + (n - 1));
    }
    return result;
  }

  /**
   * GitHub's anchor of a heading: the rendered text (link text, no code or emphasis marks) in lower
   * case, without punctuation and symbols but with - and _, each space a -. Chinese characters are
   * letters and stay.
   */
  static String anchor(String heading) {
    String text =
        heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
    StringBuilder out = new StringBuilder();
    text.strip()
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(c -> c == ' ' || c == '-' || c == '_' || Character.isLetter(c) || numberOrMark(c))
        .forEach(c -> out.appendCodePoint(c == ' ' ? '-' : c));
    return out.toString();
  }

  static boolean numberOrMark(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
