package org.disclosuredesk.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/statistics/tallies/rebuild} (manager): recounts the running tallies from
 * dd_request, for when the reconciliation shows that rows were written past the application (a bulk
 * import, a hand correction).
 */
@Tag(name = ApiDocumentation.STATISTICS)
@RestController
public class TalliesController {

  private final TalliesService tallies;

  public TalliesController(TalliesService tallies) {
    this.tallies = tallies;
  }

  @Operation(
      summary = "重建统计计数",
      description =
          """
      **角色**：管理人员（manager）。

      核对显示有绕过本系统写入的数据（批量导入、手工更正）时，按申请表重新计数统计用的累计数。\
      宜在空闲时进行。返回 `{rebuiltAt, rebuiltBy, groups}`。""")
  @PostMapping("/api/statistics/tallies/rebuild")
  public TalliesService.Rebuilt rebuild(Authentication who) {
    return tallies.rebuild(who.getName());
  }
}
