package org.disclosuredesk.supervision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.handling.RequestView;
import org.springframework.stereotype.Component;

/** {@code supervision} of {@code GET /api/requests/{id}}: the 督办 notices until the request concludes. */
@Component
class SupervisionSection implements RequestView.Section {

  /** RequestView's sections are maps: each notice converted as its JSON would be. */
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final SupervisionNotices notices;
  private final ObjectMapper json;

  SupervisionSection(SupervisionNotices notices, ObjectMapper json) {
    this.notices = notices;
    this.json = json;
  }

  @Override
  public String name() {
    return "supervision";
  }

  @Override
  public List<Map<String, Object>> items(String requestId) {
    return notices.open(requestId).stream().map(n -> json.convertValue(n, JSON_OBJECT)).toList();
  }
}
