package org.disclosuredesk.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.disclosuredesk.common.FieldErrors;

/**
 * What a person entered for one step, whether it came from a Camunda Form in Tasklist or from the
 * JSON API, read with strict types; every bad field is collected so one answer names them all.
 */
public final class StepInput {

  public static final int NAME_MAX = 100;
  public static final int TEXT_MAX = 2000;

  private final Map<String, Object> values;
  private final boolean fromForm;
  private final FieldErrors errors = new FieldErrors();

  /** Strict JSON types, as the API demands. */
  public StepInput(Map<String, Object> values) {
    this(values, false);
  }

  /**
   * @param fromForm values submitted by a Camunda Form in Tasklist: radio buttons give
   *     "true"/"false" and date pickers may add a time, so those two are accepted there (never from
   *     the API)
   */
  public StepInput(Map<String, Object> values, boolean fromForm) {
    this.values = values;
    this.fromForm = fromForm;
  }

  public FieldErrors errors() {
    return errors;
  }

  public boolean present(String name) {
    Object v = values.get(name);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  public String text(String name, boolean required, int max) {
    Object v = values.get(name);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        errors.add(name, "必填");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      errors.add(name, "应为文本");
      return null;
    }
    if (s.length() > max) {
      errors.add(name, "不能超过 " + max + " 个字符");
      return null;
    }
    return s;
  }

  public LocalDate date(String name, boolean required) {
    if (fromForm && values.get(name) instanceof String t && t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
      values.put(name, t.substring(0, 10));
    }
    String s = text(name, required, 10);
    if (s == null) {
      if (values.get(name) instanceof String t && t.length() > 10 && !errors.has(name)) {
        errors.add(name, "日期格式应为 YYYY-MM-DD");
      }
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(s);
      if (d.getYear() < 1900 || d.getYear() > 2999) {
        errors.add(name, "日期超出合理范围");
        return null;
      }
      return d;
    } catch (RuntimeException e) {
      errors.add(name, "日期格式应为 YYYY-MM-DD 且为真实日期");
      return null;
    }
  }

  /**
   * A business date that already happened: never after {@code today}, never before {@code
   * notBefore} (e.g. the request's receipt date); API.md conventions.
   */
  public LocalDate pastDate(
      String name, boolean required, LocalDate today, LocalDate notBefore, String what) {
    LocalDate d = date(name, required);
    if (d == null) {
      return null;
    }
    if (d.isAfter(today)) {
      errors.add(name, "不能晚于今天（" + today + "）");
      return null;
    }
    if (notBefore != null && d.isBefore(notBefore)) {
      errors.add(name, "不能早于" + what + "（" + notBefore + "）");
      return null;
    }
    return d;
  }

  public <E extends Enum<E>> E code(String name, Class<E> type, boolean required) {
    String s = text(name, required, 60);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      errors.add(
          name,
          "不是允许的取值，应为："
              + String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
      return null;
    }
  }

  public Boolean bool(String name, boolean required) {
    Object v = values.get(name);
    if (v == null) {
      if (required) {
        errors.add(name, "必填");
      }
      return null;
    }
    if (fromForm && ("true".equals(v) || "false".equals(v))) {
      return Boolean.valueOf((String) v);
    }
    if (!(v instanceof Boolean b)) {
      errors.add(name, "应为 true 或 false");
      return null;
    }
    return b;
  }

  public Integer integer(String name, boolean required, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      if (required) {
        errors.add(name, "必填");
      }
      return null;
    }
    long n;
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      n = ((Number) v).longValue();
    } else if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      n = d.longValue(); // Camunda Forms submit numbers as doubles
    } else {
      errors.add(name, "应为整数");
      return null;
    }
    if (n < min || n > max) {
      errors.add(name, "应在 " + min + " 到 " + max + " 之间");
      return null;
    }
    return (int) n;
  }

  public BigDecimal amount(String name, boolean required) {
    Object v = values.get(name);
    if (v == null) {
      if (required) {
        errors.add(name, "必填");
      }
      return null;
    }
    if (!(v instanceof Number n) || v instanceof Float) {
      errors.add(name, "应为金额数字");
      return null;
    }
    BigDecimal d = new BigDecimal(n.toString());
    if (d.signum() < 0
        || d.compareTo(new BigDecimal("100000000")) > 0
        || d.scale() > 2 && d.stripTrailingZeros().scale() > 2) {
      errors.add(name, "金额无效");
      return null;
    }
    return d;
  }
}
