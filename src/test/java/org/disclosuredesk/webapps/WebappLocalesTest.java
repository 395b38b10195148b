package org.disclosuredesk.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale of each Camunda webapp against the {@code en.json} that Camunda 7.24 ships in
 * the webjar: the same keys (so nothing falls back to English unnoticed), the same placeholders and
 * HTML, no English left.
 */
class WebappLocalesTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Angular placeholders, HTML tags (not texts such as "<Operation>" that only look like one),
   * printf codes.
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{[^}]*}}|</?(a|b|br|code|em|i|li|ol|p|pre|small|span|strong|u|ul|div)\\b[^>]*>|%[sd]");

  /**
   * Words that stay as they are: product names, standards, file formats, format codes users type.
   */
  private static final Set<String> KEPT =
      Set.of(
          "Camunda",
          "Platform",
          "Optimize",
          "BPMN",
          "DMN",
          "CMMN",
          "FEEL",
          "JUEL",
          "JSON",
          "XML",
          "CSV",
          "HTML",
          "URL",
          "URI",
          "REST",
          "API",
          "HTTP",
          "Java",
          "JavaScript",
          "Groovy",
          "UTC",
          "ISO",
          "UUID",
          "LDAP",
          "SQL",
          "CSRF",
          "XSRF",
          "Modeler",
          "Ctrl",
          "Alt",
          "Shift",
          "Enter",
          "Esc",
          "Tab",
          "FNI",
          "EDE",
          "yyyy",
          "ddTHH",
          "YYYY",
          "DDTHH",
          "cockpit",
          "tasklist",
          "null",
          "undefined",
          "Cron",
          "cron");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyKeyOfCamundasEnglishIsTranslated(String app) throws IOException {
    Map<String, String> en = flat(read(WEBJAR + app + "/locales/en.json"));
    Map<String, String> zh = flat(read(WEBJAR + app + "/locales/zh.json"));
    assertThat(zh.keySet())
        .as("keys of %s zh.json vs Camunda's en.json", app)
        .isEqualTo(en.keySet());
    List<String> problems = new ArrayList<>();
    en.forEach(
        (key, english) -> {
          String chinese = zh.get(key);
          if (key.startsWith("labels.") && !tokens(english).equals(tokens(chinese))) {
            problems.add(
                key + ": placeholders/HTML " + tokens(english) + " became " + tokens(chinese));
          }
          String words =
              PLACEHOLDER
                  .matcher(chinese)
                  .replaceAll(" ")
                  .replaceAll("https?://\\S+|\\[[^]]*]", " ");
          Matcher m = Pattern.compile("[A-Za-z]{3,}").matcher(words);
          while (m.find()) {
            // dateLocales.calendar and .longDateFormat are moment.js formats (dddd, LT, …)
            if (!KEPT.contains(m.group()) && !key.startsWith("dateLocales.")) {
              problems.add(key + ": English left: " + chinese);
              break;
            }
          }
        });
    assertThat(problems).as("%s zh.json", app).isEmpty();
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    out.sort(null);
    return out;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      // Camunda's files start with a byte order mark
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return JSON.readTree(text);
    }
  }

  private static Map<String, String> flat(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    flat("", node, out);
    return out;
  }

  private static void flat(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flat(prefix + e.getKey() + ".", e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flat(prefix + i + ".", node.get(i), out);
      }
    } else {
      out.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }
}
