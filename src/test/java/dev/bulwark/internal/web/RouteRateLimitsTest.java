package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.MutableClock;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.network.NetworkKeys;
import dev.bulwark.internal.network.NetworkSettings;
import dev.bulwark.internal.ratelimit.InMemoryStore;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.RateLimitMetrics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A route policy's rate limit: one count per route and caller across its paths, on top of the endpoints' own. */
class RouteRateLimitsTest {

    private final MutableClock clock = MutableClock.atEpochSecond(2_000_000);
    private final Limiter limiter = new Limiter(new InMemoryStore(10_000, clock), RateLimitMetrics.none(), "X-API-Key");
    private final RouteRateLimits limits = new RouteRateLimits(() -> limiter);
    private final NetworkSettings network = settings(Map.of("bulwark.routes", "exports, 9lives",
            "bulwark.routes.exports.paths", "/api/exports/*, /files/*",
            "bulwark.routes.exports.rate-limit", "3/1m",
            "bulwark.routes.9lives.paths", "/api/exports/big",
            "bulwark.routes.9lives.rate-limit", "1/1h"));

    private static NetworkSettings settings(Map<String, String> properties) {
        var loaded = TestConfig.load(properties);
        assertThat(loaded.problems()).isEmpty();
        return loaded.config().settings(NetworkKeys.CONCERN);
    }

    private void call(String path, String address, String subject) {
        limits.check(network.rateLimited("GET", path), new Limiter.Facts(address, subject, name -> null));
    }

    @Test
    void oneCountPerCallerAcrossEveryPathOfTheRoute() {
        call("/api/exports/a", "198.51.100.7", null);
        call("/files/report.csv", "198.51.100.7", null);
        call("/api/exports/b", "198.51.100.7", null);
        assertThatThrownBy(() -> call("/files/other.csv", "198.51.100.7", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.TOO_MANY_REQUESTS);
                    assertThat(e.headers()).containsEntry("RateLimit-Policy", "\"exports\";q=3;w=60")
                            .containsKey("Retry-After");
                });
        call("/files/report.csv", "198.51.100.8", null); // another address, its own count
        call("/api/other", "198.51.100.7", null); // a path no route covers counts nothing
        clock.advance(Duration.ofSeconds(20)); // one request's worth of the window back
        call("/files/report.csv", "198.51.100.7", null);
    }

    @Test
    void aVerifiedCallerIsCountedByItsSubjectFromAnyAddress() {
        for (int i = 0; i < 3; i++) {
            call("/files/x", "198.51.100." + i, "alice");
        }
        assertThatThrownBy(() -> call("/files/x", "198.51.100.99", "alice")).isInstanceOf(ProblemException.class);
        call("/files/x", "198.51.100.99", "bob");
    }

    @Test
    void everyRouteCoveringARequestCountsAndTheTightestAnswers() {
        call("/api/exports/big", "198.51.100.7", null);
        assertThatThrownBy(() -> call("/api/exports/big", "198.51.100.7", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.headers())
                        .containsEntry("RateLimit-Policy", "\"exports\";q=3;w=60, \"route\";q=1;w=3600"));
        assertThat(RouteRateLimits.policyName("9lives")).as("not a policy name in the fields").isEqualTo("route");
    }

    @Test
    void badRatesFailTheDeploymentNamingTheKey() {
        for (String bad : new String[] {"0/1m", "3 per minute", "3/0s"}) {
            assertThat(TestConfig.load(Map.of("bulwark.routes", "r", "bulwark.routes.r.paths", "/r",
                    "bulwark.routes.r.rate-limit", bad)).problems()).as(bad)
                    .anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.routes.r.rate-limit"));
        }
        assertThat(settings(Map.of("bulwark.routes", "r", "bulwark.routes.r.paths", "/r",
                "bulwark.routes.r.rate-limit", "off")).limitsRates()).isFalse();
    }
}
