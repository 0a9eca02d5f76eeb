package org.ssoplatform.e2e.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.RSAKey;
import org.ssoplatform.testsupport.TcpProxy;

/**
 * The whole platform, once per test run: the stand-in IdP, auth-server, resource-service, the portal and
 * two gateway replicas, each a real process from its packaged jar on free ports, against real
 * PostgreSQL and Redis; and the local stand-in IdP of {@code ./platform up} (the local-idp jar, with
 * its sign-in form) for browser flows. Gateway A reaches resource-service through a {@link HeaderTap} so
 * tests can see what the backend received; gateway B reaches it directly. Every guard is on as shipped,
 * the key-guessing guard included (10 refused keys per client address a minute): the tests calling from
 * 127.0.0.1 provoke fewer refusals than that in a whole run, and the guard's own test guesses from
 * another loopback address.
 */
public final class Stack implements AutoCloseable {

    /** Signs in as an administrator: auth-server's BOOTSTRAP_ADMINS. */
    public static final String ADMIN_EMAIL = "admin@e2e.test";

    /** How long a rotated-out key secret keeps working (auth-server's setting for this run). */
    public static final Duration ROTATION_GRACE = Duration.ofSeconds(3);

    /** How often auth-server moves the gateways' usage counters to {@code last_used_at}. */
    public static final Duration USAGE_FLUSH_INTERVAL = Duration.ofSeconds(1);

    /**
     * Per-key bucket of both gateways: low enough for a test to exceed it with one burst, high
     * enough that the ~20 requests per second of a revocation poll never do.
     */
    public static final int API_KEY_RATE_CAPACITY = 40;

    /** Per-user bucket of both gateways; a user's management calls come a few at a time. */
    public static final int USER_RATE_CAPACITY = 30;

    private static final int USER_RATE_PER_SECOND = 10;

    /** Lifetime of the portal's access tokens, short enough for a test to see one expire and be refreshed. */
    public static final Duration PORTAL_ACCESS_TOKEN_TTL = Duration.ofSeconds(5);

    /** Where auth-server sends a browser back to a gateway, which routes it to the portal, after signing in. */
    public static final String PORTAL_CALLBACK_PATH = "/portal/login/oauth2/code/portal";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final List<AutoCloseable> resources = new ArrayList<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Path logs;

    private BackingServices services;

    private StandInIdp idp;

    private AppProcess localIdp;

    private PlatformRedis redis;

    private TcpProxy redisLink;

    private Map<String, String> secrets;

    private HeaderTap tap;

    private AppProcess authServer;

    private AppProcess resourceService;

    private AppProcess gatewayA;

    private AppProcess gatewayB;

    private AppProcess portal;

    private Stack(Path logs) {
        this.logs = logs;
    }

    /** Starts everything and waits until every app reports UP; on failure stops what did start. */
    public static Stack start() {
        Stack stack = new Stack(logDirectory());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop")); // Ctrl-C, crashes
        try {
            stack.boot();
            return stack;
        }
        catch (RuntimeException | Error ex) {
            stack.close();
            throw ex;
        }
    }

    private void boot() {
        Instant started = Instant.now();
        services = track(BackingServices.start());
        idp = track(new StandInIdp());
        redis = track(new PlatformRedis(services));
        redisLink = track(redisLink(services));
        int[] ports = Ports.free(7);
        int authPort = ports[0], resourcePort = ports[1], tapPort = ports[2], gatewayAPort = ports[3],
                gatewayBPort = ports[4], localIdpPort = ports[5], portalPort = ports[6];
        String issuer = "http://localhost:" + authPort;
        secrets = Secrets.generate();

        localIdp = track(AppProcess.start("local-idp", jar("local-idp"), localIdpPort,
                Map.of("SERVER_PORT", String.valueOf(localIdpPort)), List.of(), logs));
        List<String> gateways = List.of("http://localhost:" + gatewayAPort, "http://localhost:" + gatewayBPort);
        authServer = track(AppProcess.start("auth-server", jar("auth-server"), authPort,
                authServerEnv(authPort, issuer, secrets, localIdp.url(), gateways), authServerArgs(), logs));
        resourceService = track(AppProcess.start("resource-service", jar("resource-service"), resourcePort,
                Map.of("RESOURCE_SERVICE_PORT", String.valueOf(resourcePort), "AUTH_ISSUER", issuer, "AUTH_SERVER_URL",
                        issuer),
                List.of(), logs));
        tap = track(new HeaderTap(tapPort, resourcePort));
        portal = track(AppProcess.start("portal", jar("portal"), portalPort,
                portalEnv(portalPort, issuer, gateways.get(0), secrets), portalArgs(), logs));
        String portalUrl = "http://localhost:" + portalPort;
        gatewayA = track(AppProcess.start("gateway-a", jar("gateway"), gatewayAPort,
                gatewayEnv(gatewayAPort, issuer, "http://127.0.0.1:" + tapPort, portalUrl), gatewayArgs(), logs));
        gatewayB = track(AppProcess.start("gateway-b", jar("gateway"), gatewayBPort,
                gatewayEnv(gatewayBPort, issuer, "http://127.0.0.1:" + resourcePort, portalUrl), gatewayArgs(), logs));

        localIdp.awaitAnswer(STARTUP_TIMEOUT, "/local/.well-known/openid-configuration", "authorization_endpoint");
        for (AppProcess app : List.of(authServer, resourceService, portal, gatewayA, gatewayB)) {
            app.awaitHealthy(STARTUP_TIMEOUT);
        }
        System.out.printf("e2e: platform up in %d s on %s (logs in %s)%n",
                Duration.between(started, Instant.now()).toSeconds(), services, logs);
    }

    /**
     * As {@code ./platform up} runs it: with the local stand-in ({@code local} profile), gateway A as the
     * public gateway (the portal's redirect, Swagger UI's origin and redirect).
     */
    private Map<String, String> authServerEnv(int port, String issuer, Map<String, String> secrets, String localIdpUrl,
            List<String> gateways) {
        Map<String, String> env = new HashMap<>(services.env());
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", String.valueOf(redisLink.port()));
        env.putAll(secrets);
        env.put("AUTH_SERVER_PORT", String.valueOf(port));
        env.put("AUTH_ISSUER", issuer);
        env.put("BOOTSTRAP_ADMINS", ADMIN_EMAIL);
        // The gateways proxy from this machine; every test client signs in from 127.0.0.1 too, far more
        // often than a person would, so the per-address limits of anonymous work are raised.
        env.put("PLATFORM_TRUSTED_PROXIES", "127.0.0.1/32");
        env.put("PLATFORM_THROTTLE_JSONLOGIN_REQUESTS", "100000");
        env.put("PLATFORM_THROTTLE_LOGINPAGE_REQUESTS", "100000");
        env.put("PLATFORM_THROTTLE_TOKENFAILURES_REQUESTS", "100000");
        // The portal signs in through either gateway, as behind a load balancer each would be the public address.
        env.put("PORTAL_REDIRECT_URI", String.join(",", gateways.stream().map(g -> g + PORTAL_CALLBACK_PATH).toList()));
        env.put("PORTAL_LOGOUT_REDIRECT_URI", String.join(",", gateways.stream().map(g -> g + "/").toList()));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LOCAL_IDP_URL", localIdpUrl);
        env.put("GATEWAY_URL", gateways.get(0));
        return env;
    }

    private List<String> authServerArgs() {
        List<String> args = new ArrayList<>(idp.registrationArgs());
        // Short enough to watch a grace period end, and last_used_at follow use within seconds.
        args.add("--platform.api-keys.rotation-grace=" + ROTATION_GRACE.toMillis() + "ms");
        args.add("--platform.api-keys.usage-flush-interval=" + USAGE_FLUSH_INTERVAL.toMillis() + "ms");
        args.add("--platform.clients.portal.access-token-ttl=" + PORTAL_ACCESS_TOKEN_TTL.toMillis() + "ms");
        // An unbuffered access log: the evidence of which requests reached auth-server at all.
        args.addAll(List.of("--server.tomcat.accesslog.enabled=true",
                "--server.tomcat.accesslog.directory=" + logs.toAbsolutePath(),
                "--server.tomcat.accesslog.prefix=auth-server-access", "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=%t \"%r\" %s %{traceparent}i"));
        return args;
    }

    private Map<String, String> gatewayEnv(int port, String issuer, String resourceServiceUrl, String portalUrl) {
        Map<String, String> env = new HashMap<>(services.env());
        env.remove("POSTGRES_PASSWORD"); // the gateway never talks to PostgreSQL
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", String.valueOf(redisLink.port()));
        env.put("GATEWAY_PORT", String.valueOf(port));
        env.put("AUTH_SERVER_URL", issuer);
        env.put("AUTH_ISSUER", issuer);
        env.put("RESOURCE_SERVICE_URL", resourceServiceUrl);
        env.put("GATEWAY_CLIENT_SECRET", secrets.get("GATEWAY_CLIENT_SECRET"));
        env.put("PORTAL_URL", portalUrl);
        return env;
    }

    /** As {@code ./platform up} runs it: behind gateway A, calling auth-server directly. */
    private Map<String, String> portalEnv(int port, String issuer, String publicUrl, Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>(services.env());
        env.remove("POSTGRES_PASSWORD"); // the portal never talks to PostgreSQL
        env.put("PORTAL_PORT", String.valueOf(port));
        env.put("AUTH_ISSUER", issuer);
        env.put("PORTAL_API_URL", issuer);
        env.put("GATEWAY_URL", publicUrl);
        env.put("PORTAL_CLIENT_SECRET", secrets.get("PORTAL_CLIENT_SECRET"));
        return env;
    }

    /** Its access tokens live 5 s here: refreshed when less than a second is left, not at once. */
    private static List<String> portalArgs() {
        return List.of("--platform.portal.refresh-margin=1s");
    }

    private static List<String> gatewayArgs() {
        return List.of("--platform.gateway.rate-limit.api-key.capacity=" + API_KEY_RATE_CAPACITY,
                "--platform.gateway.rate-limit.api-key.replenish-per-second=" + API_KEY_RATE_CAPACITY,
                "--platform.gateway.rate-limit.user.capacity=" + USER_RATE_CAPACITY,
                "--platform.gateway.rate-limit.user.replenish-per-second=" + USER_RATE_PER_SECOND);
    }

    public String gatewayA() {
        return gatewayA.url();
    }

    public String gatewayB() {
        return gatewayB.url();
    }

    public String resourceService() {
        return resourceService.url();
    }

    public String authServer() {
        return authServer.url();
    }

    /** The portal's own address (people reach it through gateway A). */
    public String portal() {
        return portal.url();
    }

    /** Everything the portal has logged so far. */
    public String portalLog() {
        return AccessLog.read(portal.log());
    }

    public StandInIdp idp() {
        return idp;
    }

    /** The local-idp jar's base URL: its sign-in form is where a browser signs in. */
    public String localIdp() {
        return localIdp.url();
    }

    /**
     * The apps' way to Redis (auth-server's and both gateways'): {@link TcpProxy#stop()} is a Redis outage for
     * the platform, {@link TcpProxy#start()} its end; the tests' own view ({@link #redis()}) stays connected.
     */
    public TcpProxy redisLink() {
        return redisLink;
    }

    private static TcpProxy redisLink(BackingServices services) {
        try {
            return new TcpProxy(services.redisHost(), services.redisPort());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The run's Redis, as the gateways share it. */
    public PlatformRedis redis() {
        return redis;
    }

    /** auth-server's database of this run. */
    public PlatformDatabase database() {
        return new PlatformDatabase(services.env());
    }

    /**
     * The private key auth-server signs with now, decrypted with this run's PLATFORM_SIGNING_SECRET as
     * an operator holding the secret could: for tokens that differ from genuine ones in one claim.
     */
    public RSAKey signingKey() {
        return SigningKeyReader.read(jar("auth-server"), database().currentSigningKey(), secrets.get("PLATFORM_SIGNING_SECRET"));
    }

    /** What resource-service received from gateway A. */
    public HeaderTap backendTap() {
        return tap;
    }

    /** auth-server's request log: one line per request that reached it. */
    public AccessLog authServerAccessLog() {
        return new AccessLog(logs.resolve("auth-server-access.log"));
    }

    /** Everything auth-server has logged so far. */
    public String authServerLog() {
        return AccessLog.read(authServer.log());
    }

    /** Everything both gateways have logged so far. */
    public String gatewayLogs() {
        return AccessLog.read(gatewayA.log()) + AccessLog.read(gatewayB.log());
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private Path jar(String module) {
        Path root = Path.of(System.getProperty("e2e.root", ".."));
        String version = System.getProperty("e2e.version", "0.1.0-SNAPSHOT");
        return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar").toAbsolutePath().normalize();
    }

    private static Path logDirectory() {
        Path dir = Path.of(System.getProperty("e2e.logs", "target/e2e-logs")).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file); // this run's logs only
                }
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot prepare " + dir, ex);
        }
        return dir;
    }

    /** Stops everything, newest first (gateways before what they call); safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        // All apps shut down in parallel; then each is waited for (and killed if it hangs).
        reversed.stream().filter(AppProcess.class::isInstance).map(AppProcess.class::cast).forEach(AppProcess::requestStop);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            }
            catch (Exception ex) {
                System.err.println("e2e: could not stop " + resource + ": " + ex);
            }
        }
    }
}
