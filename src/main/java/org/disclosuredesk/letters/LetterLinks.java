package org.disclosuredesk.letters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosuredesk.handling.TaskBriefing;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/** The request's letters (latest version of each) as links at the top of every Tasklist form. */
@Component
public class LetterLinks implements TaskBriefing.Addendum {

  private final Letters letters;

  public LetterLinks(Letters letters) {
    this.letters = letters;
  }

  @Override
  public String markdown(RequestRow row) {
    Map<String, Letters.Letter> latest = new LinkedHashMap<>();
    letters.list(row.id()).forEach(l -> latest.put(l.seriesId(), l));
    if (latest.isEmpty()) {
      return null;
    }
    return "**文书** "
        + latest.values().stream()
            .map(
                l ->
                    "["
                        + l.title()
                        + "（第"
                        + l.version()
                        + "版）](/api/requests/"
                        + row.id()
                        + "/letters/"
                        + l.id()
                        + ")")
            .collect(Collectors.joining("　"));
  }
}
