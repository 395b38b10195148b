package org.disclosuredesk.handling;

import java.math.BigDecimal;

/** Information-processing fees (国办函〔2020〕109号《政府信息公开信息处理费管理办法》), progressive tiers. */
public final class FeeSchedule {

  private FeeSchedule() {}

  /**
   * 按件计收: the fee for an applicant's {@code ordinal}-th request in one calendar month (第六条第一项):
   * 1–10 free; 11–30 100 yuan each; 31–40 200; 41–50 300; every further band of 10 another 100
   * yuan.
   */
  public static BigDecimal perRequest(int ordinal) {
    if (ordinal < 1) {
      throw new IllegalArgumentException("ordinal starts at 1: " + ordinal);
    }
    if (ordinal <= 10) {
      return BigDecimal.ZERO;
    }
    if (ordinal <= 30) {
      return BigDecimal.valueOf(100);
    }
    int band = (ordinal - 31) / 10; // 31–40 → 0, 41–50 → 1, …
    return BigDecimal.valueOf(200 + 100L * band);
  }

  /**
   * 按量计收: the fee for one request of {@code pages} pages (第六条第二项): 1–30 free; pages 31–100 10 yuan
   * each; 101–200 20 yuan each; 201 and above 40 yuan each.
   */
  public static BigDecimal perVolume(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("pages cannot be negative: " + pages);
    }
    long fee =
        10L * band(pages, 30, 100)
            + 20L * band(pages, 100, 200)
            + 40L * band(pages, 200, Integer.MAX_VALUE);
    return BigDecimal.valueOf(fee);
  }

  /** Pages that fall in (from, to]. */
  private static long band(int pages, int from, int to) {
    return Math.max(0, Math.min(pages, to) - from);
  }
}
