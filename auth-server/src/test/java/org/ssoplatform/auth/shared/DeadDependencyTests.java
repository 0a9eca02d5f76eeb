package org.ssoplatform.auth.shared;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.InstanceTokens;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.testsupport.SilentServer;
import org.ssoplatform.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No request waits long on a dead dependency: with PostgreSQL or Redis gone, auth-server answers a 503 problem
 * with {@code Retry-After} at once and recovers by itself when they return; an identity provider that accepts
 * connections and never answers costs a sign-in at most the provider timeout. The instance reaches the real
 * servers through proxies that the tests close and reopen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadDependencyTests extends AuthServerFlow {

    @Autowired
    ConfigurableEnvironment environment;

    private TcpProxy redis;

    private TcpProxy postgres;

    private SilentServer silentProvider;

    private ConfigurableApplicationContext instance;

    private Http http;

    @BeforeAll
    void startInstance() throws IOException {
        String url = environment.getProperty("spring.datasource.url"); // jdbc:postgresql://host:port/db
        URI database = URI.create(url.substring("jdbc:".length()));
        redis = new TcpProxy(environment.getProperty("spring.data.redis.host"),
                environment.getProperty("spring.data.redis.port", Integer.class));
        postgres = new TcpProxy(database.getHost(), database.getPort());
        silentProvider = new SilentServer();
        String client = "spring.security.oauth2.client.";
        String silent = silentProvider.url();
        instance = SecondInstance.start(environment,
                "spring.datasource.url=" + url.replace("//" + database.getAuthority() + "/", "//127.0.0.1:" + postgres.port() + "/"),
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
                client + "registration.silent.client-id=platform-silent", client + "registration.silent.client-secret=s",
                client + "registration.silent.authorization-grant-type=authorization_code",
                client + "registration.silent.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                client + "registration.silent.scope=profile",
                client + "provider.silent.authorization-uri=" + silent + "/authorize",
                client + "provider.silent.token-uri=" + silent + "/token",
                client + "provider.silent.user-info-uri=" + silent + "/userinfo",
                client + "provider.silent.user-name-attribute=id");
        http = new Http(SecondInstance.base(instance));
    }

    @AfterAll
    void stopInstance() throws IOException {
        instance.close();
        redis.close();
        postgres.close();
        silentProvider.close();
    }

    @Test
    void withRedisDownTheJsonLoginStartIsA503ProblemWithRetryAfter() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/auth/google/login", null).status() == 200);

        redis.stop();
        try {
            for (int i = 0; i < 3; i++) {
                assertUnavailable(within(Duration.ofSeconds(2), () -> http.get("/api/v1/auth/google/login", null)));
            }
        }
        finally {
            redis.start();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/api/v1/auth/google/login", null).status() == 200);
    }

    @Test
    void withPostgresDownManagementCallsAre503WithinOneSecondAndRecoverWhenItReturns() throws Exception {
        String admin = InstanceTokens.admin(instance);
        assertThat(http.get("/api/v1/roles", admin).status()).isEqualTo(200);

        postgres.stop();
        try {
            for (String path : List.of("/api/v1/roles", "/api/v1/users", "/api/v1/roles/permissions")) {
                assertUnavailable(within(Duration.ofSeconds(1), () -> http.get(path, admin)));
            }
        }
        finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/api/v1/roles", admin).status() == 200);
    }

    @Test
    void withRedisHungTheJsonLoginIsA503WithinTwoSecondsAndManagementCallsStillAnswer() throws Exception {
        String admin = InstanceTokens.admin(instance);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/auth/google/login", null).status() == 200);

        redis.freeze();
        try {
            for (int i = 0; i < 2; i++) {
                // Bearer-token management calls keep no session: they answer from PostgreSQL alone.
                assertThat(within(Duration.ofSeconds(2), () -> http.get("/api/v1/roles", admin)).status()).isEqualTo(200);
                assertUnavailable(within(Duration.ofSeconds(2), () -> http.get("/api/v1/auth/google/login", null)));
            }
        }
        finally {
            redis.thaw();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/auth/google/login", null).status() == 200);
    }

    @Test
    void withPostgresHungOnOpenConnectionsManagementCallsAre503WithinTwoSeconds() throws Exception {
        String admin = InstanceTokens.admin(instance);
        for (int i = 0; i < 5; i++) { // connections used this recently are handed out without a validation query
            assertThat(http.get("/api/v1/users", admin).status()).isEqualTo(200);
        }

        postgres.freeze();
        try {
            for (String path : List.of("/api/v1/users", "/api/v1/roles")) {
                assertUnavailable(within(Duration.ofSeconds(2), () -> http.get(path, admin)));
            }
        }
        finally {
            postgres.thaw();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/roles", admin).status() == 200);
    }

    @Test
    void aProviderThatNeverAnswersCostsTheSignInAtMostItsTimeout() {
        signInWith("silent").get(); // the first one also loads the sign-in's classes: the second is measured

        Http.Response finished = within(Duration.ofSeconds(2), signInWith("silent"));

        assertThat(finished.status()).as(finished.body()).isEqualTo(502);
        assertThat(finished.contentType()).startsWith("application/problem+json");
    }

    /** Starts a JSON login and returns its callback, as the provider's redirect would reach it. */
    private Supplier<Http.Response> signInWith(String provider) {
        Http.Response started = http.get("/api/v1/auth/" + provider + "/login", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String state = UriComponentsBuilder.fromUriString(started.json().path("authorization_url").asString()).build()
            .getQueryParams().getFirst("state");
        return () -> http.get("/api/v1/auth/" + provider + "/callback?code=c&state=" + state, null);
    }

    private static void assertUnavailable(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("Redis").doesNotContain("PSQL");
    }

    private static Http.Response within(Duration bound, Supplier<Http.Response> call) {
        long start = System.nanoTime();
        Http.Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within " + bound).isLessThan(bound);
        return response;
    }
}
