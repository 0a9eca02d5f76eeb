package org.ssoplatform.gateway.web;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Last line for anything not answered elsewhere (no route, backend down or slow, bugs): always a
 * problem+json with a fixed detail; the exception itself goes only to the log, by type.
 * Runs before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            // Part of an answer is out (a backend failed while its body streamed): only Reactor Netty
            // closing the connection, on seeing the error, tells the caller that the answer is incomplete.
            return Mono.error(ex);
        }
        HttpStatus status = statusOf(ex);
        if (status.is5xxServerError()) {
            RequestLog.log(log, Level.WARN, exchange, "{} {} answered {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), status.value(), ex.getClass().getName());
        }
        return problems.write(exchange, status, detailOf(status));
    }

    private static HttpStatus statusOf(Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            HttpStatus resolved = HttpStatus.resolve(code.value());
            return resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (t instanceof PrematureCloseException) {
                return HttpStatus.BAD_GATEWAY;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource.";
            case SERVICE_UNAVAILABLE -> "A service behind the gateway is unavailable; try again later.";
            case GATEWAY_TIMEOUT -> "A service behind the gateway did not answer in time.";
            case BAD_GATEWAY -> "A service behind the gateway closed the connection before its answer was complete.";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
