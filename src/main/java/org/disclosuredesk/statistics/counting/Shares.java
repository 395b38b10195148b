package org.disclosuredesk.statistics.counting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Percent shares that add up to exactly 100 (DOMAIN.md §6: largest remainder, one decimal place by
 * default).
 */
public final class Shares {

  private Shares() {}

  /**
   * Largest-remainder method: each part gets the floor of its share in units of 10^-decimals
   * percent, and the units still missing to 100% go to the largest remainders; on equal remainders
   * the smaller part first (it loses most by rounding down), then the earlier one — which
   * reproduces the seed reports (Weihai 2017: 17% / 17% / 66%).
   */
  public static List<BigDecimal> of(long[] counts, int decimals) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    List<BigDecimal> out = new ArrayList<>();
    if (total == 0) {
      for (int i = 0; i < counts.length; i++) {
        out.add(BigDecimal.ZERO.setScale(decimals));
      }
      return out;
    }
    long units = 100L * pow10(decimals);
    long[] floor = new long[counts.length];
    long[] remainder = new long[counts.length];
    long given = 0;
    for (int i = 0; i < counts.length; i++) {
      floor[i] = counts[i] * units / total;
      remainder[i] = counts[i] * units % total;
      given += floor[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingLong((Integer i) -> -remainder[i])
            .thenComparingLong(i -> counts[i])
            .thenComparingInt(i -> i));
    for (int j = 0; given < units; j++, given++) {
      floor[order.get(j % counts.length)]++;
    }
    for (long f : floor) {
      out.add(
          BigDecimal.valueOf(f)
              .movePointLeft(decimals)
              .setScale(decimals, RoundingMode.UNNECESSARY));
    }
    return out;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
