package org.disclosuredesk.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Today" and "now" in the agency's zone (DOMAIN.md §5a), read from the engine clock so tests can
 * move time.
 */
@Component
public class BusinessClock {

  private final ZoneId zone;

  public BusinessClock(@Value("${disclosure.zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  /** The moment a business day starts in the agency's zone, plus the given hour. */
  public Date at(LocalDate day, int hour) {
    return Date.from(ZonedDateTime.of(day.atTime(hour, 0), zone).toInstant());
  }
}
