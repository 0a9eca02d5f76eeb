package org.ssoplatform.gateway.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import static org.assertj.core.api.Assertions.assertThat;

class PathPatternsTests {

    private static final String[] PATTERNS = { "/examples/public", "/api/v1/auth/**", "/actuator/health",
            "/actuator/health/**", "/portal/**", "/logout" };

    private static final List<String> PATHS = List.of("/examples/public", "/examples/public/", "/examples/publicity",
            "/examples/public/x", "/EXAMPLES/public", "/examples//public", "/examples/./public", "/examples/%70ublic",
            "/api/v1/auth/github/login", "/api/v1/auth", "/api/v1/authx", "/api/v1/users", "/actuator/health",
            "/actuator/health/readiness", "/actuator/healthz", "/portal", "/portal/", "/portal/api/v1/users/me",
            "/logout", "/logout/", "/", "/examples/public;jsessionid=1", "/examples/public?x=1");

    @Test
    void everyPathGetsTheVerdictOfSpringSecuritysPathMatchers() {
        ServerWebExchangeMatcher spring = ServerWebExchangeMatchers.pathMatchers(PATTERNS);
        PathPatterns ours = PathPatterns.of(PATTERNS);

        for (String path : PATHS) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
            boolean expected = spring.matches(exchange).map(MatchResult::isMatch).block();
            assertThat(ours.matches(exchange).map(MatchResult::isMatch).block()).as(path).isEqualTo(expected);
            assertThat(ours.test(exchange.getRequest())).as(path).isEqualTo(expected);
        }
    }

    @Test
    void aPathUnderAContextPathIsMatchedWithinTheApplication() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/edge/portal/me")
            .contextPath("/edge"));

        assertThat(PathPatterns.of("/portal/**").test(exchange.getRequest())).isTrue();
        assertThat(PathPatterns.of("/edge/**").test(exchange.getRequest())).isFalse();
    }
}
