package org.disclosuredesk.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in yuan written in capital numerals (大写金额), as payment notices state it: 贰佰元整, 壹仟零伍元伍角.
 */
public final class ChineseAmount {

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
  private static final String[] SMALL = {"", "拾", "佰", "仟"};
  private static final String[] GROUPS = {"", "万", "亿", "万亿"};

  private ChineseAmount() {}

  public static String of(BigDecimal amount) {
    BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
    if (a.signum() < 0) {
      throw new IllegalArgumentException("negative amount");
    }
    long yuan = a.longValue();
    int cents = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
    StringBuilder s = new StringBuilder();
    if (yuan > 0) {
      s.append(integer(yuan)).append("元");
    }
    int jiao = cents / 10;
    int fen = cents % 10;
    if (cents == 0) {
      return s.isEmpty() ? "零元整" : s.append("整").toString();
    }
    if (jiao > 0) {
      s.append(DIGITS.charAt(jiao)).append("角");
    } else if (yuan > 0) {
      s.append("零");
    }
    if (fen > 0) {
      s.append(DIGITS.charAt(fen)).append("分");
    } else {
      s.append("整");
    }
    return s.toString();
  }

  private static String integer(long n) {
    StringBuilder out = new StringBuilder();
    int group = 0;
    boolean zeroPending = false;
    while (n > 0) {
      int part = (int) (n % 10000);
      n /= 10000;
      if (part > 0) {
        String text = fourDigits(part) + GROUPS[group];
        if (zeroPending || (part < 1000 && n > 0)) {
          // a gap of zeros between this group and the higher one reads as one 零
          text = (part < 1000 && n > 0 ? "零" : "") + text + (zeroPending ? "零" : "");
        }
        out.insert(0, text);
        zeroPending = false;
      } else if (!out.isEmpty()) {
        zeroPending = true;
      }
      group++;
    }
    String s = out.toString().replaceAll("零+", "零");
    return s.endsWith("零") ? s.substring(0, s.length() - 1) : s;
  }

  private static String fourDigits(int n) {
    StringBuilder s = new StringBuilder();
    boolean zero = false;
    for (int pos = 3; pos >= 0; pos--) {
      int d = (n / (int) Math.pow(10, pos)) % 10;
      if (d == 0) {
        zero = !s.isEmpty();
      } else {
        if (zero) {
          s.append('零');
          zero = false;
        }
        s.append(DIGITS.charAt(d)).append(SMALL[pos]);
      }
    }
    return s.toString();
  }
}
