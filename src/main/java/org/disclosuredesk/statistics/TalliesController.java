package org.disclosuredesk.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.disclosuredesk.common.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/statistics/tallies/rebuild} (manager): recounts the running tallies from dd_request, for when the
 * reconciliation shows that rows were written past the application (a bulk import, a hand correction).
 */
@Tag(name = ApiDocumentation.STATISTICS)
@RestController
public class TalliesController {

  private static final Logger log = LoggerFactory.getLogger(TalliesController.class);

  private final StatisticsTallies tallies;
  private final JdbcClient jdbc;
  private final BusinessClock clock;

  public TalliesController(StatisticsTallies tallies, JdbcClient jdbc, BusinessClock clock) {
    this.tallies = tallies;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Operation(summary = "重建统计计数", description = """
      **角色**：管理人员（manager）。

      核对显示有绕过本系统写入的数据（批量导入、手工更正）时，按申请表重新计数统计用的累计数。\
      宜在空闲时进行。返回 `{rebuiltAt, rebuiltBy, groups}`。""")
  @PostMapping("/api/statistics/tallies/rebuild")
  @Transactional
  public Map<String, Object> rebuild(Authentication who) {
    tallies.rebuild();
    long groups = jdbc.sql("SELECT COUNT(*) FROM dd_stat_tally").query(Long.class).single();
    log.info("statistics tallies rebuilt by {}: {} groups", who.getName(), groups);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rebuiltAt", LocalDateTime.ofInstant(clock.now(), clock.zone()));
    out.put("rebuiltBy", who.getName());
    out.put("groups", groups);
    return out;
  }
}
