package org.ssoplatform.resourceserver.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's {@code /examples/*} routes against every kind of caller, with the exact status, challenge and body a
 * client sees. Every example service (Spring MVC and WebFlux) runs these same cases over real HTTP, so the two web
 * stacks cannot drift apart.
 */
public final class ExamplesMatrix {

    private static final String AUTHENTICATION_REQUIRED =
            "Authentication is required: send an access token as 'Authorization: Bearer <token>'.";

    private static final String INVALID_TOKEN = "The access token is invalid, expired, or not issued for this service.";

    private static final String FORBIDDEN = "The access token lacks a role, permission or scope this endpoint requires.";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExamplesMatrix() {
    }

    /** One request and what it must get back. */
    public record Case(String name, String path, String token, Map<String, String> headers, int status,
            String challenge, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** For {@code @MethodSource("org.ssoplatform.resourceserver.testing.ExamplesMatrix#cases")}. */
    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[][] table = {
                // path, then the outcome for USER_JWT, ADMIN_JWT, READ_KEY, ADMIN_KEY, CLIENT
                { "jwt-only", "ok", "ok", "wrong", "wrong", "wrong" },
                { "apikey-only", "wrong", "wrong", "ok", "ok", "wrong" },
                { "either-auth", "ok", "ok", "ok", "ok", "wrong" },
                { "admin-only", "forbidden", "ok", "forbidden", "ok", "wrong" },
                { "read-users-permission", "ok", "ok", "ok", "ok", "wrong" },
                { "write-users-permission", "forbidden", "ok", "forbidden", "ok", "wrong" } };
        String[] callers = { "USER_JWT", "ADMIN_JWT", "READ_KEY", "ADMIN_KEY", "CLIENT" };
        for (String[] row : table) {
            String path = "/examples/" + row[0];
            for (int i = 0; i < callers.length; i++) {
                cases.add(expect(path, callers[i], row[i + 1]));
            }
            cases.add(new Case(path + " without a token", path, null, Map.of(), 401, "Bearer",
                    problem(401, path, AUTHENTICATION_REQUIRED)));
            String expired = TestTokens.user("42").expiresIn(Duration.ofMinutes(-5)).issue();
            cases.add(new Case(path + " with an expired token", path, expired, Map.of(), 401,
                    "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"",
                    problem(401, path, INVALID_TOKEN)));
        }
        String publicBody = """
                {"message":"This is a public endpoint - no authentication required","status":"public"}""";
        cases.add(new Case("/examples/public without a token", "/examples/public", null, Map.of(), 200, null, publicBody));
        cases.add(new Case("/examples/public with USER_JWT", "/examples/public", SeedCallers.USER_JWT, Map.of(), 200,
                null, publicBody));
        cases.add(new Case("/examples/either-auth with USER_JWT and spoofed identity headers", "/examples/either-auth",
                SeedCallers.USER_JWT, Map.of("X-User-Id", "1", "X-Auth-Type", "API_KEY", "X-Api-Key-Id", "8",
                        "X-User-Email", "grace@example.com"),
                200, null, success("Success! You accessed this endpoint with JWT token", "USER_JWT")));
        cases.add(new Case("/examples/apikey-only with spoofed identity headers and no token", "/examples/apikey-only",
                null, Map.of("X-User-Id", "1", "X-Auth-Type", "API_KEY"), 401, "Bearer",
                problem(401, "/examples/apikey-only", AUTHENTICATION_REQUIRED)));
        return cases;
    }

    /** Sends the case's request to the service on {@code localhost:port} and checks every part of the answer. */
    public static void check(int port, Case expected) throws IOException, InterruptedException, JSONException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + expected.path()))
            .timeout(Duration.ofSeconds(10));
        if (expected.token() != null) {
            request.header("Authorization", "Bearer " + expected.token());
        }
        expected.headers().forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status").isEqualTo(expected.status());
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("challenge")
            .isEqualTo(Optional.ofNullable(expected.challenge()));
        assertThat(response.headers().firstValue("Content-Type")).as("content type")
            .hasValueSatisfying(type -> assertThat(type)
                .startsWith(expected.status() == 200 ? "application/json" : "application/problem+json"));
        JSONAssert.assertEquals(expected.body(), response.body(), JSONCompareMode.STRICT);
    }

    private static Case expect(String path, String caller, String outcome) {
        String name = path + " with " + caller;
        String token = SeedCallers.token(caller);
        return switch (outcome) {
            case "ok" -> new Case(name, path, token, Map.of(), 200, null, success(message(path, caller), caller));
            case "forbidden" -> new Case(name, path, token, Map.of(), 403,
                    "Bearer error=\"insufficient_scope\", error_description=\"The request requires higher privileges "
                            + "than provided by the access token\"",
                    problem(403, path, FORBIDDEN));
            case "wrong" -> {
                String accepted = "This endpoint accepts only " + accepted(path);
                yield new Case(name, path, token, Map.of(), 401,
                        "Bearer error=\"invalid_token\", error_description=\"" + accepted + "\"",
                        problem(401, path, accepted + "."));
            }
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    private static String accepted(String path) {
        return switch (path) {
            case "/examples/jwt-only" -> "a user JWT";
            case "/examples/apikey-only" -> "an API key";
            default -> "a user JWT or an API key";
        };
    }

    private static String message(String path, String caller) {
        boolean key = caller.endsWith("_KEY");
        return switch (path) {
            case "/examples/jwt-only" -> "Success! You accessed this endpoint with JWT token";
            case "/examples/apikey-only" -> "Success! You accessed this endpoint with API Key";
            case "/examples/either-auth" -> "Success! You accessed this endpoint with " + (key ? "API Key" : "JWT token");
            case "/examples/admin-only" -> "Admin access granted";
            case "/examples/read-users-permission" -> "You have permission to read users";
            case "/examples/write-users-permission" -> "You have permission to write users";
            default -> throw new IllegalArgumentException(path);
        };
    }

    /** The seed's body: the message and who called, from the token. */
    private static String success(String message, String caller) {
        boolean grace = caller.startsWith("ADMIN");
        return """
                {"message":"%s","user_id":%d,"email":"%s","auth_type":"%s"}""".formatted(message, grace ? 1 : 42,
                grace ? "grace@example.com" : "ada@example.com", caller.endsWith("_KEY") ? "API_KEY" : "JWT");
    }

    private static String problem(int status, String path, String detail) {
        String title = status == 401 ? "Unauthorized" : "Forbidden";
        return """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
            .formatted(title, status, detail.replace("\"", "\\\""), path);
    }
}
