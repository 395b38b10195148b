package org.disclosuredesk.supervision;

import java.util.List;
import org.disclosuredesk.handling.RequestView;
import org.springframework.stereotype.Component;

/**
 * {@code supervision} of {@code GET /api/requests/{id}}: the 督办 notices until the request
 * concludes.
 */
@Component
class SupervisionSection implements RequestView.Section {

  private final SupervisionNotices notices;

  SupervisionSection(SupervisionNotices notices) {
    this.notices = notices;
  }

  @Override
  public String name() {
    return "supervision";
  }

  @Override
  public List<?> items(String requestId) {
    return notices.open(requestId);
  }
}
