package org.disclosuredesk.ledger;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ledger's full-text search cuts text into overlapping pairs of characters (bigrams), the usual
 * index for Chinese, which has no spaces between words: "征收补偿" is 征收, 收补, 补偿. A request matches a
 * search word when its description holds every pair of the word (then checked as a substring, so
 * pairs in another order do not count). No engine dependency; the bench (bench/scale_grow.py) cuts
 * copied descriptions in SQL the same way.
 */
public final class SearchGrams {

  /**
   * One past the largest code point: a pair is {@code first * RADIX + second}, so every pair is one
   * number.
   */
  static final long RADIX = 0x110000L;

  private SearchGrams() {}

  /**
   * The distinct pairs of {@code text}, lower-cased, by code point; pairs holding white space are
   * left out.
   */
  public static Set<Long> of(String text) {
    Set<Long> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
    for (int i = 0; i + 1 < cps.length; i++) {
      if (!Character.isWhitespace(cps[i]) && !Character.isWhitespace(cps[i + 1])) {
        out.add(cps[i] * RADIX + cps[i + 1]);
      }
    }
    return out;
  }
}
