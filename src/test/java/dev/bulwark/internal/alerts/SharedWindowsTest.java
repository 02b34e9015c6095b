package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.MutableClock;
import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.ratelimit.RedisScripts;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The count detectors of several servers sharing their windows through one Redis. Redis is modelled here by what the
 * two scripts do (the Liberty integration test runs them in a real redis-server); what is tested is the detectors'
 * side: keys, expiries, one alert across the servers, the in-memory fallback.
 */
class SharedWindowsTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark.alerts");

    private final MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
    private final ModelRedis redis = new ModelRedis();
    private final AtomicInteger storeErrors = new AtomicInteger();

    /** What the scripts do, on maps; every call recorded. */
    private final class ModelRedis implements RedisScripts {
        final Map<String, Long> counters = new HashMap<>();
        final Map<String, Long> expiries = new HashMap<>();
        final Map<String, TreeMap<String, Long>> sets = new HashMap<>();
        final List<List<String>> calls = new ArrayList<>();
        final List<List<String>> arguments = new ArrayList<>();
        boolean down;

        private boolean live(String key) {
            Long until = expiries.get(key);
            return until == null || until > clock.millis();
        }

        @Override
        public List<Long> run(String script, List<String> keys, List<String> args) {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            calls.add(keys);
            arguments.add(args);
            String alert = keys.get(keys.size() - 1);
            if (script.equals(SharedWindows.COUNT)) {
                long c = (live(keys.get(0)) ? counters.getOrDefault(keys.get(0), 0L) : 0L) + 1;
                counters.put(keys.get(0), c);
                if (c == 1) {
                    expiries.put(keys.get(0), clock.millis() + Long.parseLong(args.get(1)));
                }
                long sum = c;
                for (int i = 1; i < keys.size() - 1; i++) {
                    sum += live(keys.get(i)) ? counters.getOrDefault(keys.get(i), 0L) : 0L;
                }
                return List.of(sum, sum >= Long.parseLong(args.get(0)) && setNx(alert, args.get(2)) ? 1L : 0L);
            }
            assertThat(script).isEqualTo(SharedWindows.DISTINCT);
            long now = Long.parseLong(args.get(0));
            long window = Long.parseLong(args.get(1));
            int threshold = Integer.parseInt(args.get(3));
            TreeMap<String, Long> set = sets.computeIfAbsent(keys.get(0), k -> new TreeMap<>());
            set.put(args.get(2), now);
            set.values().removeIf(seen -> seen <= now - window);
            long n = set.size();
            return List.of(n, n >= threshold && setNx(alert, args.get(1)) ? 1L : 0L);
        }

        private boolean setNx(String key, String px) {
            if (counters.containsKey(key) && live(key)) {
                return false;
            }
            counters.put(key, 1L);
            expiries.put(key, clock.millis() + Long.parseLong(px));
            return true;
        }
    }

    /** One server's detectors, sharing the model Redis. */
    private Detectors server(List<SecurityAlert> alerts, String... overrides) {
        return new Detectors(AlertConfig.with(overrides), alerts::add, redis, "bulwark:rl", storeErrors::incrementAndGet);
    }

    private AuditEvent badToken(String address) {
        return new AuditEvent(clock.millis(), 1000, "GET", "GET /app/api/orders/{id}", false, "/app/api/orders/9",
                401, -1, 120, address, null, null, "ua", "corr-" + clock.millis(), null,
                Refusal.of(Phase.BEARER_TOKEN, ProblemKind.UNAUTHORIZED, "bad signature"));
    }

    private AuditEvent withToken(String address, String jti) {
        return new AuditEvent(clock.millis(), 1000, "GET", "GET /app/api/orders/{id}", false, "/app/api/orders/9",
                200, -1, 120, address, Json.createObjectBuilder().add("sub", "alice").add("jti", jti).build(), null,
                "ua", "corr-" + clock.millis(), null, null);
    }

    @Test
    void aBurstSplitAcrossTwoServersBelowEachOnesThresholdRaisesExactlyOneAlert() {
        List<SecurityAlert> one = new ArrayList<>();
        List<SecurityAlert> two = new ArrayList<>();
        Detectors a = server(one);
        Detectors b = server(two);
        for (int i = 0; i < 15; i++) { // 30 failures in 30 s, 15 on each server: the default is 20 a minute
            a.accept(badToken("203.0.113.9"));
            clock.advance(Duration.ofMillis(500));
            b.accept(badToken("203.0.113.9"));
            clock.advance(Duration.ofMillis(500));
        }
        List<SecurityAlert> all = new ArrayList<>(one);
        all.addAll(two);
        assertThat(all).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(Detector.AUTH_FAILURES_BY_ADDRESS);
            assertThat(alert.key()).isEqualTo("203.0.113.9");
            assertThat(alert.threshold()).isEqualTo(20);
        });

        List<SecurityAlert> alone = new ArrayList<>();
        Detectors memoryOnly = new Detectors(AlertConfig.with(), alone::add);
        for (int i = 0; i < 15; i++) {
            memoryOnly.accept(badToken("203.0.113.10"));
        }
        assertThat(alone).as("the same half of the burst, counted on one server alone").isEmpty();
    }

    @Test
    void theNextWindowMayAlertAgainOnceAcrossTheServers() {
        List<SecurityAlert> alerts = new ArrayList<>();
        Detectors a = server(alerts);
        Detectors b = server(alerts);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 30; i++) {
                (i % 2 == 0 ? a : b).accept(badToken("198.51.100.7"));
                clock.advance(Duration.ofSeconds(1));
            }
            clock.advance(Duration.ofMinutes(2)); // the counts and the alert key expire
        }
        assertThat(alerts).hasSize(2);
    }

    @Test
    void everyKeyIsUnderThePrefixHashedAsOneHashTagAndExpires() {
        List<SecurityAlert> alerts = new ArrayList<>();
        Detectors a = server(alerts);
        String longSubject = "x".repeat(5000);
        a.accept(new AuditEvent(clock.millis(), 1000, "GET", "GET /r", false, "/r", 403, -1, 10, "192.0.2.1",
                Json.createObjectBuilder().add("sub", longSubject).build(), null, "ua", "c", null,
                Refusal.of(Phase.ROLES, ProblemKind.FORBIDDEN, "role")));
        assertThat(redis.calls).hasSize(3); // by address, by subject, in total
        for (int i = 0; i < redis.calls.size(); i++) {
            List<String> keys = redis.calls.get(i);
            assertThat(keys).hasSize(SharedWindows.BUCKETS + 1);
            String tag = keys.get(0).substring(0, keys.get(0).indexOf('}') + 1);
            assertThat(tag).startsWith("bulwark:rl:alerts:{auth-failures-").hasSizeLessThan(80);
            assertThat(keys).allSatisfy(k -> assertThat(k).startsWith(tag).doesNotContain("xxxx")
                    .doesNotContain("192.0.2.1"));
            assertThat(keys.get(keys.size() - 1)).endsWith(":alert");
            List<String> args = redis.arguments.get(i);
            assertThat(Long.parseLong(args.get(1))).as("a bucket outlives the window it is summed in")
                    .isGreaterThan(60_000).isLessThan(120_000);
            assertThat(args.get(2)).as("one alert per window").isEqualTo("60000");
        }
        assertThat(redis.expiries).as("every key written has an expiry").containsOnlyKeys(redis.counters.keySet());
    }

    @Test
    void oneTokenFromManyAddressesAcrossServersRaisesOnceAndRepeatsAreNotSentAgain() {
        List<SecurityAlert> alerts = new ArrayList<>();
        Detectors a = server(alerts, "bulwark.alerts.token.addresses", "3/10m");
        Detectors b = server(alerts, "bulwark.alerts.token.addresses", "3/10m");
        for (int i = 0; i < 5; i++) {
            a.accept(withToken("203.0.113.1", "jti-1")); // the owner, calling often
        }
        assertThat(redis.calls).as("a repeat within a tenth of the window goes no further").hasSize(1);
        a.accept(withToken("198.51.100.2", "jti-1"));
        assertThat(alerts).isEmpty();
        b.accept(withToken("192.0.2.3", "jti-1")); // the third address, on the other server
        b.accept(withToken("192.0.2.4", "jti-1"));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(Detector.TOKEN_MANY_ADDRESSES);
            assertThat(alert.key()).isEqualTo("jti-1");
        });
    }

    @Test
    void whileRedisFailsTheInMemoryWindowsDecideItIsLoggedOnceCountedAndTriedAgainAfterAPause() {
        List<SecurityAlert> alerts = new ArrayList<>();
        Detectors a = server(alerts, "bulwark.alerts.auth-failures.per-address", "5/1m");
        redis.down = true;
        for (int i = 0; i < 6; i++) {
            a.accept(badToken("203.0.113.50"));
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(alerts).as("this server's own count raises").singleElement()
                .satisfies(alert -> assertThat(alert.key()).isEqualTo("203.0.113.50"));
        // one failed call for the first event; Redis is then left alone for the pause (the total's window alike)
        assertThat(storeErrors).hasValue(1);
        assertThat(log.at(Level.WARNING)).singleElement().satisfies(m -> assertThat(m)
                .contains("the shared store is unavailable").contains("count on this server"));

        clock.advance(SharedWindows.PAUSE);
        a.accept(badToken("203.0.113.51"));
        assertThat(storeErrors).as("tried again after the pause").hasValue(2);
        assertThat(log.at(Level.WARNING)).hasSize(1);

        redis.down = false;
        clock.advance(SharedWindows.PAUSE);
        a.accept(badToken("203.0.113.52"));
        assertThat(log.at(Level.INFO)).singleElement().satisfies(m -> assertThat(m).contains("answers again"));
        assertThat(redis.calls).isNotEmpty();
        assertThat(storeErrors).hasValue(2);
    }
}
