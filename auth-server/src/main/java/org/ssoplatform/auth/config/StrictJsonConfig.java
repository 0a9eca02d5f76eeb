package org.ssoplatform.auth.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read as typed: a number, boolean or object where a string belongs, or a string where a number
 * or boolean belongs, is a 400 naming the field instead of a silent conversion ({@code {"name": 12}} is not a key
 * named "12", {@code "60"} is not sixty seconds). Jackson converts such scalars by default.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {

    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, config -> fail(config, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Integer, config -> fail(config, CoercionInputShape.String,
                    CoercionInputShape.Float, CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Float, config -> fail(config, CoercionInputShape.String,
                    CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Boolean, config -> fail(config, CoercionInputShape.String,
                    CoercionInputShape.Integer, CoercionInputShape.Float))
            .withCoercionConfig(LogicalType.DateTime, config -> fail(config, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean));
    }

    private static void fail(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
