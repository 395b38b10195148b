package org.disclosuredesk.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON types (API.md): no number or boolean where a string is expected, and no string for a
 * number.
 */
@Configuration
public class JsonConfig {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictTypes() {
    return b ->
        b.featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .postConfigurer(
                m -> {
                  for (LogicalType t :
                      new LogicalType[] {
                        LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime
                      }) {
                    m.coercionConfigFor(t)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                  }
                  m.coercionConfigFor(LogicalType.Boolean)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  m.coercionConfigFor(LogicalType.Integer)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
  }
}
