package org.disclosuredesk.common;

/**
 * SQL LIKE patterns from what a person typed: their % and _ are text, escaped with '!' (use {@code
 * ESCAPE '!'}).
 */
public final class LikePattern {

  private LikePattern() {}

  /** '!' rather than a backslash, which MySQL would read as an escape inside the string literal. */
  public static String containing(String text) {
    return "%" + escape(text) + "%";
  }

  /** Starting with {@code text}: an index on the column serves it. */
  public static String startingWith(String text) {
    return escape(text) + "%";
  }

  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
