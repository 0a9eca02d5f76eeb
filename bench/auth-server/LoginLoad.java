import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Federated logins end to end through the seed's JSON login: /api/v1/auth/{provider}/login, the
 * provider's authorize endpoint (the non-interactive stand-in answers at once), then the callback,
 * which exchanges the code at the provider, reads userinfo, provisions and issues our token.
 * Usage: java LoginLoad.java BASE_URL PROVIDER CONCURRENCY SECONDS
 */
public class LoginLoad {

    private static final Pattern URL = Pattern.compile("\"authorization_url\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String provider = args[1];
        int concurrency = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    if (login(http, base, provider)) {
                        latencies.add(System.nanoTime() - t0);
                    }
                    else {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("logins=%d failures=%d logins_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n", sorted.size(),
                failures.get(), sorted.size() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static boolean login(HttpClient http, String base, String provider) {
        try {
            HttpResponse<String> started = get(http, base + "/api/v1/auth/" + provider + "/login");
            Matcher url = URL.matcher(started.body());
            if (started.statusCode() != 200 || !url.find()) {
                return false;
            }
            HttpResponse<String> authorized = get(http, url.group(1).replace("\\u0026", "&"));
            String callback = authorized.headers().firstValue("Location").orElse(null);
            if (callback == null) {
                return false;
            }
            HttpResponse<String> done = get(http, callback);
            return done.statusCode() == 200 && done.body().contains("\"access_token\"");
        }
        catch (Exception ex) {
            return false;
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
    }
}
