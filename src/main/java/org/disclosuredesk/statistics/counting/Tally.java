package org.disclosuredesk.statistics.counting;

import java.math.BigDecimal;

/**
 * One group of the statistics query: how many requests (or appeals) share these keys. The counting
 * rules work on these groups only, never on single requests, so a year of a million requests is a
 * few hundred tallies.
 *
 * @param facet which question the group answers (see {@link Facet})
 * @param applicantType the applicant type column (null where it does not matter)
 * @param k1 facet-specific key (outcome, channel, appeal kind)
 * @param k2 facet-specific key (alreadyPublic "Y"/"N", topic, appeal result)
 * @param k3 third-party interest
 * @param k4 not-held reason
 * @param k5 timeliness (ON_TIME / EXTENDED / OVERDUE)
 * @param month receipt month for new requests
 * @param count number of requests in the group
 * @param amount fees in yuan (fee facet only)
 */
public record Tally(
    Facet facet,
    String applicantType,
    String k1,
    String k2,
    String k3,
    String k4,
    String k5,
    int month,
    long count,
    BigDecimal amount) {

  public enum Facet {
    /** received in Y (DOMAIN.md §6 一), by applicant type, channel, topic and month */
    NEW,
    /** received before Y, not concluded before Y (§6 二) */
    CARRIED_OVER,
    /** concluded in Y by business date (§6 三), by applicant type, outcome and the legacy inputs */
    CONCLUDED,
    /** received on or before Y-12-31, not concluded by then (§6 四) */
    CARRIED_FORWARD,
    /** appeal whose result was decided in Y (table 四) */
    APPEAL_DECIDED,
    /** appeal open on Y-12-31 (table 四 尚未审结) */
    APPEAL_PENDING,
    /** fees collected in Y */
    FEES
  }

  public static Tally of(Facet facet, String applicantType, long count) {
    return new Tally(facet, applicantType, null, null, null, null, null, 0, count, BigDecimal.ZERO);
  }
}
