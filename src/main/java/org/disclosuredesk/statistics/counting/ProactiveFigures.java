package org.disclosuredesk.statistics.counting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.FieldErrors;

/**
 * 二、主动公开政府信息情况 of the 2021 report format: figures the process does not record, typed in by the
 * manager. Every cell may be null (not filled in: blank in the report, which is not the same as a
 * typed 0).
 */
public record ProactiveFigures(
    Long regulationsIssued,
    Long regulationsRepealed,
    Long regulationsInForce,
    Long normativeDocumentsIssued,
    Long normativeDocumentsRepealed,
    Long normativeDocumentsInForce,
    Long licensingDecisions,
    Long penaltyDecisions,
    Long coercionDecisions,
    BigDecimal chargesTenThousandYuan) {

  public static final ProactiveFigures BLANK =
      new ProactiveFigures(null, null, null, null, null, null, null, null, null, null);

  /** The count cells, in the order of the record (and of the table). */
  public static final List<String> COUNT_FIELDS =
      List.of(
          "regulationsIssued",
          "regulationsRepealed",
          "regulationsInForce",
          "normativeDocumentsIssued",
          "normativeDocumentsRepealed",
          "normativeDocumentsInForce",
          "licensingDecisions",
          "penaltyDecisions",
          "coercionDecisions");

  public static final String AMOUNT_FIELD = "chargesTenThousandYuan";

  static final long MAX_COUNT = 999_999_999L;
  // DECIMAL(16,4): twelve digits before the point
  static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.9999");

  public boolean blank() {
    return equals(BLANK);
  }

  public Long count(String field) {
    return switch (field) {
      case "regulationsIssued" -> regulationsIssued;
      case "regulationsRepealed" -> regulationsRepealed;
      case "regulationsInForce" -> regulationsInForce;
      case "normativeDocumentsIssued" -> normativeDocumentsIssued;
      case "normativeDocumentsRepealed" -> normativeDocumentsRepealed;
      case "normativeDocumentsInForce" -> normativeDocumentsInForce;
      case "licensingDecisions" -> licensingDecisions;
      case "penaltyDecisions" -> penaltyDecisions;
      case "coercionDecisions" -> coercionDecisions;
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** The amount as a person writes it: 268.29, not 268.2900 (the column keeps four places). */
  public String amountText() {
    return chargesTenThousandYuan == null ? "" : plain(chargesTenThousandYuan).toPlainString();
  }

  /** The same figures with the amount as a person writes it (268.29), as GET answers them. */
  public ProactiveFigures plain() {
    return chargesTenThousandYuan == null
        ? this
        : new ProactiveFigures(
            regulationsIssued,
            regulationsRepealed,
            regulationsInForce,
            normativeDocumentsIssued,
            normativeDocumentsRepealed,
            normativeDocumentsInForce,
            licensingDecisions,
            penaltyDecisions,
            coercionDecisions,
            plain(chargesTenThousandYuan));
  }

  /**
   * A PUT body: a JSON object with only these fields, each a non-negative whole number (the amount:
   * a non-negative number of 万元 with at most four decimal places) or null. A missing field is not
   * filled in. Strings are refused like everywhere in the API (JsonConfig), so "12" or "" never
   * pass for a figure.
   */
  public static ProactiveFigures parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new BadInputException("body", "应为 JSON 对象");
    }
    FieldErrors errors = new FieldErrors();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!COUNT_FIELDS.contains(name) && !AMOUNT_FIELD.equals(name)) {
        errors.add(name, "未知字段");
      }
    }
    Long[] counts = new Long[COUNT_FIELDS.size()];
    for (int i = 0; i < counts.length; i++) {
      String f = COUNT_FIELDS.get(i);
      JsonNode v = body.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      BigInteger n = v.isIntegralNumber() ? v.bigIntegerValue() : null;
      if (n == null || n.signum() < 0 || n.compareTo(BigInteger.valueOf(MAX_COUNT)) > 0) {
        errors.add(f, "应为 0 至 " + MAX_COUNT + " 的整数（件数），未填写请留空（null）");
      } else {
        counts[i] = n.longValue();
      }
    }
    BigDecimal amount = null;
    JsonNode a = body.get(AMOUNT_FIELD);
    if (a != null && !a.isNull()) {
      BigDecimal x = a.isNumber() ? decimal(a) : null;
      if (x == null || x.signum() < 0 || x.compareTo(MAX_AMOUNT) > 0) {
        errors.add(AMOUNT_FIELD, "应为不小于 0 的金额（单位：万元），未填写请留空（null）");
      } else if (plain(x).scale() > 4) {
        errors.add(AMOUNT_FIELD, "金额（万元）最多保留 4 位小数");
      } else {
        amount = plain(x);
      }
    }
    errors.throwIfAny();
    return new ProactiveFigures(
        counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7],
        counts[8], amount);
  }

  private static BigDecimal decimal(JsonNode n) {
    try {
      return new BigDecimal(n.asText());
    } catch (NumberFormatException e) {
      return null; // NaN, Infinity
    }
  }

  private static BigDecimal plain(BigDecimal x) {
    BigDecimal s = x.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
