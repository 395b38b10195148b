package org.disclosuredesk.ledger;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.kernel.NotHeldReason;
import org.disclosuredesk.kernel.Outcome;
import org.disclosuredesk.kernel.ThirdPartyInterest;

/**
 * The coded columns of a ledger file: a cell holds either DOMAIN.md's code or the Chinese label our
 * forms show, compared without spaces, quotes and bracketed remarks (a ledger typed by hand writes
 * "邮寄" for "邮寄（需签收）").
 */
final class LedgerCodes {

  private static final Map<ThirdPartyInterest, String> INTEREST =
      Map.of(
          ThirdPartyInterest.TRADE_SECRET,
          "商业秘密",
          ThirdPartyInterest.PERSONAL_PRIVACY,
          "个人隐私",
          ThirdPartyInterest.OTHER,
          "其他");
  private static final Map<NotHeldReason, String> NOT_HELD =
      Map.of(NotHeldReason.DOES_NOT_EXIST, "信息不存在", NotHeldReason.OTHER_AGENCY, "由其他机关负责公开");

  /** The short names of table 三's last rows, as ledgers write them (DOMAIN.md §5). */
  private static final Map<String, Outcome> OUTCOME_SHORT =
      Map.of(
          "逾期不补正",
          Outcome.OTHER_NO_SUPPLEMENT,
          "逾期不补正、不再处理",
          Outcome.OTHER_NO_SUPPLEMENT,
          "逾期未缴费",
          Outcome.OTHER_FEE_UNPAID,
          "逾期未缴费、不再处理",
          Outcome.OTHER_FEE_UNPAID);

  private LedgerCodes() {}

  static Optional<Channel> channel(String cell) {
    return parse(cell, Channel.class, Channel::label);
  }

  static Optional<ApplicantType> applicantType(String cell) {
    return parse(cell, ApplicantType.class, ApplicantType::label);
  }

  static Optional<IdType> idType(String cell) {
    return parse(cell, IdType.class, IdType::label);
  }

  static Optional<Outcome> outcome(String cell) {
    Optional<Outcome> o = parse(cell, Outcome.class, Outcome::label);
    return o.isPresent() ? o : Optional.ofNullable(OUTCOME_SHORT.get(normal(cell)));
  }

  static Optional<ThirdPartyInterest> interest(String cell) {
    return parse(cell, ThirdPartyInterest.class, INTEREST::get);
  }

  static Optional<NotHeldReason> notHeld(String cell) {
    return parse(cell, NotHeldReason.class, NOT_HELD::get);
  }

  static String label(ThirdPartyInterest i) {
    return INTEREST.get(i);
  }

  static String label(NotHeldReason r) {
    return NOT_HELD.get(r);
  }

  /** 是/否 as a clerk types it; also true/false and 1/0 as other systems export it. */
  static Optional<Boolean> yesNo(String cell) {
    return switch (normal(cell)) {
      case "是", "true", "1", "y", "yes" -> Optional.of(true);
      case "否", "false", "0", "n", "no" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static <E extends Enum<E>> Optional<E> parse(
      String cell, Class<E> type, Function<E, String> label) {
    String wanted = normal(cell);
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(wanted)
          || normal(label.apply(e)).equals(wanted)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Without white space, quotes and bracketed remarks, lower case. */
  static String normal(String s) {
    return s.replaceAll("（[^）]*）|\\([^)]*\\)", "")
        .replaceAll("[\\s\u3000\"'“”‘’]", "")
        .toLowerCase(Locale.ROOT);
  }
}
