package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {

    @TempDir
    static Path keys;

    /** A limiter of 5 requests on the products list, keyed on the caller whatever the path variant or headers. */
    private static FakeApi limited(boolean retryAfter, boolean forwardedBypass) {
        return limited(retryAfter, forwardedBypass, Integer.MAX_VALUE);
    }

    /** Like the above; once limited, every {@code refillEvery}-th request is served again (a refilling limiter). */
    private static FakeApi limited(boolean retryAfter, boolean forwardedBypass, int refillEvery) {
        AtomicInteger count = new AtomicInteger();
        FakeApi api = new FakeApi();
        java.util.function.BiFunction<java.util.regex.Matcher, FakeApi.Call, Answer> products = (m, c) -> {
            if (forwardedBypass && c.header("X-Forwarded-For") != null) {
                return Answer.json(200, "[]");
            }
            int n = count.incrementAndGet();
            if (n > 5 && (n - 5) % refillEvery == 0) {
                return Answer.json(200, "[{\"id\":1}]");
            }
            if (n > 5) {
                Answer a = Answer.json(429, "{\"title\":\"Too Many Requests\"}");
                return retryAfter ? a.with("Retry-After", "60") : a;
            }
            return Answer.json(200, "[{\"id\":1}]").with("RateLimit", "limit=5, remaining=" + (5 - count.get()));
        };
        api.on("GET", "(?i)/shop/api/products/?(;x)?", products).on("GET", "/shop/api//products", products)
                .on("HEAD", "/shop/api/products", products);
        return Shop.routes(api);
    }

    @Test
    void aLimitWithRetryAfterThatHoldsGivesNoFinding() {
        try (FakeApi api = limited(true, false)) {
            ScanContext ctx = api.context(api.settings(keys).rateLimitProbe(20).build(), Shop.model());
            new RateLimit().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(api.calls()).hasSize(6 + 2 * RateLimit.ROUNDS * RateLimit.variants("/x", Identity.ANONYMOUS)
                    .size());
            assertThat(ctx.testedSubjects()).extracting(t -> t.subject()).contains("GET /shop/api/products");
        }
    }

    @Test
    void aLimiterThatRefillsServesAnOccasionalRequestOfAnyShapeWhichIsNoBypass() {
        // GCRA at 5/s against a scan at 20/s: one request in four is served again, plain or variant alike.
        try (FakeApi api = limited(true, false, 4)) {
            ScanContext ctx = api.context(api.settings(keys).rateLimitProbe(20).build(), Shop.model());
            new RateLimit().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(api.calls()).filteredOn(c -> ";x".equals(c.path().replaceAll(".*products", ""))).isNotEmpty();
        }
    }

    @Test
    void noLimitWithinTheProbeBudgetIsReported() {
        try (FakeApi api = Shop.correct()) {
            ScanContext ctx = api.context(api.settings(keys).rateLimitProbe(10).build(), Shop.model());
            new Discovery().run(ctx);
            new RateLimit().run(ctx);
            assertThat(Shop.rules(ctx)).containsExactlyInAnyOrder("rate-limit.absent", "rate-limit.not-visible");
            assertThat(ctx.findings()).allSatisfy(f -> assertThat(f.category()).isEqualTo(OwaspCategory.API4));
        }
    }

    @Test
    void aBypassThroughForwardedForAndAMissingRetryAfterAreReported() {
        try (FakeApi api = limited(false, true)) {
            ScanContext ctx = api.context(api.settings(keys).rateLimitProbe(20).build(), Shop.model());
            new RateLimit().run(ctx);
            assertThat(Shop.rules(ctx)).containsExactlyInAnyOrder("rate-limit.no-retry-after", "rate-limit.bypass");
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("rate-limit.bypass"))
                    .singleElement().satisfies(f -> assertThat(f.evidence()).contains("-> 200"));
        }
    }

    @Test
    void withoutAProbeOnlyTheHeadersAreRead() {
        try (FakeApi api = Shop.correct()) {
            ScanContext ctx = api.context(api.settings(keys).build(), Shop.model());
            new Discovery().run(ctx);
            int sent = ctx.probe().sent();
            new RateLimit().run(ctx);
            assertThat(ctx.probe().sent()).isEqualTo(sent);
            assertThat(Shop.rules(ctx)).containsExactly("rate-limit.not-visible");
        }
    }
}
