package org.disclosuredesk.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosuredesk.kernel.Roles;

/** Masks ID numbers and phone numbers for logs and for roles that do not need them in full. */
public final class PersonalData {

  // 18-digit resident ID (last may be X), 15-digit old ID, 11-digit mobile, landline with area code
  private static final Pattern ID_NUMBER =
      Pattern.compile(
          "(?<![0-9A-Za-z])(\\d{6})(\\d{8}|\\d{6})(\\d{3}[0-9Xx]|\\d{1})(?![0-9A-Za-z])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
  private static final Pattern LANDLINE =
      Pattern.compile("(?<!\\d)(0\\d{2,3})-?(\\d{3,4})(\\d{4})(?!\\d)");

  private PersonalData() {}

  /** {@code 370102199001011234} → {@code 3701**********1234}. */
  /**
   * Roles that work with applicants directly and see ID numbers and phones in full (API.md); others
   * see them masked.
   */
  private static final java.util.Set<String> FULL_VIEW =
      java.util.Set.of(
          "ROLE_" + Roles.CLERK,
          "ROLE_" + Roles.REVIEWER,
          "ROLE_" + Roles.OFFICE_HEAD,
          "ROLE_" + Roles.ADMIN);

  public static boolean masked(org.springframework.security.core.Authentication who) {
    return who.getAuthorities().stream().noneMatch(a -> FULL_VIEW.contains(a.getAuthority()));
  }

  public static String maskIdNumber(String id) {
    if (id == null || id.isBlank()) {
      return id;
    }
    String s = id.strip();
    if (s.length() <= 8) {
      return "*".repeat(s.length());
    }
    return s.substring(0, 4) + "*".repeat(s.length() - 8) + s.substring(s.length() - 4);
  }

  /**
   * {@code 张三丰} → {@code 张**}: the first character and one star per other character. By code point,
   * so a rare character outside the BMP stays whole and counts once.
   */
  public static String maskName(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String s = name.strip();
    int n = s.codePointCount(0, s.length());
    if (n == 1) {
      return "*";
    }
    return s.substring(0, s.offsetByCodePoints(0, 1)) + "*".repeat(n - 1);
  }

  /**
   * {@code 13800000000} → {@code 138****0000}; other numbers keep their first 3 and last 4
   * characters.
   */
  public static String maskPhone(String phone) {
    if (phone == null || phone.isBlank()) {
      return phone;
    }
    String s = phone.strip();
    if (s.length() <= 7) {
      return "*".repeat(s.length());
    }
    return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
  }

  /** Masks every ID number and phone number found in free text (log lines). */
  public static String maskText(String text) {
    if (text == null || text.length() < 11) {
      return text;
    }
    String out = replace(ID_NUMBER, text, m -> maskIdNumber(m.group()));
    out = replace(MOBILE, out, m -> maskPhone(m.group()));
    return replace(LANDLINE, out, m -> m.group(1) + "-****" + m.group(3));
  }

  private static String replace(
      Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
