package org.disclosuredesk.request;

import java.util.HashSet;
import java.util.Set;
import org.disclosuredesk.identity.ApplicantIdentity;

/**
 * Possible duplicates (Art. 36(6); DOMAIN.md §5a): character-bigram Jaccard similarity of
 * normalised texts.
 */
public final class DescriptionSimilarity {

  /**
   * At or above this, a request is shown to the reviewer as a possible duplicate (never decided
   * automatically).
   */
  public static final double THRESHOLD = 0.8;

  private DescriptionSimilarity() {}

  public static double of(String a, String b) {
    Set<String> x = bigrams(normalise(a));
    Set<String> y = bigrams(normalise(b));
    if (x.isEmpty() && y.isEmpty()) {
      return normalise(a).equals(normalise(b)) ? 1.0 : 0.0;
    }
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return (double) x.size() / union.size();
  }

  /**
   * NFKC, lower case, letters and digits only (punctuation and white space do not make a request
   * different).
   */
  static String normalise(String text) {
    return ApplicantIdentity.normalise(text).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new HashSet<>();
    int[] cps = s.codePoints().toArray();
    if (cps.length == 1) {
      out.add(new String(cps, 0, 1));
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      out.add(new String(cps, i, 2));
    }
    return out;
  }
}
