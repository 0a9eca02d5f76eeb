package org.ssoplatform.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcherEntry;
import org.springframework.test.util.ReflectionTestUtils;
import org.ssoplatform.gateway.config.GatewayProperties;
import org.ssoplatform.gateway.support.SharedGateway;
import reactor.core.publisher.Mono;

/**
 * The lanes beside Spring Security's chains obey the API chain's authorization rules: a rule added to
 * {@code apiSecurityFilterChain} that one of them skips fails here. The API-key lane lets every caller an
 * accepted key makes through on every path, so every rule of the chain must grant that caller, and so does
 * the bearer lane with the caller the chain made of a token it accepted on some path; the
 * no-credential lane lets anyone through on a public path, so the chain must grant that path to anyone.
 */
class LaneAuthorizationTests extends SharedGateway {

    @Autowired
    @Qualifier("apiSecurityFilterChain")
    SecurityWebFilterChain apiChain;

    @Autowired
    GatewayProperties properties;

    @Test
    void everyRuleOfTheApiChainLetsThroughTheCallerAnAcceptedKeyMakes() {
        List<ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>>> rules = rules();

        assertThat(rules).isNotEmpty();
        for (ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>> rule : rules) {
            assertThat(grants(rule.getEntry(), Mono.just(keyCaller()), "/examples/anything"))
                .as("the API-key lane skips the rule %s of the API chain", rule.getMatcher())
                .isTrue();
        }
    }

    @Test
    void everyRuleOfTheApiChainLetsThroughTheCallerAnAcceptedBearerTokenMakes() {
        List<ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>>> rules = rules();

        for (ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>> rule : rules) {
            for (String path : new String[] { "/examples/anything", "/api/v1/users/me" }) {
                assertThat(grants(rule.getEntry(), Mono.just(bearerCaller()), path))
                    .as("the bearer lane skips the rule %s of the API chain on %s", rule.getMatcher(), path)
                    .isTrue();
            }
        }
    }

    @Test
    void theApiChainLetsAnyoneThroughOnEveryPathTheNoCredentialLaneTakes() {
        List<ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>>> rules = rules();

        for (String pattern : properties.publicPaths()) {
            String path = pattern.replace("**", "any").replace("*", "any");
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
            ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>> first = rules.stream()
                .filter(rule -> rule.getMatcher().matches(exchange).block().isMatch())
                .findFirst()
                .orElseThrow();
            assertThat(grants(first.getEntry(), Mono.empty(), path))
                .as("the no-credential lane takes %s, which the API chain refuses to anyone", path)
                .isTrue();
        }
    }

    /** The API chain's authorization rules, in their order. */
    @SuppressWarnings("unchecked")
    private List<ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>>> rules() {
        AuthorizationWebFilter authorization = this.apiChain.getWebFilters()
            .filter(AuthorizationWebFilter.class::isInstance)
            .cast(AuthorizationWebFilter.class)
            .single()
            .block();
        Object manager = ReflectionTestUtils.getField(authorization, "authorizationManager");
        return (List<ServerWebExchangeMatcherEntry<ReactiveAuthorizationManager<AuthorizationContext>>>) ReflectionTestUtils
            .getField(manager, "mappings");
    }

    private static boolean grants(ReactiveAuthorizationManager<AuthorizationContext> rule,
            Mono<Authentication> caller, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        AuthorizationResult result = rule.authorize(caller, new AuthorizationContext(exchange)).block();
        return result != null && result.isGranted();
    }

    /** As the API chain's converter makes it of a person's token, which the bearer lane then reuses. */
    private static Authentication bearerCaller() {
        Jwt jwt = Jwt.withTokenValue("a-persons-token")
            .header("alg", "RS256")
            .subject("user-1")
            .claim("scope", "profile email")
            .claim("roles", List.of("user"))
            .build();
        return new JwtAuthenticationConverter().convert(jwt);
    }

    /** As {@code apikey.ExchangedToken} makes it: the exchanged token's claims, no authorities. */
    private static Authentication keyCaller() {
        Jwt jwt = Jwt.withTokenValue("exchanged")
            .header("alg", "RS256")
            .subject("user-1")
            .claim("api_key_id", "42")
            .build();
        return new JwtAuthenticationToken(jwt, List.of());
    }
}
