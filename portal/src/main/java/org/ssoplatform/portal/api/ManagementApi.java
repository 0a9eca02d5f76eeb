package org.ssoplatform.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.ssoplatform.portal.config.PortalProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-server's management API, called on the server side with the signed-in user's access token. A refusal
 * becomes an {@link ApiException} carrying the problem's readable parts; no answer in time, an
 * {@link ApiUnavailableException}.
 */
@Component
public class ManagementApi {

    private final RestClient http;

    private final AccessTokens tokens;

    private final JsonMapper json;

    ManagementApi(RestClient.Builder builder, PortalProperties portal, AccessTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
        this.http = builder.baseUrl(portal.apiUrl())
            .requestFactory(requestFactory(portal))
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw problem(response);
            })
            .build();
    }

    private static JdkClientHttpRequestFactory requestFactory(PortalProperties portal) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(portal.apiTimeout()).build());
        factory.setReadTimeout(portal.apiTimeout());
        return factory;
    }

    public <T> T get(Class<T> type, String path, Object... variables) {
        return exchange(HttpMethod.GET, null, path, variables, response -> response.body(type));
    }

    public <T> T get(ParameterizedTypeReference<T> type, String path, Object... variables) {
        return exchange(HttpMethod.GET, null, path, variables, response -> response.body(type));
    }

    public <T> T send(HttpMethod method, Object body, Class<T> type, String path, Object... variables) {
        return exchange(method, body, path, variables, response -> response.body(type));
    }

    public void send(HttpMethod method, Object body, String path, Object... variables) {
        exchange(method, body, path, variables, RestClient.ResponseSpec::toBodilessEntity);
    }

    private <R> R exchange(HttpMethod method, Object body, String path, Object[] variables,
            Function<RestClient.ResponseSpec, R> read) {
        String token = tokens.current();
        try {
            RestClient.RequestBodySpec request = http.method(method)
                .uri(path, variables)
                .headers(headers -> headers.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return read.apply(request.retrieve());
        }
        catch (ResourceAccessException ex) {
            throw new ApiUnavailableException(ex);
        }
    }

    private ApiException problem(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode problem;
        try (InputStream body = response.getBody()) {
            problem = json.readTree(body);
        }
        catch (RuntimeException | IOException ex) {
            problem = null; // not JSON: the status alone says what happened
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String message = null;
        String code = null;
        if (problem != null && problem.isObject()) {
            message = text(problem, "detail");
            if (message == null) {
                message = text(problem, "title");
            }
            code = text(problem, "code");
            for (JsonNode error : problem.path("errors")) {
                String field = text(error, "field");
                String text = text(error, "message");
                if (field != null && text != null) {
                    fields.merge(field, text, (a, b) -> a + "; " + b);
                }
            }
        }
        return new ApiException(status, code, message != null ? message : fallback(status), fields);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String fallback(int status) {
        return switch (status) {
            case 401 -> "Your session has ended. Please sign in again.";
            case 403 -> "You are not allowed to do that.";
            case 404 -> "That no longer exists.";
            case 409 -> "That conflicts with a change made meanwhile. Reload and try again.";
            case 429 -> "Too many requests. Wait a moment and try again.";
            default -> status >= 500 ? "The platform could not do that right now. Try again shortly."
                    : "The request was refused (" + status + ").";
        };
    }
}
