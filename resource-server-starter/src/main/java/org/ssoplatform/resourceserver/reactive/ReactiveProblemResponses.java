package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.PlatformProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes a {@link PlatformProblem} from the security web filters, outside any handler's message writers. */
final class ReactiveProblemResponses {

    private ReactiveProblemResponses() {
    }

    static Mono<Void> write(ServerWebExchange exchange, PlatformProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        if (problem.wwwAuthenticate() != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, problem.wwwAuthenticate());
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = problem.body(exchange.getRequest().getPath().value());
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
