package org.ssoplatform.gateway.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Request paths matched against Ant-style patterns, with the same parser and path (the path within
 * the application) as {@code ServerWebExchangeMatchers.pathMatchers}, but answered at once: Spring
 * Security's matchers build a Reactor pipeline per pattern, and every request is matched against each
 * security chain in turn (see docs/performance.md#edge-pipeline).
 * Matching requests get no URI template variables, which none of the gateway's patterns has.
 */
public final class PathPatterns implements ServerWebExchangeMatcher, Predicate<ServerHttpRequest> {

    private static final Mono<MatchResult> MATCH = MatchResult.match();

    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private final List<PathPattern> patterns;

    private PathPatterns(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    public static PathPatterns of(String... patterns) {
        return new PathPatterns(Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList());
    }

    public static PathPatterns of(List<String> patterns) {
        return of(patterns.toArray(String[]::new));
    }

    @Override
    public boolean test(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : this.patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return test(exchange.getRequest()) ? MATCH : NO_MATCH;
    }

    @Override
    public String toString() {
        return "PathPatterns " + this.patterns;
    }
}
