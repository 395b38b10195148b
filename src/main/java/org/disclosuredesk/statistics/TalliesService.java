package org.disclosuredesk.statistics;

import java.time.LocalDateTime;
import org.disclosuredesk.common.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The manager's repair of the running tallies: a recount from dd_request in one transaction. */
@Service
public class TalliesService {

  private static final Logger log = LoggerFactory.getLogger(TalliesService.class);

  /** What {@code POST /api/statistics/tallies/rebuild} answers. */
  public record Rebuilt(LocalDateTime rebuiltAt, String rebuiltBy, long groups) {}

  private final TalliesRepository tallies;
  private final BusinessClock clock;

  public TalliesService(TalliesRepository tallies, BusinessClock clock) {
    this.tallies = tallies;
    this.clock = clock;
  }

  /**
   * Recounts every tally; the count of groups is read in the same transaction, so it is the
   * recount's.
   */
  @Transactional
  public Rebuilt rebuild(String by) {
    tallies.rebuild();
    long groups = tallies.count();
    log.info("statistics tallies rebuilt by {}: {} groups", by, groups);
    return new Rebuilt(LocalDateTime.ofInstant(clock.now(), clock.zone()), by, groups);
  }
}
