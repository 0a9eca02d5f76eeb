package org.ssoplatform.auth.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ssoplatform.resourceserver.PlatformCaller;

/** The OpenAPI document of the management API ({@code /v3/api-docs}, Swagger UI at {@code /docs}). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "SSO platform management API", version = "v1", description = """
        Users, roles, permissions, API keys and the audit trail. Send `Authorization: Bearer <token>`.

        Errors are RFC 9457 `application/problem+json` with a machine-readable `code`: 400 bad input (validation \
        failures list each snake_case field in `errors`), 401 no or wrong kind of token, 403 missing role or \
        permission, 404 unknown id **in the path** (ids inside a body are input: unknown ones give 400), 409 \
        duplicates, deletions of things still in use (unless `?cascade=true`) and concurrent changes, 413 bodies \
        over 64 KB, 415 a body that is not JSON.

        Listing users needs the `admin` role (and `users:read`). Reads of roles and permissions need         `users:read`; their writes need the `admin` role. API keys are managed with a user's JWT only."""),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class ManagementApiDocs {

    static {
        // Resolved from the access token, not from the request: not a parameter to document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PlatformCaller.class);
    }

    /**
     * Springdoc describes bodies with its own (Jackson 2) mapper, which does not see the application's
     * {@code spring.jackson.property-naming-strategy}: give it the same snake_case names.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
