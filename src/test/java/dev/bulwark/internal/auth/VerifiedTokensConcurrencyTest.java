package dev.bulwark.internal.auth;

import static dev.bulwark.internal.auth.TokenPolicyTest.NOW;
import static dev.bulwark.internal.auth.TokenPolicyTest.claims;
import static dev.bulwark.internal.auth.TokenPolicyTest.jwt;
import static dev.bulwark.internal.auth.TokenPolicyTest.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache under concurrent use (from the attack review of issue 13). Four threads admit and confirm
 * 400 distinct tokens each against a cache of 16 while a fifth denies one kept token: once deny() has returned no
 * thread gets that token admitted, and the cache never holds more than its capacity plus the threads racing past
 * the size check.
 */
class VerifiedTokensConcurrencyTest {

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";

    @Test
    void revocationWinsAndTheCacheStaysBounded() throws Exception {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
        InMemoryTokenDenyList denyList = new InMemoryTokenDenyList(1000, clock);
        VerifiedTokens verified = new VerifiedTokens(16);
        TokenGate gate = new TokenGate(new TokenPolicy(jwt()), denyList, null, clock, verified);
        String victim = token(HEADER, claims("jti", "\"victim\""));
        gate.confirm(gate.admit(victim));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admittedAfterDeny = new AtomicInteger();
        AtomicInteger maxSize = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean denied = new java.util.concurrent.atomic.AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 400; i++) {
                    gate.confirm(gate.admit(token(HEADER, claims("jti", "\"t" + thread + "-" + i + "\""))));
                    kept.incrementAndGet();
                    maxSize.accumulateAndGet(verified.size(), Math::max);
                    boolean deniedBefore = denied.get();
                    try {
                        gate.admit(victim);
                        if (deniedBefore) {
                            admittedAfterDeny.incrementAndGet();
                        }
                    } catch (TokenRejected expected) {
                        // refused once denied
                    }
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            start.await();
            while (kept.get() < 200) {
                Thread.onSpinWait(); // deny while the other threads are busy admitting
            }
            denyList.deny("victim", Instant.ofEpochSecond(NOW + 600));
            denied.set(true);
            return null;
        }));
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(admittedAfterDeny.get()).isZero();
        assertThat(maxSize.get()).isLessThanOrEqualTo(16 + 4);
    }
}
