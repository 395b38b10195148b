package org.disclosuredesk.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Query codes: random, unambiguous when read aloud or copied from paper (no 0/O, 1/I/L), 12
 * characters (about 59 bits), kept only as a salted SHA-256 hash; what a person types is compared
 * case-insensitively, without spaces or dashes.
 */
final class QueryCodes {

  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private QueryCodes() {}

  static String generate() {
    StringBuilder s = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  static String salt() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String hash(String salt, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time, so the time an answer takes says nothing about how close a guess was. */
  static boolean matches(String salt, String expectedHash, String typed) {
    if (typed == null || typed.length() > 64) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(salt, typed).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }

  static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }
}
