package org.disclosuredesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.statistics.counting.AnnualTable;
import org.disclosuredesk.statistics.counting.ProactiveFigures;
import org.disclosuredesk.statistics.counting.Tally;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report document as LibreOffice reads it (Debian libreoffice-writer-nogui, see
 * .ci/install-office): it converts to a PDF whose text holds the title and the figures and whose
 * words all stay inside the right margin, so the wide tables fit the page. Skipped only when
 * soffice is absent. {@code -Dreport.picture=docs/annual-report-page1.png} also writes the README's
 * picture of the first page (100 dpi).
 */
class ReportDocumentOfficeTest {

  static final AgencyProperties AGENCY =
      new AgencyProperties("示例市人力资源和社会保障局", "示例市人民路1号", "0631-1234567", "示例市人民政府", "示例市人民法院");

  /**
   * A demo year in the manner of the Weihai 2024 seed, with a fee and an appeal so every part has
   * something.
   */
  static AnnualTable demoYear(int year) {
    List<Tally> t = new ArrayList<>();
    t.add(
        new Tally(
            Tally.Facet.NEW,
            "NATURAL_PERSON",
            "ONLINE",
            "社保信息",
            null,
            null,
            null,
            3,
            8,
            BigDecimal.ZERO));
    t.add(
        new Tally(
            Tally.Facet.NEW,
            "NATURAL_PERSON",
            "IN_PERSON",
            "就业信息",
            null,
            null,
            null,
            5,
            2,
            BigDecimal.ZERO));
    t.add(
        new Tally(
            Tally.Facet.NEW,
            "COMMERCIAL_ENTERPRISE",
            "ONLINE",
            "劳动关系",
            null,
            null,
            null,
            9,
            2,
            BigDecimal.ZERO));
    t.add(Tally.of(Tally.Facet.CARRIED_OVER, "NATURAL_PERSON", 1));
    concluded(t, "NATURAL_PERSON", "DISCLOSED", 4);
    concluded(t, "NATURAL_PERSON", "UNAVAILABLE_NOT_HELD", 5);
    concluded(t, "NATURAL_PERSON", "NOT_PROCESSED_DUPLICATE", 1);
    concluded(t, "COMMERCIAL_ENTERPRISE", "PARTIALLY_DISCLOSED", 1);
    concluded(t, "NATURAL_PERSON", "OTHER", 1);
    t.add(Tally.of(Tally.Facet.CARRIED_FORWARD, "COMMERCIAL_ENTERPRISE", 1));
    t.add(
        new Tally(
            Tally.Facet.APPEAL_DECIDED,
            null,
            "RECONSIDERATION",
            "UPHELD",
            null,
            null,
            null,
            0,
            1,
            BigDecimal.ZERO));
    t.add(
        new Tally(
            Tally.Facet.FEES, null, null, null, null, null, null, 0, 1, new BigDecimal("300")));
    return AnnualTable.compute(year, t);
  }

  private static void concluded(List<Tally> t, String type, String outcome, long n) {
    t.add(
        new Tally(
            Tally.Facet.CONCLUDED,
            type,
            outcome,
            "N",
            null,
            null,
            "ON_TIME",
            0,
            n,
            BigDecimal.ZERO));
  }

  static ProactiveFigures demoProactive() {
    return new ProactiveFigures(0L, 0L, 0L, 2L, 1L, 19L, 0L, 3L, 0L, new BigDecimal("268.29"));
  }

  @Test
  void libreOfficeConvertsTheReportToAPdfThatFitsThePage(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("soffice"), "no soffice: run .ci/install-office");
    AnnualTable t = demoYear(2024);
    assertThat(t.consistent()).isTrue();
    Path docx = dir.resolve("report.docx");
    Files.write(
        docx, AnnualReportDocument.build(AnnualStatistics.of(t, 1), demoProactive(), AGENCY));

    // a profile of its own, so a LibreOffice already running for someone else is neither used nor
    // disturbed
    run(
        dir,
        240,
        fontStandIns(dir),
        "soffice",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir.toString(),
        docx.toString());
    Path pdf = dir.resolve("report.pdf");
    assertThat(pdf).exists();
    assertThat(Files.size(pdf)).isGreaterThan(10_000);
    // kept for a person to look at after a local run
    Files.createDirectories(Path.of("target"));
    Files.copy(pdf, Path.of("target", "annual-report.pdf"), StandardCopyOption.REPLACE_EXISTING);

    if (onPath("pdftotext")) {
      run(dir, 60, null, "pdftotext", pdf.toString(), dir.resolve("report.txt").toString());
      // LibreOffice spaces digits from Chinese and breaks lines: compare without white space
      String text =
          Files.readString(dir.resolve("report.txt"), StandardCharsets.UTF_8)
              .replaceAll("\\s+", "");
      assertThat(text)
          .contains("2024年政府信息公开工作年度报告")
          .contains("示例市人力资源和社会保障局")
          .contains("一、总体情况")
          .contains("六、其他需要报告的事项")
          .contains("268.29")
          .contains("本年度共收取政府信息公开信息处理费300.00元");
      // every word inside the page's text width (595.3 pt less the right margin of 26 mm, a little
      // slack)
      run(
          dir,
          60,
          null,
          "pdftotext",
          "-bbox",
          pdf.toString(),
          dir.resolve("words.html").toString());
      String words = Files.readString(dir.resolve("words.html"), StandardCharsets.UTF_8);
      Matcher m =
          Pattern.compile(
                  "<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"[^>]*>([^<]*)</word>")
              .matcher(words);
      double left = 1e9;
      double right = 0;
      int n = 0;
      while (m.find()) {
        if (m.group(3).matches(".*[。，；、：）”]$")) {
          continue; // a closing mark may hang into the margin (CJK typesetting; Word does the same)
        }
        left = Math.min(left, Double.parseDouble(m.group(1)));
        right = Math.max(right, Double.parseDouble(m.group(2)));
        n++;
      }
      assertThat(n).isGreaterThan(100);
      assertThat(left).as("leftmost word").isGreaterThanOrEqualTo(28 / 25.4 * 72 - 3);
      assertThat(right).as("rightmost word").isLessThanOrEqualTo(595.3 - 26 / 25.4 * 72 + 3);
    }

    if (onPath("pdftoppm")) {
      String picture = System.getProperty("report.picture");
      Path png = picture == null ? dir.resolve("page1") : Path.of(picture).toAbsolutePath();
      String stem = png.toString().replaceAll("\\.png$", "");
      run(
          dir,
          60,
          null,
          "pdftoppm",
          "-png",
          "-r",
          picture == null ? "60" : "100",
          "-f",
          "1",
          "-l",
          "1",
          "-singlefile",
          pdf.toString(),
          stem);
      assertThat(Path.of(stem + ".png")).exists();
      if (picture == null) {
        Files.copy(
            Path.of(stem + ".png"),
            Path.of("target", "annual-report-page1.png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static boolean onPath(String command) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The house-style fonts are Windows fonts; a Linux machine has Noto CJK (fonts-noto-cjk) instead.
   * This fontconfig file stands Noto Serif CJK in for the Song, Fangsong and Kai faces and Noto
   * Sans CJK for 黑体, so the PDF looks as the page would on an office PC rather than all in the
   * default sans face.
   */
  static Path fontStandIns(Path dir) throws IOException {
    StringBuilder x =
        new StringBuilder(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                + "<fontconfig>\n  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n");
    String[][] aliases = {
      {AnnualReportDocument.TITLE_FONT, "Noto Serif CJK SC"},
      {AnnualReportDocument.BODY_FONT, "Noto Serif CJK SC"},
      {AnnualReportDocument.SUBHEADING_FONT, "Noto Serif CJK SC"},
      {AnnualReportDocument.PAGE_NUMBER_FONT, "Noto Serif CJK SC"},
      {AnnualReportDocument.HEADING_FONT, "Noto Sans CJK SC"}
    };
    for (String[] a : aliases) {
      x.append("  <alias binding=\"strong\"><family>")
          .append(a[0])
          .append("</family><prefer><family>")
          .append(a[1])
          .append("</family></prefer></alias>\n");
    }
    Path conf = dir.resolve("fonts.conf");
    Files.writeString(conf, x.append("</fontconfig>\n"), StandardCharsets.UTF_8);
    return conf;
  }

  private static void run(Path dir, int seconds, Path fontconfig, String... command)
      throws IOException, InterruptedException {
    Path log = dir.resolve("command.log");
    ProcessBuilder b =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    if (fontconfig != null) {
      b.environment().put("FONTCONFIG_FILE", fontconfig.toString());
    }
    Process p = b.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " took longer than " + seconds + " s");
    }
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + Files.readString(log)).isZero();
  }
}
