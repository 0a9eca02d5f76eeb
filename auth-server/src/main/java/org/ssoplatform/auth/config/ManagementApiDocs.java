package org.ssoplatform.auth.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.PublicGateway;
import org.ssoplatform.resourceserver.PlatformCaller;

/**
 * The OpenAPI document of the management API ({@code /v3/api-docs}; Swagger UI at {@code /docs}, ReDoc at
 * {@code /redoc}), read through the gateway: its server is the gateway, and Swagger UI's Authorize signs
 * in with the public client {@code swagger} (authorization code + PKCE) or takes a pasted token.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "SSO platform management API", version = "v1", description = """
        Users, roles, permissions, API keys, OAuth clients and the audit trail. Send `Authorization: Bearer <token>`: here, \
        **Authorize** signs you in and gets one; locally `./platform token [EMAIL]` prints one.

        Errors are RFC 9457 `application/problem+json` with a machine-readable `code`: 400 bad input (validation \
        failures list each snake_case field in `errors`), 401 no or wrong kind of token, 403 missing role or \
        permission, 404 unknown id **in the path** (ids inside a body are input: unknown ones give 400), 409 \
        duplicates, deletions of things still in use (unless `?cascade=true`) and concurrent changes, 413 bodies \
        over 64 KB, 415 a body that is not JSON.

        Listing users needs the `admin` role (and `users:read`). Reads of roles and permissions need `users:read`; their writes need the `admin` role. OAuth clients (`/api/v1/clients`) need the `admin` role and a user's JWT. API keys are managed with a user's JWT only; \
GitHub's leak reports (`POST /api/v1/api-keys/leaks`) carry GitHub's signature instead of a token."""),
        security = { @SecurityRequirement(name = ManagementApiDocs.OAUTH), @SecurityRequirement(name = "bearer") })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token you already have, e.g. from `./platform token`.")
class ManagementApiDocs implements WebMvcConfigurer {

    static final String OAUTH = "oauth";

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

    /**
     * The parts that depend on the deployment: the gateway as the only server (calls from Swagger UI go
     * where every client's go), the sign-in flow at the public issuer; and each operation once, at the
     * seed's path (the API answers both {@code /roles} and {@code /roles/}, the document lists
     * {@code /roles/}).
     */
    @Bean
    OpenApiCustomizer platformApiDocument(PublicGateway gateway, AuthServerProperties auth) {
        return openApi -> {
            openApi.setServers(List.of(new Server().url(gateway.base()).description("The gateway")));
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(OAUTH, signIn(auth.issuer()));
            openApi.setPaths(withoutSlashlessTwins(openApi.getPaths()));
        };
    }

    private static io.swagger.v3.oas.models.security.SecurityScheme signIn(String issuer) {
        String base = issuer.replaceAll("/+$", "");
        Scopes scopes = new Scopes();
        Map.of("openid", "Sign in (OpenID Connect)", "profile", "Your name", "email", "Your e-mail address")
            .forEach(scopes::addString);
        return new io.swagger.v3.oas.models.security.SecurityScheme()
            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.OAUTH2)
            .description("Sign in through the platform (authorization code with PKCE, public client `swagger`).")
            .flows(new OAuthFlows().authorizationCode(new OAuthFlow().authorizationUrl(base + "/oauth2/authorize")
                .tokenUrl(base + "/oauth2/token")
                .refreshUrl(base + "/oauth2/token")
                .scopes(scopes)));
    }

    /** Drops {@code /x} where {@code /x/} is documented: both are one mapping. */
    static Paths withoutSlashlessTwins(Paths paths) {
        if (paths == null) {
            return null;
        }
        Set<String> keys = paths.keySet();
        Paths kept = new Paths();
        paths.forEach((path, item) -> {
            if (path.endsWith("/") || !keys.contains(path + "/")) {
                kept.addPathItem(path, item);
            }
        });
        if (paths.getExtensions() != null) {
            kept.setExtensions(paths.getExtensions());
        }
        return kept;
    }

    /** ReDoc: a static page rendering the same document. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/redoc").setViewName("forward:/redoc.html");
    }
}
