package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.disclosuredesk.kernel.IdType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identity-number rules against oracles written independently here (ISO 7064 in its recursive
 * form, alphabet and weights derived rather than copied), fixed examples checked by hand, and
 * seeded random search.
 */
class IdentityNumbersTest {

  private static final long SEED = 20240601L;

  // ---- independent oracles
  // ------------------------------------------------------------------------------------

  /**
   * ISO 7064 MOD 11-2 by Horner's rule: sum(a_i * 2^k) + check ≡ 1 (mod 11), check 10 written X.
   */
  static char residentCheckOracle(String first17) {
    int p = 0;
    for (char c : first17.toCharArray()) {
      p = (p + (c - '0')) * 2 % 11;
    }
    int check = (12 - p) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }

  static String resident(String address, String birth, String sequence) {
    String first17 = address + birth + sequence;
    assertThat(first17).hasSize(17);
    return first17 + residentCheckOracle(first17);
  }

  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  static boolean residentOracle(String s) {
    if (s == null || !s.matches("[0-9]{17}[0-9Xx]")) {
      return false;
    }
    if (s.charAt(0) == '0') {
      return false;
    }
    LocalDate birth;
    try {
      birth = LocalDate.parse(s.substring(6, 14), BIRTH);
    } catch (DateTimeParseException e) {
      return false;
    }
    return !birth.isBefore(LocalDate.of(1900, 1, 1))
        && Character.toUpperCase(s.charAt(17)) == residentCheckOracle(s.substring(0, 17));
  }

  /** 0-9 then A-Z without I, O, S, V, Z, built rather than copied. */
  static final String CREDIT_ALPHABET = buildCreditAlphabet();

  static String buildCreditAlphabet() {
    StringBuilder b = new StringBuilder();
    for (char c = '0'; c <= '9'; c++) {
      b.append(c);
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      if ("IOSVZ".indexOf(c) < 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * GB 32100: weights 3^(i-1) mod 31 computed by repeated multiplication; check value (31 - sum mod
   * 31) mod 31.
   */
  static char creditCheckOracle(String first17) {
    int sum = 0;
    int weight = 1;
    for (char c : first17.toCharArray()) {
      sum += CREDIT_ALPHABET.indexOf(c) * weight;
      weight = weight * 3 % 31;
    }
    return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
  }

  static String credit(String first17) {
    assertThat(first17).hasSize(17);
    return first17 + creditCheckOracle(first17);
  }

  static boolean creditOracle(String s) {
    if (s == null || s.length() != 18) {
      return false;
    }
    String upper =
        s.chars()
            .map(c -> c >= 'a' && c <= 'z' ? c - 32 : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    if (!upper.chars().allMatch(c -> CREDIT_ALPHABET.indexOf(c) >= 0)) {
      return false;
    }
    return upper.charAt(17) == creditCheckOracle(upper.substring(0, 17));
  }

  /** 16 to 20 characters drawn from {@code pool}. */
  static String noise(Random r, String pool) {
    StringBuilder b = new StringBuilder();
    for (int i = 16 + r.nextInt(5); i > 0; i--) {
      b.append(pool.charAt(r.nextInt(pool.length())));
    }
    return b.toString();
  }

  /**
   * The checks agree with the independent oracle on every generated input, and both outcomes are
   * common.
   */
  static void agreeWithOracle(
      int count,
      IntFunction<String> input,
      Predicate<String> oracle,
      Predicate<String> valid,
      Function<String, String> problem) {
    int accepted = 0;
    int refused = 0;
    for (int n = 0; n < count; n++) {
      String s = input.apply(n);
      boolean expected = oracle.test(s);
      assertThat(valid.test(s)).as(s).isEqualTo(expected);
      assertThat(problem.apply(s) == null).as(s).isEqualTo(expected);
      if (expected) {
        accepted++;
      } else {
        refused++;
      }
    }
    // both outcomes must be well represented or the comparison proves little
    assertThat(accepted).isGreaterThan(10_000);
    assertThat(refused).isGreaterThan(10_000);
  }

  static String randomResident(Random r) {
    String address = String.valueOf(100_000 + r.nextInt(900_000));
    long from = LocalDate.of(1900, 1, 1).toEpochDay();
    long to = LocalDate.of(2099, 12, 31).toEpochDay();
    LocalDate birth = LocalDate.ofEpochDay(from + (long) (r.nextDouble() * (to - from + 1)));
    return resident(address, birth.format(BIRTH), String.format("%03d", r.nextInt(1000)));
  }

  static String randomCredit(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      b.append(CREDIT_ALPHABET.charAt(r.nextInt(CREDIT_ALPHABET.length())));
    }
    return credit(b.toString());
  }

  /** Every printable ASCII character plus look-alikes a Chinese keyboard or a paste can produce. */
  static final List<Character> SUBSTITUTES = substitutes();

  static List<Character> substitutes() {
    List<Character> all = new ArrayList<>();
    for (char c = 0x20; c < 0x7f; c++) {
      all.add(c);
    }
    // full-width digits and letters, ideographic space, Arabic-Indic three, Roman numeral ten,
    // dotless i, long s
    for (char c : "０１９ＸｘＡ\u3000\u0663\u2169\u0131\u017f\u00a0\t".toCharArray()) {
      all.add(c);
    }
    return all;
  }

  static boolean sameIgnoringAsciiCase(char a, char b) {
    return Character.toUpperCase(a) == Character.toUpperCase(b) && a < 0x80 && b < 0x80;
  }

  static String replace(String s, int i, char c) {
    return s.substring(0, i) + c + s.substring(i + 1);
  }

  static String swap(String s, int i, int j) {
    char[] a = s.toCharArray();
    char t = a[i];
    a[i] = a[j];
    a[j] = t;
    return new String(a);
  }

  // ---- 公民身份号码
  // ---------------------------------------------------------------------------------------------

  @Nested
  class ResidentId {

    @Test
    void publishedExamplesAreValid() {
      // GB 11643-1999 附录A: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 ->
      // "10X98765432"[2] = X
      assertThat(IdentityNumbers.residentIdValid("11010519491231002X")).isTrue();
      assertThat(IdentityNumbers.residentIdProblem("11010519491231002X")).isNull();
      // the earliest accepted birth date
      assertThat(IdentityNumbers.residentIdValid(resident("110101", "19000101", "001"))).isTrue();
    }

    @Test
    void oracleAgreesWithTheHandComputedExample() {
      assertThat(residentCheckOracle("11010519491231002")).isEqualTo('X');
    }

    @Test
    void theStandardsOwn1880ExampleIsRefusedByTheProduct1900Rule() {
      // GB 11643-1999 附录A also shows 440524188001010014: its check character is right, but the
      // birth year is 1880
      assertThat(residentCheckOracle("44052418800101001")).isEqualTo('4');
      assertThat(IdentityNumbers.residentIdProblem("440524188001010014"))
          .isEqualTo("出生日期早于1900年1月1日");
    }

    @Test
    void lowerCaseXIsAccepted() {
      assertThat(IdentityNumbers.residentIdValid("11010519491231002x")).isTrue();
      assertThat(IdentityNumbers.residentIdProblem("11010519491231002x")).isNull();
    }

    @Test
    void nullAndBlankAreRefused() {
      assertThat(IdentityNumbers.residentIdValid(null)).isFalse();
      assertThat(IdentityNumbers.residentIdProblem(null)).isEqualTo("未填写号码");
      assertThat(IdentityNumbers.residentIdProblem("")).isEqualTo("未填写号码");
      assertThat(IdentityNumbers.residentIdProblem("   ")).isEqualTo("未填写号码");
    }

    @Test
    void everyWrongLengthIsRefused() {
      String valid = "11010519491231002X";
      for (int n = 1; n <= 40; n++) {
        if (n == 18) {
          continue;
        }
        String s = n < 18 ? valid.substring(0, n) : valid + "1".repeat(n - 18);
        assertThat(IdentityNumbers.residentIdValid(s)).as(s).isFalse();
        assertThat(IdentityNumbers.residentIdProblem(s))
            .as(s)
            .isEqualTo(IdentityNumbers.RESIDENT_SHAPE);
      }
      // the 15-digit GB 11643-1989 form is not accepted
      assertThat(IdentityNumbers.residentIdProblem("110105491231002"))
          .isEqualTo(IdentityNumbers.RESIDENT_SHAPE);
    }

    @Test
    void surroundingSpacesAreNotTrimmed() {
      assertThat(IdentityNumbers.residentIdValid(" 11010519491231002X")).isFalse();
      assertThat(IdentityNumbers.residentIdValid("11010519491231002X ")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "1101051949123100XX", // X only as the check character
          "X10105194912310021",
          "11010519491231002Y",
          "11010519491231002-",
          "110105-19491231002",
          "１10105194912310021", // full-width digit
          "11010519491231002Ｘ", // full-width X
          "11010519491231002\u2169", // Roman numeral ten
          "\u066310105194912310021" // Arabic-Indic digit: Character.isDigit is true, still refused
        })
    void badCharactersAreRefused(String s) {
      assertThat(IdentityNumbers.residentIdValid(s)).isFalse();
      assertThat(IdentityNumbers.residentIdProblem(s)).isEqualTo(IdentityNumbers.RESIDENT_SHAPE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "19900230",
          "20230229",
          "19000229",
          "21000229",
          "19900431",
          "19901301",
          "19900001",
          "19900100",
          "19900132",
          "00000000",
          "20231200"
        })
    void impossibleDatesAreRefusedEvenWithARightCheckCharacter(String birth) {
      String s = resident("110105", birth, "123");
      assertThat(IdentityNumbers.residentIdValid(s)).as(s).isFalse();
      assertThat(IdentityNumbers.residentIdProblem(s)).as(s).isEqualTo("出生日期不存在");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18991231", "18000101", "10000101"})
    void datesBefore1900AreRefused(String birth) {
      String s = resident("110105", birth, "123");
      assertThat(IdentityNumbers.residentIdProblem(s)).as(s).isEqualTo("出生日期早于1900年1月1日");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19000101", "20000229", "20240229", "19991231", "20991231", "29991231"})
    void realDatesFrom1900OnAreAccepted(String birth) {
      // no clock here: a future date is the caller's business
      String s = resident("110105", birth, "123");
      assertThat(IdentityNumbers.residentIdValid(s)).as(s).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"010105", "000000", "099999"})
    void addressCodeStartingWithZeroIsRefused(String address) {
      String s = resident(address, "19491231", "002");
      assertThat(IdentityNumbers.residentIdValid(s)).as(s).isFalse();
      assertThat(IdentityNumbers.residentIdProblem(s)).as(s).isEqualTo("地址码（前6位）不能以0开头");
    }

    @Test
    void wrongCheckCharacterIsRefusedWithItsOwnReason() {
      for (char c : "0123456789X".toCharArray()) {
        if (c == 'X') {
          continue;
        }
        String s = "11010519491231002" + c;
        assertThat(IdentityNumbers.residentIdProblem(s)).as(s).isEqualTo("校验码不符（GB 11643）");
      }
    }

    @Test
    void allElevenCheckCharactersOccurAndAreAccepted() {
      Set<Character> seen = new TreeSet<>();
      for (int seq = 0; seq < 1000 && seen.size() < 11; seq++) {
        String s = resident("110105", "19491231", String.format("%03d", seq));
        assertThat(IdentityNumbers.residentIdValid(s)).as(s).isTrue();
        seen.add(s.charAt(17));
      }
      assertThat(seen)
          .containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Test
    void everySingleSubstitutionIsRefused() {
      Random r = new Random(SEED);
      List<String> valid =
          new ArrayList<>(List.of("11010519491231002X", resident("110101", "19000101", "001")));
      for (int i = 0; i < 300; i++) {
        valid.add(randomResident(r));
      }
      int tried = 0;
      for (String s : valid) {
        assertThat(IdentityNumbers.residentIdValid(s)).as(s).isTrue();
        for (int pos = 0; pos < 18; pos++) {
          for (char c : SUBSTITUTES) {
            if (sameIgnoringAsciiCase(c, s.charAt(pos))) {
              continue;
            }
            String changed = replace(s, pos, c);
            assertThat(IdentityNumbers.residentIdValid(changed))
                .as("%s -> %s", s, changed)
                .isFalse();
            assertThat(IdentityNumbers.residentIdProblem(changed)).as(changed).isNotNull();
            tried++;
          }
        }
      }
      assertThat(tried).isGreaterThan(500_000);
    }

    @Test
    void everyDigitSubstitutionWithIntactDateFailsOnTheCheckCharacter() {
      // digit changes in the address tail or the sequence code leave shape and date intact: only
      // the check catches them
      String s = "11010519491231002X";
      for (int pos : new int[] {1, 2, 3, 4, 5, 14, 15, 16}) {
        for (char c = '0'; c <= '9'; c++) {
          if (c != s.charAt(pos)) {
            assertThat(IdentityNumbers.residentIdProblem(replace(s, pos, c)))
                .isEqualTo("校验码不符（GB 11643）");
          }
        }
      }
    }

    @Test
    void everyAdjacentTranspositionIsRefused() {
      Random r = new Random(SEED + 1);
      for (int n = 0; n < 2000; n++) {
        String s = randomResident(r);
        for (int pos = 0; pos < 17; pos++) {
          if (s.charAt(pos) != s.charAt(pos + 1)) {
            String swapped = swap(s, pos, pos + 1);
            assertThat(IdentityNumbers.residentIdValid(swapped))
                .as("%s -> %s", s, swapped)
                .isFalse();
          }
        }
      }
    }

    @Test
    void randomValidNumbersAreAccepted() {
      Random r = new Random(SEED + 2);
      for (int n = 0; n < 20_000; n++) {
        String s = randomResident(r);
        assertThat(IdentityNumbers.residentIdValid(s)).as(s).isTrue();
        assertThat(IdentityNumbers.residentIdValid(s.toLowerCase(Locale.ROOT))).as(s).isTrue();
        assertThat(IdentityNumbers.residentIdProblem(s)).as(s).isNull();
      }
    }

    @Test
    void randomNumbersAgreeWithTheOracle() {
      Random r = new Random(SEED + 3);
      String pool = "0123456789Xx";
      agreeWithOracle(
          120_000,
          n -> {
            return switch (n % 6) {
              case 0 -> { // 17 random digits with the right check: exercises the date and address
                // rules
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 17; i++) {
                  b.append((char) ('0' + r.nextInt(10)));
                }
                yield b + String.valueOf(residentCheckOracle(b.toString()));
              }
              case 1 -> { // random mutation of a valid number
                String v = randomResident(r);
                yield replace(v, r.nextInt(18), pool.charAt(r.nextInt(pool.length())));
              }
              case 2 -> { // plausible prefix, random check character
                String v = randomResident(r);
                yield v.substring(0, 17) + pool.charAt(r.nextInt(pool.length()));
              }
              case 3 -> { // right check, birth date near the edges: year 1890-2030, month 00-13,
                // day 00-32
                String first17 =
                    (1 + r.nextInt(9))
                        + String.format("%05d", r.nextInt(100_000))
                        + (1890 + r.nextInt(141))
                        + String.format("%02d%02d", r.nextInt(14), r.nextInt(33))
                        + String.format("%03d", r.nextInt(1000));
                yield first17 + residentCheckOracle(first17);
              }
              case 4 -> { // valid, half of them with a lower-case x
                String v = randomResident(r);
                yield r.nextBoolean() ? v.toLowerCase(Locale.ROOT) : v;
              }
              default -> noise(r, pool); // anything of any length around 18
            };
          },
          IdentityNumbersTest::residentOracle,
          IdentityNumbers::residentIdValid,
          IdentityNumbers::residentIdProblem);
    }
  }

  // ---- 统一社会信用代码
  // -------------------------------------------------------------------------------------------

  @Nested
  class CreditCode {

    @Test
    void publishedExampleIsValid() {
      // GB 32100-2015 worked example: sum of Ci*Wi over 91350100M000100Y4 = 1640; 1640 mod 31 = 28;
      // 31 - 28 = 3
      assertThat(creditCheckOracle("91350100M000100Y4")).isEqualTo('3');
      assertThat(IdentityNumbers.creditCodeValid("91350100M000100Y43")).isTrue();
      assertThat(IdentityNumbers.creditCodeProblem("91350100M000100Y43")).isNull();
    }

    @Test
    void theStandardsRefusedExampleIsRefused() {
      // same worked example with Z in the check position: Z is outside the alphabet
      assertThat(IdentityNumbers.creditCodeProblem("91350100M000100Y4Z"))
          .isEqualTo(IdentityNumbers.CREDIT_SHAPE);
      assertThat(IdentityNumbers.creditCodeProblem("91350100M000100Y44"))
          .isEqualTo("校验码不符（GB 32100）");
    }

    @Test
    void alphabetIsTheStandardOne() {
      assertThat(CREDIT_ALPHABET).isEqualTo("0123456789ABCDEFGHJKLMNPQRTUWXY").hasSize(31);
    }

    @Test
    void lowerCaseIsAccepted() {
      assertThat(IdentityNumbers.creditCodeValid("91350100m000100y43")).isTrue();
      Random r = new Random(SEED + 10);
      for (int n = 0; n < 2000; n++) {
        String s = randomCredit(r);
        assertThat(IdentityNumbers.creditCodeValid(s.toLowerCase(Locale.ROOT))).as(s).isTrue();
      }
    }

    @Test
    void nullAndBlankAreRefused() {
      assertThat(IdentityNumbers.creditCodeValid(null)).isFalse();
      assertThat(IdentityNumbers.creditCodeProblem(null)).isEqualTo("未填写代码");
      assertThat(IdentityNumbers.creditCodeProblem("")).isEqualTo("未填写代码");
      assertThat(IdentityNumbers.creditCodeProblem(" \t")).isEqualTo("未填写代码");
    }

    @Test
    void everyWrongLengthIsRefused() {
      String valid = "91350100M000100Y43";
      for (int n = 1; n <= 40; n++) {
        if (n == 18) {
          continue;
        }
        String s = n < 18 ? valid.substring(0, n) : valid + "0".repeat(n - 18);
        assertThat(IdentityNumbers.creditCodeValid(s)).as(s).isFalse();
        assertThat(IdentityNumbers.creditCodeProblem(s))
            .as(s)
            .isEqualTo(IdentityNumbers.CREDIT_SHAPE);
      }
      // the old 9-character 组织机构代码 alone is not a credit code
      assertThat(IdentityNumbers.creditCodeValid("M000100Y4")).isFalse();
      assertThat(IdentityNumbers.creditCodeValid(" 91350100M000100Y43")).isFalse();
    }

    @Test
    void forbiddenLettersAreRefusedInEveryPosition() {
      String valid = "91350100M000100Y43";
      for (char c : "IOSVZiosvz".toCharArray()) {
        for (int pos = 0; pos < 18; pos++) {
          String s = replace(valid, pos, c);
          assertThat(IdentityNumbers.creditCodeProblem(s))
              .as(s)
              .isEqualTo(IdentityNumbers.CREDIT_SHAPE);
        }
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "91350100M000100Y4-",
          "91350100-M000100Y4",
          "９1350100M000100Y43", // full-width digit
          "91350100Ｍ000100Y43", // full-width M
          "91350100M000100Y4\u3000",
          "91350100\ufb00000100Y43" // ligature ff: String.toUpperCase would turn it into two
          // letters
        })
    void badCharactersAreRefused(String s) {
      assertThat(IdentityNumbers.creditCodeProblem(s))
          .as(s)
          .isEqualTo(IdentityNumbers.CREDIT_SHAPE);
    }

    @Test
    void unicodeLettersThatUpperCaseIntoTheAlphabetAreRefused() {
      // dotless i and long s upper-case to I and S (both outside the alphabet); with the ff
      // ligature 17 characters become 18 under String.toUpperCase, so upper-casing the whole string
      // first would pass a wrong length
      assertThat(IdentityNumbers.creditCodeValid("91350100M000100Y4\u0131")).isFalse();
      assertThat(IdentityNumbers.creditCodeValid("91350100M000100Y4\u017f")).isFalse();
      String seventeenWithLigature = "91350100M000100Y\ufb00";
      assertThat(seventeenWithLigature.toUpperCase(Locale.ROOT)).hasSize(18);
      assertThat(IdentityNumbers.creditCodeValid(seventeenWithLigature)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y', 'B', '0'})
    void firstCharacterIsNotRestricted(char authority) {
      // registering-authority codes keep being added, so only the check character judges the first
      // position
      String s = credit(authority + "1350100M000100Y4");
      assertThat(IdentityNumbers.creditCodeValid(s)).as(s).isTrue();
    }

    @Test
    void allThirtyOneCheckCharactersOccurAndAreAccepted() {
      Set<Character> seen = new TreeSet<>();
      for (int n = 0; n < 10_000 && seen.size() < 31; n++) {
        String s = credit(String.format("91350100%09d", n));
        assertThat(IdentityNumbers.creditCodeValid(s)).as(s).isTrue();
        seen.add(s.charAt(17));
      }
      assertThat(seen.stream().map(String::valueOf).collect(Collectors.joining()))
          .isEqualTo(
              CREDIT_ALPHABET
                  .chars()
                  .sorted()
                  .mapToObj(c -> String.valueOf((char) c))
                  .collect(Collectors.joining()));
    }

    @Test
    void everySingleSubstitutionIsRefused() {
      Random r = new Random(SEED + 11);
      List<String> valid = new ArrayList<>(List.of("91350100M000100Y43"));
      for (int i = 0; i < 300; i++) {
        valid.add(randomCredit(r));
      }
      int tried = 0;
      for (String s : valid) {
        assertThat(IdentityNumbers.creditCodeValid(s)).as(s).isTrue();
        for (int pos = 0; pos < 18; pos++) {
          for (char c : SUBSTITUTES) {
            if (sameIgnoringAsciiCase(c, s.charAt(pos))) {
              continue;
            }
            String changed = replace(s, pos, c);
            assertThat(IdentityNumbers.creditCodeValid(changed))
                .as("%s -> %s", s, changed)
                .isFalse();
            assertThat(IdentityNumbers.creditCodeProblem(changed)).as(changed).isNotNull();
            tried++;
          }
        }
      }
      assertThat(tried).isGreaterThan(500_000);
    }

    @Test
    void everyInAlphabetSubstitutionFailsOnTheCheckCharacter() {
      String s = "91350100M000100Y43";
      for (int pos = 0; pos < 18; pos++) {
        for (char c : CREDIT_ALPHABET.toCharArray()) {
          if (c != s.charAt(pos)) {
            assertThat(IdentityNumbers.creditCodeProblem(replace(s, pos, c)))
                .isEqualTo("校验码不符（GB 32100）");
          }
        }
      }
    }

    @Test
    void everyAdjacentTranspositionIsRefused() {
      Random r = new Random(SEED + 12);
      for (int n = 0; n < 2000; n++) {
        String s = randomCredit(r);
        for (int pos = 0; pos < 17; pos++) {
          if (s.charAt(pos) != s.charAt(pos + 1)) {
            String swapped = swap(s, pos, pos + 1);
            assertThat(IdentityNumbers.creditCodeValid(swapped))
                .as("%s -> %s", s, swapped)
                .isFalse();
          }
        }
      }
    }

    @Test
    void randomCodesAgreeWithTheOracle() {
      Random r = new Random(SEED + 13);
      String pool = CREDIT_ALPHABET + CREDIT_ALPHABET.toLowerCase(Locale.ROOT) + "IOSVZios-vz ";
      agreeWithOracle(
          100_000,
          n -> {
            return switch (n % 3) {
              case 0 -> randomCredit(r);
              case 1 -> {
                String v = randomCredit(r);
                yield replace(v, r.nextInt(18), pool.charAt(r.nextInt(pool.length())));
              }
              default -> noise(r, pool);
            };
          },
          IdentityNumbersTest::creditOracle,
          IdentityNumbers::creditCodeValid,
          IdentityNumbers::creditCodeProblem);
    }
  }

  // ---- IdType
  // ---------------------------------------------------------------------------------------------------

  @Nested
  class IdTypes {

    @Test
    void codesAndLabels() {
      assertThat(Arrays.stream(IdType.values()).map(t -> t.name() + "=" + t.label()))
          .containsExactly(
              "RESIDENT_ID=居民身份证",
              "PASSPORT=护照",
              "HK_MACAO_PERMIT=港澳居民来往内地通行证",
              "TAIWAN_PERMIT=台湾居民来往大陆通行证",
              "FOREIGN_PERMANENT_RESIDENT_ID=外国人永久居留身份证",
              "OTHER=其他证件");
    }

    @Test
    void defaultForNullIsNull() {
      assertThat(IdType.defaultFor(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "11010519491231002X",
          "  11010519491231002X  ",
          "\u300011010519491231002X\u3000",
          "\t11010519491231002x\n",
          "123456789012345678",
          "ABCDEFGHIJKLMNOPQR"
        })
    void eighteenCharactersAfterTrimmingIsResidentId(String number) {
      // the guess is by length only: validity is IdentityNumbers' job
      assertThat(IdType.defaultFor(number)).isEqualTo(IdType.RESIDENT_ID);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "   ",
          "E12345678",
          "H1234567801",
          "110105491231002",
          "1101051949123100",
          "11010519491231002",
          "11010519491231002X1",
          "1101 0519491231002X"
        })
    void anythingElseIsOther(String number) {
      assertThat(IdType.defaultFor(number)).isEqualTo(IdType.OTHER);
    }
  }
}
