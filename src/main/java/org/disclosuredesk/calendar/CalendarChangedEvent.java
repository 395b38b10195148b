package org.disclosuredesk.calendar;

import java.util.Set;

/**
 * Published (Spring application event) on every node whose calendar snapshot changed: right away on
 * the node that made the change, within the poll interval on the others. Listeners recompute what
 * depends on the years named, e.g. open requests' due dates; since every node publishes it, a
 * listener that writes must be idempotent.
 */
public record CalendarChangedEvent(int revision, Set<Integer> years) {
  public CalendarChangedEvent {
    years = Set.copyOf(years);
  }
}
