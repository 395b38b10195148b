package org.disclosuredesk.supervision;

import java.util.List;
import org.disclosuredesk.handling.TaskBriefing;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/** The 督办 notices at the top of every task of the request, until it concludes (DOMAIN.md §8). */
@Component
class SupervisionBriefing implements TaskBriefing.Addendum {

  private final SupervisionRepository notices;

  SupervisionBriefing(SupervisionRepository notices) {
    this.notices = notices;
  }

  @Override
  public String markdown(RequestRow row) {
    if (row.concluded()) {
      return null;
    }
    List<SupervisionRepository.Notice> open = notices.ofRequest(row.id());
    if (open.isEmpty()) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    for (SupervisionRepository.Notice n : open) {
      s.append(s.isEmpty() ? "" : "\n\n")
          .append("**⚠ 主管部门督办（")
          .append(n.sentAt().toLocalDate())
          .append("）** ")
          .append(n.text());
    }
    return s.toString();
  }
}
