package org.disclosuredesk.kernel;

import java.util.List;

/** The Camunda groups that are our roles (DOMAIN.md §1). */
public final class Roles {
  public static final String CLERK = "clerk";
  public static final String REVIEWER = "reviewer";
  public static final String OFFICE_HEAD = "office-head";
  public static final String MANAGER = "manager";

  /** 政府信息公开工作主管部门 (DOMAIN.md §8): for now reads requests as any staff member does, masked. */
  public static final String SUPERVISOR = "supervisor";

  public static final String ADMIN = "camunda-admin";

  /** Reads /actuator (Prometheus' scrape account); no request data, no Camunda webapp. */
  public static final String MONITORING = "monitoring";

  /** Every staff role; any of them may read requests and the calendar. */
  public static final List<String> STAFF =
      List.of(CLERK, REVIEWER, OFFICE_HEAD, MANAGER, SUPERVISOR, ADMIN);

  private Roles() {}
}
