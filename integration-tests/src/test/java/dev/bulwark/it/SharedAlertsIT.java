package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The count detectors of two Liberty servers sharing their windows through the rate limiter's redis-server
 * ({@code /it-redis} on both; {@code bulwark.alerts.store} left at AUTO): a credential-stuffing burst split across
 * them, below each server's threshold, raises exactly one alert; with Redis stopped, each server's in-memory windows
 * still raise theirs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedAlertsIT {

    private static final String NODE1 = ItSupport.BASE;
    private static final String NODE2 = System.getProperty("it.node2.url", "https://localhost:9544");
    private static final Path LOG2 = Path.of(System.getProperty("it.log2", "messages2.log"));
    /** The default threshold of {@code bulwark.alerts.auth-failures.per-address}: 20 in a minute. */
    private static final int THRESHOLD = 20;

    private static String log2() {
        try {
            return Files.exists(LOG2) ? Files.readString(LOG2, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alert lines of a client address in a server's log. */
    private static long alerts(String log, String address) {
        return log.lines().filter(l -> l.contains("\"rule.name\":\"auth-failures-by-address\"")
                && l.contains("\"bulwark.alert.key\":\"" + address + "\"")).count();
    }

    private static long alertsOnBoth(String address) {
        return alerts(ItSupport.readLog(), address) + alerts(log2(), address);
    }

    /** Waits (bounded) until the count is at least {@code least}, then a moment more for a late duplicate. */
    private static long settle(Supplier<Long> count, long least) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (count.get() < least && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the other server's writer thread: a second alert would be there by now
        return count.get();
    }

    /** One stuffing attempt: a forged token from {@code address} (a trusted proxy forwards it), refused 401. */
    private static void stuff(String node, String address, int i) {
        HttpResponse<String> r = sendTo(node, "GET", "/it-redis/api/orders/1", null, "Authorization",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c3R1ZmZlZC" + i, "X-Forwarded-For", address);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    private static String randomAddress() {
        return "100.66." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    @Test
    @Order(1)
    void aBurstSplitAcrossTwoServersBelowEachThresholdRaisesExactlyOneAlert() throws Exception {
        String address = randomAddress();
        int each = THRESHOLD * 3 / 5; // 12 on each server: neither reaches 20 alone, together 24
        for (int i = 0; i < each; i++) {
            stuff(NODE1, address, i);
            stuff(NODE2, address, i);
        }
        assertThat(settle(() -> alertsOnBoth(address), 1)).as("alerts for " + address + " across both servers")
                .isEqualTo(1);

        String quiet = randomAddress();
        for (int i = 0; i < THRESHOLD / 2 - 1; i++) { // 18 in total: below the shared threshold
            stuff(NODE1, quiet, i);
            stuff(NODE2, quiet, i);
        }
        assertThat(settle(() -> alertsOnBoth(quiet), 1)).as("no alert below the threshold").isZero();
    }

    @Test
    @Order(2)
    void withRedisStoppedEachServerStillCountsInMemory() throws Exception {
        long unavailable = ItSupport.countLogLines("Bulwark alerts: the shared store is unavailable");
        long back = ItSupport.countLogLines("Bulwark alerts: the shared store answers again");
        String address = randomAddress();
        ItSupport.redis("stop");
        try {
            long started = System.nanoTime();
            for (int i = 0; i < THRESHOLD; i++) {
                stuff(NODE1, address, i);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no request waited for Redis")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(settle(() -> alerts(ItSupport.readLog(), address), 1))
                    .as("node 1's own windows raise the alert").isEqualTo(1);
            assertThat(ItSupport.countLogLines("Bulwark alerts: the shared store is unavailable"))
                    .as("logged once").isEqualTo(unavailable + 1);
        } finally {
            ItSupport.redis("start");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int i = 0;
        while (ItSupport.countLogLines("Bulwark alerts: the shared store answers again") == back
                && System.nanoTime() < deadline) {
            stuff(NODE1, randomAddress(), i++); // a failure to count: the shared windows are tried again
            Thread.sleep(300);
        }
        assertThat(ItSupport.countLogLines("Bulwark alerts: the shared store answers again")).isEqualTo(back + 1);
        HttpResponse<String> metrics = sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application", null,
                "Authorization", ItSupport.METRICS_READER);
        assertThat(metrics.body()).containsPattern("bulwark_alerts_store_errors_total\\{[^}]*\\} [1-9]");
        assertThat(metrics.body()).containsPattern("bulwark_alerts_total\\{[^}]*detector=\"auth-failures-by-address\""
                + "[^}]*\\} [1-9]");
    }
}
