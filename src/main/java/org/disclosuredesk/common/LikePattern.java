package org.disclosuredesk.common;

/** SQL LIKE patterns from what a person typed: their % and _ are text, escaped with '!' (use {@code ESCAPE '!'}). */
public final class LikePattern {

  private LikePattern() {}

  /** '!' rather than a backslash, which MySQL would read as an escape inside the string literal. */
  public static String containing(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
