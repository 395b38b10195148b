package org.disclosuredesk.webapps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda's customization hooks for its webapps, served in place of the files the webjar ships:
 * each app's {@code scripts/config.js} (languages, Chinese date formats, app names, Tasklist
 * shortcut texts) and {@code styles/user-styles.css} (hides the Camunda 7 end-of-life banner, which
 * a clerk cannot act on; admins read the support status in the README).
 */
@RestController
class WebappCustomization {

  private static final MediaType JAVASCRIPT =
      new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
  private static final MediaType CSS =
      new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);
  private static final Map<String, String> APP_NAMES =
      Map.of("tasklist", "待办任务", "cockpit", "流程监控", "admin", "系统管理", "welcome", "首页");

  /** Camunda's {@code config.js} object; {@code shortcuts} only for Tasklist. */
  record Config(
      App app,
      Locales locales,
      DateFormat dateFormat,
      List<String> customScripts,
      boolean disableWelcomeMessage,
      @JsonInclude(Include.NON_NULL) Map<String, Shortcut> shortcuts) {}

  record App(String name, String vendor) {}

  record Locales(List<String> availableLocales, String fallbackLocale) {}

  /** moment.js formats; 年-月-日 as the users write dates. */
  record DateFormat(
      String monthName,
      String day,
      String abbr,
      String normal,
      @JsonProperty("long") String longFormat,
      @JsonProperty("short") String shortFormat) {}

  record Shortcut(String key, String description) {}

  private static final DateFormat DATE_FORMAT =
      new DateFormat(
          "MMMM",
          "D",
          "YYYY-MM-DD HH:mm",
          "YYYY-MM-DD HH:mm",
          "YYYY年M月D日 dddd HH:mm",
          "YYYY-MM-DD");
  private static final Map<String, Shortcut> SHORTCUTS = shortcuts();

  static final String FIXED_TEXTS = "fixed-texts-zh";
  static final String SIGN_ON = "desk-sign-on";

  private final WebappProperties properties;
  private final ObjectMapper json;

  WebappCustomization(WebappProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  @GetMapping("/camunda/app/{app:tasklist|cockpit|admin|welcome}/scripts/config.js")
  ResponseEntity<String> config(@PathVariable String app) throws JsonProcessingException {
    Config config =
        new Config(
            new App(APP_NAMES.get(app), "依申请公开办理系统"),
            new Locales(properties.availableLocales(), properties.defaultLocale()),
            DATE_FORMAT,
            // Camunda's few untranslatable English texts (the variables table's header, type names,
            // "null") and the desk's sign-on: the apps' own login view gives way to the one login
            // page (desk-sign-on.js)
            List.of("scripts/" + FIXED_TEXTS, "scripts/" + SIGN_ON),
            // the login page would fetch /camunda-welcome, Camunda's English community page, to
            // show a first-visit box
            true,
            "tasklist".equals(app) ? SHORTCUTS : null);
    String locales = json.writeValueAsString(properties.availableLocales());
    return ResponseEntity.ok()
        .contentType(JAVASCRIPT)
        .cacheControl(CacheControl.noCache())
        .body(
            "// generated from disclosure.webapps.* (WebappCustomization)\n"
                // the page says which language it is in, as the app will choose it (index.html says
                // "en"), so a Chinese browser does not offer to translate it
                + "const offered = "
                + locales
                + ";\n"
                + "const asked = ((navigator.languages && navigator.languages[0]) || navigator.language || '')"
                + ".split('-')[0].toLowerCase();\n"
                + "const chosen = offered.includes(asked) ? asked : "
                + json.writeValueAsString(properties.defaultLocale())
                + ";\n"
                + "document.documentElement.lang = chosen === 'zh' ? 'zh-CN' : chosen;\n"
                + "export default "
                + json.writerWithDefaultPrettyPrinter().writeValueAsString(config)
                + ";\n");
  }

  @GetMapping(
      "/camunda/app/{app:tasklist|cockpit|admin|welcome}/scripts/{script:"
          + FIXED_TEXTS
          + "|"
          + SIGN_ON
          + "}.js")
  ResponseEntity<Resource> script(@PathVariable String app, @PathVariable String script) {
    return ResponseEntity.ok()
        .contentType(JAVASCRIPT)
        .cacheControl(CacheControl.noCache())
        .body(new ClassPathResource("webapps/" + script + ".js"));
  }

  @GetMapping("/camunda/app/{app:tasklist|cockpit|admin|welcome}/styles/user-styles.css")
  ResponseEntity<String> styles(@PathVariable String app) {
    return ResponseEntity.ok()
        .contentType(CSS)
        .cacheControl(CacheControl.noCache())
        .body(
            "/* Disclosure Desk (WebappCustomization) */\n"
                + ".ce-eol-banner { display: none !important; }\n"
                // the search widget's 全部/任一 button is sized for the English "ALL"/"ANY"
                + "[cam-widget-search] .match-any button { width: auto; }\n");
  }

  /** The Tasklist keyboard shortcuts; their descriptions are shown in the "键盘快捷键" dialog. */
  private static Map<String, Shortcut> shortcuts() {
    Map<String, Shortcut> s = new LinkedHashMap<>();
    s.put("claimTask", new Shortcut("ctrl+alt+c", "认领当前选中的任务"));
    s.put("focusFilter", new Shortcut("ctrl+shift+f", "跳到过滤器列表的第一个过滤器"));
    s.put("focusList", new Shortcut("ctrl+alt+l", "跳到任务列表的第一个任务"));
    s.put("focusForm", new Shortcut("ctrl+alt+f", "跳到任务表单的第一个输入框"));
    s.put("startProcess", new Shortcut("ctrl+alt+p", "打开“启动流程”对话框"));
    return s;
  }
}
