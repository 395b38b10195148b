package org.disclosuredesk.webapps;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Language of the Camunda webapps ({@code disclosure.webapps.*}): a browser whose first language is
 * one of {@code locales} gets it, every other browser gets {@code defaultLocale}. {@code locales:
 * zh} makes Chinese the language of every browser.
 */
@ConfigurationProperties("disclosure.webapps")
public record WebappProperties(
    @DefaultValue({"zh", "en"}) List<String> locales, @DefaultValue("zh") String defaultLocale) {

  /** The languages we ship a complete translation for (Camunda ships en, de). */
  static final List<String> SHIPPED = List.of("zh", "en", "de");

  public WebappProperties {
    if (locales.isEmpty() || !SHIPPED.containsAll(locales) || !SHIPPED.contains(defaultLocale)) {
      throw new IllegalArgumentException(
          "disclosure.webapps: 语言只能是 "
              + SHIPPED
              + "，当前 locales="
              + locales
              + "，default-locale="
              + defaultLocale);
    }
  }

  /** What the webapps' config.js offers: the configured languages, with the default among them. */
  public List<String> availableLocales() {
    return locales.contains(defaultLocale)
        ? locales
        : java.util.stream.Stream.concat(
                locales.stream(), java.util.stream.Stream.of(defaultLocale))
            .toList();
  }
}
