package org.disclosuredesk.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.handling.RequestView;
import org.springframework.stereotype.Component;

/** {@code letters} in {@code GET /api/requests/{id}}: every version, oldest first. */
@Component
public class LettersSection implements RequestView.Section {

  private final Letters letters;

  public LettersSection(Letters letters) {
    this.letters = letters;
  }

  @Override
  public String name() {
    return "letters";
  }

  @Override
  public List<Map<String, Object>> items(String requestId) {
    return letters.list(requestId).stream().map(l -> item(l.summary())).toList();
  }

  /** The summary as RequestView.Section still asks for it (a map); the same JSON as the letters API writes. */
  private static Map<String, Object> item(Letters.Summary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("kind", s.kind());
    m.put("title", s.title());
    m.put("version", s.version());
    m.put("createdAt", s.createdAt());
    m.put("createdBy", s.createdBy());
    return m;
  }
}
