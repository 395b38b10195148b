package org.disclosuredesk.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** An ISO {@code YYYY-MM-DD} calendar date that exists (2026-02-30 does not); null passes. */
@Target({
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
public @interface IsoDate {
  String message() default "日期格式应为 YYYY-MM-DD 且为真实日期";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<IsoDate, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      return value == null || parse(value) != null;
    }

    /** The date, or null when the text is not a real ISO date within years 1900..2999. */
    static LocalDate parse(String value) {
      if (value == null || value.length() != 10) {
        return null;
      }
      try {
        LocalDate d = LocalDate.parse(value);
        return d.getYear() < 1900 || d.getYear() > 2999 ? null : d;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
