package org.ssoplatform.gateway.apikey;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.contract.Headers;
import org.ssoplatform.gateway.tracing.HeadSampling;
import org.ssoplatform.gateway.web.CorrelationIdFilter;
import org.ssoplatform.gateway.web.RequestLog;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * RFC 8693 token exchange at auth-server, exactly as docs/contracts.md pins it. Never errors: every
 * failure becomes {@link Unavailable} so the caller answers 503 rather than letting a key through.
 */
final class TokenExchangeClient {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    sealed interface Result permits Issued, Refused, Unavailable {
    }

    record Issued(String accessToken) implements Result {
    }

    record Refused() implements Result {
    }

    record Unavailable() implements Result {
    }

    private static final Logger log = LoggerFactory.getLogger(TokenExchangeClient.class);

    private final WebClient web;

    private final URI tokenUri;

    private final ApiKeyProperties properties;

    private final ApiKeyMeters meters;

    TokenExchangeClient(WebClient web, URI tokenUri, ApiKeyProperties properties, ApiKeyMeters meters) {
        this.meters = meters;
        this.web = web;
        this.tokenUri = tokenUri;
        this.properties = properties;
    }

    Mono<Result> exchange(String apiKey) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return call(apiKey).doOnNext(result -> meters.exchanged(result, System.nanoTime() - start));
        });
    }

    private Mono<Result> call(String apiKey) {
        return Mono.deferContextual(context -> call(apiKey, context));
    }

    /**
     * A sampled request's trace goes on by the client's observation, an unsampled one's by its traceparent;
     * its correlation id goes as to a backend, so that auth-server's lines for the exchange name it too, and a
     * failure is logged with the request's ids ({@code context}).
     */
    private Mono<Result> call(String apiKey, ContextView context) {
        String unsampledTraceparent = HeadSampling.unsampledTraceparent(context);
        String correlationId = ServerWebExchangeContextFilter.getExchange(context).map(CorrelationIdFilter::of)
            .orElse(null);
        return web.post()
            .uri(tokenUri)
            .headers(h -> {
                h.setBasicAuth(formEncoded(properties.clientId()), formEncoded(properties.clientSecret()));
                if (unsampledTraceparent != null) {
                    h.set(HeadSampling.TRACEPARENT, unsampledTraceparent);
                }
                if (correlationId != null) {
                    h.set(Headers.CORRELATION_ID, correlationId);
                }
            })
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromFormData("grant_type", TOKEN_EXCHANGE)
                .with("subject_token", apiKey)
                .with("subject_token_type", ApiKeyFormat.TOKEN_TYPE))
            .exchangeToMono(response -> read(response, context))
            .timeout(properties.exchangeTimeout())
            .onErrorResume(ex -> {
                RequestLog.log(log, Level.WARN, context, "Token exchange at auth-server failed: {}",
                        ex.getClass().getSimpleName());
                return Mono.just(new Unavailable());
            });
    }

    @SuppressWarnings("rawtypes")
    private Mono<Result> read(ClientResponse response, ContextView context) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (status == HttpStatus.OK) {
            return response.bodyToMono(Map.class)
                .map(body -> body.get("access_token") instanceof String token ? new Issued(token) : new Unavailable());
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return response.bodyToMono(Map.class)
                .map(body -> "invalid_grant".equals(body.get("error")) ? (Result) new Refused() : new Unavailable())
                .defaultIfEmpty(new Unavailable());
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            RequestLog.log(log, Level.ERROR, context,
                    "auth-server refused the gateway's client credentials: check GATEWAY_CLIENT_SECRET");
        }
        else {
            RequestLog.log(log, Level.WARN, context, "Token exchange answered HTTP {}", response.statusCode().value());
        }
        return response.releaseBody().thenReturn(new Unavailable());
    }

    /** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding. */
    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
