package org.disclosuredesk.letters;

import java.util.List;
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
  public List<Letters.Summary> items(String requestId) {
    return letters.list(requestId).stream().map(Letters.Letter::summary).toList();
  }
}
