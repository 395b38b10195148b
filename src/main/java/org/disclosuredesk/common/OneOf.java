package org.disclosuredesk.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/** A string that must be one of an enum's constant names (codes of DOMAIN.md); null passes. */
@Target({
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {
  Class<? extends Enum<?>> value();

  String message() default "不是允许的取值";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<OneOf, String> {
    private java.util.Set<String> allowed;

    @Override
    public void initialize(OneOf a) {
      allowed =
          java.util.Set.copyOf(
              Arrays.stream(a.value().getEnumConstants()).map(Enum::name).toList());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null || allowed.contains(value)) {
        return true;
      }
      ctx.disableDefaultConstraintViolation();
      ctx.buildConstraintViolationWithTemplate(
              "不是允许的取值，应为：" + String.join("、", new java.util.TreeSet<>(allowed)))
          .addConstraintViolation();
      return false;
    }
  }
}
