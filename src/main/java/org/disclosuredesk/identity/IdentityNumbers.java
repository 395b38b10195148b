package org.disclosuredesk.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * What an identity number proves by itself: 公民身份号码 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).
 * Whether the number was ever issued is not knowable here. Input is not trimmed: callers normalise
 * it first.
 */
public final class IdentityNumbers {

  static final String RESIDENT_SHAPE = "应为18位：前17位数字，最后一位为数字或X";
  static final String CREDIT_SHAPE = "应为18位数字或大写字母（不含I、O、S、V、Z）";

  // GB 11643-1999 5.5.1: weights Wi = 2^(i-1) mod 11, i counted from the right, for the 17-digit
  // 本体码
  private static final int[] RESIDENT_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  // GB 11643-1999 5.5.2-5.5.3: check character indexed by (weighted sum mod 11)
  private static final String RESIDENT_CHECK = "10X98765432";
  // Product rule, not GB 11643: no living applicant was born before 1900
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  // GB 32100-2015 代码字符集: digits and capitals without I, O, S, V, Z; a character's value is its
  // index here
  private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  // GB 32100-2015 校验码: weights Wi = 3^(i-1) mod 31, i counted from the left
  private static final int[] CREDIT_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private IdentityNumbers() {}

  public static boolean residentIdValid(String number) {
    return residentIdProblem(number) == null;
  }

  /**
   * {@code null} when the number is a well-formed 公民身份号码, else why not, for the person typing it.
   */
  public static String residentIdProblem(String number) {
    if (number == null || number.isBlank()) {
      return "未填写号码";
    }
    // GB 11643-1999 5.1: 17-digit 本体码 and one check character; 5.5.3: the check character is 0-9 or
    // X
    if (!residentShape(number)) {
      return RESIDENT_SHAPE;
    }
    // GB 11643-1999 5.2: the address code is a GB/T 2260 county code, and none of those starts with
    // 0
    if (number.charAt(0) == '0') {
      return "地址码（前6位）不能以0开头";
    }
    // GB 11643-1999 5.3: the birth date code (positions 7-14, GB/T 7408 YYYYMMDD) names a real day
    LocalDate birth = birthDate(number);
    if (birth == null) {
      return "出生日期不存在";
    }
    if (birth.isBefore(EARLIEST_BIRTH)) {
      return "出生日期早于1900年1月1日";
    }
    // GB 11643-1999 5.5: ISO 7064 MOD 11-2 check character; a lower-case x is the same X
    if (Character.toUpperCase(number.charAt(17)) != residentCheck(number)) {
      return "校验码不符（GB 11643）";
    }
    return null;
  }

  public static boolean creditCodeValid(String code) {
    return creditCodeProblem(code) == null;
  }

  /**
   * {@code null} when the code is a well-formed 统一社会信用代码, else why not. The first character
   * (登记管理部门代码) is deliberately not checked: the 2015 text lists 1, 5, 9 and Y, but the code
   * administration has since assigned 2, 3, 4, 6, 7, 8, A and N and may add more, so a fixed list
   * would refuse real codes.
   */
  public static String creditCodeProblem(String code) {
    if (code == null || code.isBlank()) {
      return "未填写代码";
    }
    // GB 32100-2015 代码结构: 18 characters
    if (code.length() != 18) {
      return CREDIT_SHAPE;
    }
    int[] values = new int[18];
    for (int i = 0; i < 18; i++) {
      // GB 32100-2015 代码字符集: only these 31 characters; ASCII-only upper-casing so no Unicode letter
      // maps in
      values[i] = CREDIT_ALPHABET.indexOf(asciiUpper(code.charAt(i)));
      if (values[i] < 0) {
        return CREDIT_SHAPE;
      }
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += values[i] * CREDIT_WEIGHTS[i];
    }
    // GB 32100-2015 校验码: C18 = 31 - MOD(sum, 31), where 31 is written as 0
    int check = 31 - sum % 31;
    if (check == 31) {
      check = 0;
    }
    if (values[17] != check) {
      return "校验码不符（GB 32100）";
    }
    return null;
  }

  private static boolean residentShape(String number) {
    if (number.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (!asciiDigit(
          number.charAt(
              i))) { // Character.isDigit would let full-width and other scripts' digits in
        return false;
      }
    }
    char last = number.charAt(17);
    return asciiDigit(last) || last == 'X' || last == 'x';
  }

  private static LocalDate birthDate(String number) {
    int year = Integer.parseInt(number, 6, 10, 10);
    int month = Integer.parseInt(number, 10, 12, 10);
    int day = Integer.parseInt(number, 12, 14, 10);
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException notADay) {
      return null;
    }
  }

  private static char residentCheck(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
    }
    return RESIDENT_CHECK.charAt(sum % 11);
  }

  private static boolean asciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static char asciiUpper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
  }
}
