package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Liberty servers counting in one real redis-server (started by the build) enforce one global limit; when
 * Redis stops, requests are still answered at once with local counts, and shared counting comes back when Redis
 * does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRateLimitIT {

    private static final String NODE1 = ItSupport.BASE;
    /** The rate limiter's line (the alert windows, on the same Redis, log a recovery of their own). */
    private static final String RECOVERED =
            "Bulwark rate limiting: the shared store answers again; back to shared counts";
    private static final String NODE2 = System.getProperty("it.node2.url", "https://localhost:9544");

    /** Node 1's application metrics, from the management port with the metrics reader's credentials. */
    private static String metrics() {
        HttpResponse<String> r = sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application", null,
                "Authorization", ItSupport.METRICS_READER);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    @Order(1)
    void twoServersShareOneLimit() {
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = sendTo(i % 2 == 0 ? NODE1 : NODE2, "GET", "/it-redis/api/limited/spoof", null);
            if (r.statusCode() == 200) {
                allowed++;
            } else {
                assertProblem(r, 429);
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(allowed).as("one global limit of 5 across both servers").isEqualTo(5);
    }

    @Test
    @Order(3)
    void redisGoingDownNeitherHangsRequestsNorLetsTrafficThroughUnmetered() throws Exception {
        String path = "/it-redis/api/limited/head";
        assertThat(sendTo(NODE1, "GET", path, null).statusCode()).isEqualTo(200);
        // counted from here: a Redis call that timed out earlier on this loaded machine may have logged both lines
        long back = ItSupport.countLogLines(RECOVERED);
        long down = ItSupport.countLogLines("the shared store is unavailable; counting locally");
        ItSupport.redis("stop");
        try {
            int allowed = 0;
            long started = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> r = sendTo(NODE1, "GET", path, null);
                assertThat(r.statusCode()).isIn(200, 429);
                allowed += r.statusCode() == 200 ? 1 : 0;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no request waited for Redis")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(allowed).as("the local fallback still limits").isLessThanOrEqualTo(5);
            assertThat(ItSupport.countLogLines("the shared store is unavailable; counting locally"))
                    .as("the outage is logged (on the request that met it)").isGreaterThan(down);
        } finally {
            ItSupport.redis("start");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            sendTo(NODE1, "GET", "/it-redis/api/limited/items/1", null);
            if (ItSupport.countLogLines(RECOVERED) > back || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(ItSupport.countLogLines(RECOVERED)).as("shared counting is back once Redis is").isGreaterThan(back);
        String metrics = metrics();
        assertThat(metrics).containsPattern("bulwark_ratelimit_store_errors_total\\{[^}]*\\} [1-9]");
    }

    @Test
    @Order(2)
    void decisionsAreCountedPerPolicyAndOutcome() {
        for (int i = 0; i < 7; i++) {
            sendTo(NODE1, "GET", "/it-redis/api/limited/key", null, "X-API-Key", "metrics-key");
        }
        String metrics = metrics();
        assertThat(metrics).containsPattern("bulwark_ratelimit_decisions_total\\{[^}]*outcome=\"allowed\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("bulwark_ratelimit_decisions_total\\{[^}]*outcome=\"limited\"[^}]*\\} [1-9]");
    }
}
