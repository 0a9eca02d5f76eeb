package org.ssoplatform.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.testsupport.RealRedis;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * One gateway on a real Redis, in front of WireMock stand-ins for auth-server and resource-service.
 * Every subclass shares this configuration and so one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealRedis.class)
public abstract class SharedGateway {

    protected static final StandIns STAND_INS = new StandIns();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ReactiveStringRedisTemplate redis;

    @Autowired
    protected RedisKeys redisKeys;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    protected WebTestClient client() {
        return client(port, "127.0.0.1");
    }

    /** Requests from another loopback address: failed-attempt limits are per client address. */
    protected WebTestClient client(String sourceAddress) {
        return client(port, sourceAddress);
    }

    public static WebTestClient client(int port, String sourceAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(sourceAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
            .baseUrl("http://127.0.0.1:" + port)
            .filter(SharedGateway::readWholeBody)
            .responseTimeout(Duration.ofSeconds(10))
            .build();
    }

    /**
     * Most tests assert a status and never read the body, and WebTestClient then leaves Netty's buffers
     * unreleased (spring-framework#36050), which Netty's leak detector reports as leaks. Reading every body
     * here releases them; the test reads a heap copy.
     */
    private static Mono<ClientResponse> readWholeBody(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).flatMap(response -> response.bodyToMono(byte[].class)
            .map(body -> response.mutate().body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))).build())
            .defaultIfEmpty(response));
    }

    /** A backend path no other test uses, so its journal holds only this test's requests. */
    protected static String uniqueBackendPath() {
        return "/examples/t-" + UUID.randomUUID();
    }

    protected static List<LoggedRequest> backendReceived(String path) {
        return STAND_INS.backend.findAll(anyRequestedFor(urlPathEqualTo(path)));
    }
}
