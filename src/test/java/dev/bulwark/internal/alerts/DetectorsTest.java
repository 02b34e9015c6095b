package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorsTest {

    private final MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
    private final List<SecurityAlert> alerts = new ArrayList<>();

    private Detectors detectors(String... overrides) {
        return new Detectors(AlertConfig.with(overrides), alerts::add);
    }

    private static JsonObject token(String sub, String jti) {
        var b = Json.createObjectBuilder().add("sub", sub);
        if (jti != null) {
            b.add("jti", jti);
        }
        return b.build();
    }

    private AuditEvent event(String address, JsonObject claims, int status, Refusal refusal, boolean owned,
                             long bytes) {
        return new AuditEvent(clock.millis(), 1000, "GET", "GET /app/api/orders/{id}", owned, "/app/api/orders/9",
                status, -1, bytes, address, claims, null, "ua", "corr-" + clock.millis(), null, refusal);
    }

    private AuditEvent badToken(String address) {
        return event(address, null, 401, Refusal.of(Phase.BEARER_TOKEN, ProblemKind.UNAUTHORIZED, "bad signature"),
                false, 200);
    }

    private AuditEvent ok(String address, String subject, long bytes) {
        return event(address, subject == null ? null : token(subject, null), 200, null, false, bytes);
    }

    private List<Detector> raised() {
        return alerts.stream().map(SecurityAlert::detector).toList();
    }

    @Test
    void aCredentialStuffingBurstFromOneAddressRaisesOneAlertPerWindow() {
        Detectors d = detectors();
        for (int i = 0; i < 19; i++) {
            d.accept(badToken("203.0.113.9"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(alerts).isEmpty();
        d.accept(badToken("203.0.113.9"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.AUTH_FAILURES_BY_ADDRESS);
            assertThat(a.key()).isEqualTo("203.0.113.9");
            assertThat(a.observed()).isEqualTo(20);
            assertThat(a.threshold()).isEqualTo(20);
            assertThat(a.window()).isEqualTo(Duration.ofMinutes(1));
            assertThat(a.at()).isEqualTo(clock.instant());
            assertThat(a.clientAddress()).isEqualTo("203.0.113.9");
            assertThat(a.correlationId()).isEqualTo("corr-" + clock.millis());
        });
        for (int i = 0; i < 30; i++) { // the burst goes on within the window: no alert storm
            clock.advance(Duration.ofMillis(500));
            d.accept(badToken("203.0.113.9"));
        }
        assertThat(alerts).hasSize(1);
        clock.advance(Duration.ofSeconds(45)); // a window after the alert, still bursting
        d.accept(badToken("203.0.113.9"));
        assertThat(raised()).containsExactly(Detector.AUTH_FAILURES_BY_ADDRESS, Detector.AUTH_FAILURES_BY_ADDRESS);
    }

    @Test
    void theWindowSlidesFailuresSpreadOutRaiseNothing() {
        Detectors d = detectors();
        for (int i = 0; i < 200; i++) {
            d.accept(badToken("203.0.113.9"));
            clock.advance(Duration.ofSeconds(4)); // 15 a minute, under 20 in any minute
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void aTokenProbingWhatItMayNotDoIsCountedByItsSubject() {
        Detectors d = detectors("bulwark.alerts.auth-failures.per-subject", "5/1m");
        for (int i = 0; i < 5; i++) {
            d.accept(event("198.51.100." + i, token("mallory", "j" + i), 403,
                    Refusal.of(Phase.ROLES, ProblemKind.FORBIDDEN, "no role"), false, 100));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.AUTH_FAILURES_BY_SUBJECT);
            assertThat(a.key()).isEqualTo("mallory");
            assertThat(a.subject()).isEqualTo("mallory");
        });
    }

    @Test
    void aRunSpreadOverManyAddressesIsSeenInTheTotal() {
        Detectors d = detectors("bulwark.alerts.auth-failures.total", "100/1m");
        for (int i = 0; i < 150; i++) {
            d.accept(badToken("10.0." + (i / 250) + "." + (i % 250)));
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.AUTH_FAILURES_TOTAL);
            assertThat(a.key()).isEqualTo(Detectors.ALL);
        });
    }

    @Test
    void transportRefusalsAreNoCredentialFailures() {
        Detectors d = detectors("bulwark.alerts.auth-failures.per-address", "3/1m");
        for (int i = 0; i < 10; i++) {
            d.accept(event("203.0.113.9", null, 403, Refusal.of(Phase.HTTPS, ProblemKind.HTTPS_REQUIRED, "plain"),
                    false, 0));
            d.accept(event("203.0.113.9", null, 403, Refusal.of(Phase.CORS, ProblemKind.CORS_REFUSED, "origin"),
                    false, 0));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void addressRuleRefusalsOfAKnownCallerAreNoCredentialFailures() {
        // an admin allow-list refusing an ordinary user's calls from home is not credential stuffing
        Detectors d = detectors("bulwark.alerts.auth-failures.per-address", "3/1m",
                "bulwark.alerts.auth-failures.per-subject", "3/1m");
        for (int i = 0; i < 10; i++) {
            d.accept(event("203.0.113.9", token("alice", null), 403,
                    Refusal.of(Phase.ROLE_ADDRESSES, ProblemKind.FORBIDDEN, "role address"), false, 0));
            d.accept(event("203.0.113.9", token("alice", null), 403,
                    Refusal.of(Phase.ADDRESS_RULES, ProblemKind.FORBIDDEN, "address"), false, 0));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void aCallerHammeringPastItsLimitRaisesTheRateLimitAlert() {
        Detectors d = detectors("bulwark.alerts.rate-limited.per-caller", "10/1m");
        for (int i = 0; i < 25; i++) {
            d.accept(event("203.0.113.9", token("bot", null), 429,
                    Refusal.of(Phase.RATE_LIMIT, ProblemKind.TOO_MANY_REQUESTS, "limit"), false, 50));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.RATE_LIMITED);
            assertThat(a.key()).isEqualTo("bot");
        });
    }

    @Test
    void idEnumerationWithOneTokenIsSeenInOwnershipRefusalsAndNotFounds() {
        Detectors d = detectors();
        JsonObject eve = token("eve", "j-eve");
        for (int i = 0; i < 5; i++) {
            d.accept(event("203.0.113.5", eve, 404, Refusal.of(Phase.OWNERSHIP, ProblemKind.NOT_FOUND, "not hers"),
                    true, 100));
            d.accept(event("203.0.113.5", eve, 404, new Refusal(Refusal.APPLICATION, "not-found", "no such order"),
                    true, 100));
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.OBJECT_ENUMERATION);
            assertThat(a.key()).isEqualTo("eve");
            assertThat(a.route()).isEqualTo("GET /app/api/orders/{id}");
        });
    }

    @Test
    void notFoundsOfEndpointsWithoutOwnedObjectsAreNoEnumeration() {
        Detectors d = detectors();
        for (int i = 0; i < 50; i++) {
            d.accept(event("203.0.113.5", token("eve", null), 404,
                    new Refusal(Refusal.APPLICATION, "not-found", "no such page"), false, 100));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void oneTokenFromManyAddressesIsAStolenToken() {
        Detectors d = detectors();
        JsonObject stolen = token("alice", "jti-stolen");
        for (int i = 0; i < 4; i++) {
            d.accept(event("198.51.100." + i, stolen, 200, null, false, 100));
            d.accept(event("198.51.100." + i, stolen, 200, null, false, 100)); // the same address again: one
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(alerts).isEmpty();
        d.accept(event("198.51.100.77", stolen, 200, null, false, 100));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.TOKEN_MANY_ADDRESSES);
            assertThat(a.key()).isEqualTo("jti-stolen");
            assertThat(a.observed()).isEqualTo(5);
            assertThat(a.clientAddress()).isEqualTo("198.51.100.77");
        });
        d.accept(event("198.51.100.78", stolen, 200, null, false, 100));
        assertThat(alerts).hasSize(1);
    }

    @Test
    void aTokenMovingSlowlyBetweenAddressesIsNoTheft() {
        Detectors d = detectors();
        JsonObject phone = token("alice", "jti-phone");
        for (int i = 0; i < 30; i++) { // wifi, cellular, wifi...: a new address every 3 minutes
            d.accept(event("198.51.100." + i, phone, 200, null, false, 100));
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void anExfiltrationSpikeAgainstTheSubjectsOwnBaselineRaisesOneAlert() {
        Detectors d = detectors("bulwark.alerts.exfiltration.min-kib", "1024");
        for (int w = 0; w < 4; w++) { // four windows of about 200 KB: the baseline
            for (int i = 0; i < 10; i++) {
                d.accept(ok("203.0.113.8", "carol", 20_000));
                clock.advance(Duration.ofSeconds(20));
            }
            clock.advance(Duration.ofSeconds(100));
        }
        assertThat(alerts).isEmpty();
        for (int i = 0; i < 40; i++) { // then 40 pages of 100 KB within one window: 4 MB, 20 times the baseline
            d.accept(ok("203.0.113.8", "carol", 100_000));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.EXFILTRATION);
            assertThat(a.key()).isEqualTo("carol");
            assertThat(a.observed()).isGreaterThanOrEqualTo(a.threshold()).isGreaterThanOrEqualTo(1024 * 1024);
            assertThat(a.window()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void aNewSubjectOrASteadyHeavyOneIsNoExfiltration() {
        Detectors d = detectors("bulwark.alerts.exfiltration.min-kib", "1024");
        for (int i = 0; i < 100; i++) {
            d.accept(ok("203.0.113.8", "newcomer", 1_000_000)); // 100 MB in its first window: no history yet
        }
        for (int w = 0; w < 10; w++) {
            for (int i = 0; i < 30; i++) {
                d.accept(ok("203.0.113.9", "batch-job", 1_000_000)); // 30 MB every window, steadily
            }
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(alerts).isEmpty();
    }

    /** {@code count} responses of {@code bytes} each, one a second. */
    private void download(Detectors d, String subject, long bytes, int count) {
        for (int i = 0; i < count; i++) {
            d.accept(ok("203.0.113.8", subject, bytes));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Windows of {@code perWindow} bytes in 10 requests spread over each 5-minute window. */
    private void steady(Detectors d, String subject, long perWindow, int windows) {
        for (int w = 0; w < windows * 10; w++) {
            d.accept(ok("203.0.113.8", subject, perWindow / 10));
            clock.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void aBurstAcrossAWindowBoundaryIsStillOneWindowsBurst() {
        Detectors d = detectors("bulwark.alerts.exfiltration.min-kib", "1024");
        steady(d, "carol", 200_000, 6); // the baseline: about 200 KB a window
        // 1.5 MB just before a 5-minute boundary of the epoch and 1.5 MB just after it: neither half reaches
        // 10 times the baseline (2 MB), the 3 MB within one minute does
        long boundary = (Math.floorDiv(clock.millis(), 300_000L) + 1) * 300_000L;
        clock.set(java.time.Instant.ofEpochMilli(boundary - 30_000));
        download(d, "carol", 150_000, 10);
        clock.set(java.time.Instant.ofEpochMilli(boundary + 1_000));
        assertThat(alerts).isEmpty();
        download(d, "carol", 150_000, 10);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.EXFILTRATION);
            assertThat(a.observed()).isGreaterThanOrEqualTo(a.threshold()).isGreaterThanOrEqualTo(2_000_000);
        });
    }

    @Test
    void anOldHeavyBaselineDecaysNoSubjectIsImmuneForEver() {
        Detectors d = detectors();
        steady(d, "batch-job", 30_000_000, 10); // 30 MB every window: its normal
        assertThat(alerts).isEmpty();
        clock.advance(Duration.ofHours(3)); // then idle for hours: the baseline decays to nothing
        download(d, "batch-job", 2_000_000, 10); // 20 MB at once: no longer its normal
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("batch-job");
            assertThat(a.threshold()).isEqualTo(10L * 1024 * 1024); // the floor, the baseline near zero
        });
        clock.advance(Duration.ofDays(30)); // and after a month idle, the same (no arithmetic runs away)
        download(d, "batch-job", 2_000_000, 10);
        assertThat(alerts).hasSize(2);
    }

    @Test
    void aFirstEverRequestIsNoSpikeNorIsOneAfterTooShortAHistory() {
        Detectors d = detectors("bulwark.alerts.exfiltration.min-kib", "1024");
        download(d, "dan", 5_000_000, 1); // dan's first request ever: 5 MB
        steady(d, "erin", 10_000, 2); // erin: two windows of small pages, not history enough
        download(d, "erin", 5_000_000, 1);
        steady(d, "frank", 10_000, 4); // frank: four windows of small pages
        assertThat(alerts).isEmpty();
        download(d, "frank", 5_000_000, 1); // 5 MB is far above frank's baseline
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("frank"));
    }

    @Test
    void aSustainedExfiltrationRaisesOneAlertPerWindowNotPerRequest() {
        Detectors d = detectors("bulwark.alerts.exfiltration.min-kib", "1024");
        steady(d, "carol", 200_000, 6);
        for (int i = 0; i < 600; i++) { // 1 MB every second for ten minutes: two windows
            d.accept(ok("203.0.113.8", "carol", 1_000_000));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(alerts).hasSize(2);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        Detectors d = detectors("bulwark.alerts.auth-failures.per-address", "5/1m");
        for (int i = 0; i < 5; i++) { // a new address of one /64 for every try
            d.accept(badToken("2001:db8:aa:bb:" + Integer.toHexString(i + 1) + "::" + Integer.toHexString(i * 7)));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("2001:db8:aa:bb::/64");
            assertThat(a.clientAddress()).isEqualTo("2001:db8:aa:bb:5::1c"); // the address of the request itself
        });
        for (int i = 0; i < 4; i++) { // four other /64s: each its own key, none at the threshold
            d.accept(badToken("2001:db8:aa:" + Integer.toHexString(0xc0 + i) + "::1"));
        }
        assertThat(alerts).hasSize(1);
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Address() {
        Detectors d = detectors("bulwark.alerts.auth-failures.per-address", "4/1m");
        d.accept(badToken("203.0.113.9"));
        d.accept(badToken("::ffff:203.0.113.9"));
        d.accept(badToken("::FFFF:cb00:7109"));
        d.accept(badToken("203.0.113.9"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("203.0.113.9"));
    }

    @Test
    void aStolenTokenIsCountedByDistinctSlash64s() {
        Detectors d = detectors("bulwark.alerts.token.addresses", "3/10m");
        JsonObject phone = token("alice", "jti-v6");
        for (int i = 0; i < 20; i++) { // privacy addresses: a new one in the same /64 again and again
            d.accept(event("2001:db8:5:6:" + Integer.toHexString(100 + i) + "::9", phone, 200, null, false, 10));
        }
        assertThat(alerts).isEmpty();
        d.accept(event("2001:db8:77::1", phone, 200, null, false, 10));
        d.accept(event("198.51.100.7", phone, 200, null, false, 10));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.observed()).isEqualTo(3));
    }

    @Test
    void ordinaryMixedTrafficRaisesNothing() {
        Detectors d = detectors();
        String[] users = {"alice", "bob", "carol", "dave", "erin"};
        for (int minute = 0; minute < 30; minute++) {
            for (int u = 0; u < users.length; u++) {
                String address = "192.0.2." + (10 + u);
                JsonObject claims = token(users[u], "jti-" + users[u]);
                for (int i = 0; i < 20; i++) {
                    d.accept(event(address, claims, 200, null, i % 4 == 0, 2_000 + i * 100));
                }
                // a typo'd id, an expired token refreshed, a double click on a limited button
                d.accept(event(address, claims, 404, new Refusal(Refusal.APPLICATION, "not-found", "typo"), true,
                        150));
                d.accept(event(address, null, 401, Refusal.of(Phase.BEARER_TOKEN, ProblemKind.UNAUTHORIZED,
                        "expired"), false, 150));
                if (minute % 10 == 0) {
                    d.accept(event(address, claims, 429, Refusal.of(Phase.RATE_LIMIT,
                            ProblemKind.TOO_MANY_REQUESTS, "limit"), false, 80));
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfKeys() {
        SlidingCount count = new SlidingCount(new Threshold(20, Duration.ofMinutes(1)), 1000);
        DistinctCount distinct = new DistinctCount(new Threshold(5, Duration.ofMinutes(10)), 1000);
        ExfiltrationBaseline bytes = new ExfiltrationBaseline(10, 1, 60_000, 1000);
        for (int i = 0; i < 200_000; i++) {
            String key = "k" + i;
            count.hit(key, i);
            distinct.see(key, "a" + i, i);
            distinct.see("one-token", "addr" + i, i);
            bytes.add(key, 100, i);
        }
        assertThat(count.keys()).isEqualTo(1000);
        assertThat(distinct.keys()).isEqualTo(1000);
        assertThat(bytes.keys()).isEqualTo(1000);
    }

    @Test
    void detectorsSwitchedOffRaiseNothing() {
        Detectors d = detectors("bulwark.alerts.auth-failures.per-address", "off",
                "bulwark.alerts.auth-failures.total", "off", "bulwark.alerts.token.addresses", "off");
        for (int i = 0; i < 100; i++) {
            d.accept(badToken("203.0.113.9"));
            d.accept(event("198.51.100." + i, token("alice", "j"), 200, null, false, 1));
        }
        assertThat(alerts).isEmpty();
    }

    /** 10 000 IPv6 clients, each from a /64 of its own, each failing twice: every one over the threshold. */
    private void stormFrom(Detectors d, int first) {
        for (int i = first; i < first + 10_000; i++) {
            String address = "2001:db8:" + Integer.toHexString(i) + ":1::" + Integer.toHexString(i % 7 + 1);
            d.accept(badToken(address));
            d.accept(badToken(address));
            clock.advance(Duration.ofMillis(1));
        }
    }

    @Test
    void anAttackerChoosingItsAddressesGetsTheCapAndOneSummaryPerWindowNotOneAlertEach() {
        List<Detector> suppressed = new ArrayList<>();
        Detectors d = new Detectors(AlertConfig.with("bulwark.alerts.auth-failures.per-address", "2/1m",
                "bulwark.alerts.auth-failures.total", "off"), alerts::add, suppressed::add);
        stormFrom(d, 0);
        assertThat(alerts).as("the first 20 keys of the window, then one notice").hasSize(21);
        assertThat(alerts.subList(0, 20))
                .allSatisfy(a -> assertThat(a.detector()).isEqualTo(Detector.AUTH_FAILURES_BY_ADDRESS));
        assertThat(alerts).extracting(SecurityAlert::key).startsWith("2001:db8:0:1::/64", "2001:db8:1:1::/64");
        assertThat(alerts.get(20)).satisfies(a -> {
            // at once, naming the first alert held back (the one decoys would hide)
            assertThat(a.detector()).isEqualTo(Detector.ALERTS_SUPPRESSED);
            assertThat(a.key()).isEqualTo("auth-failures-by-address");
            assertThat(a.observed()).isEqualTo(1);
            assertThat(a.clientAddress()).isEqualTo("2001:db8:14:1::7");
        });
        assertThat(suppressed).as("the metric counts each suppressed alert as it happens").hasSize(9_980)
                .containsOnly(Detector.AUTH_FAILURES_BY_ADDRESS);
        // another detector is not held back by this one's storm
        for (int i = 1; i <= 5; i++) { // one token from five addresses
            d.accept(event("192.0.2." + i, token("alice", "jti-1"), 200, null, false, 10));
        }
        assertThat(raised()).endsWith(Detector.TOKEN_MANY_ADDRESSES);
        alerts.clear();

        clock.advance(Duration.ofMinutes(1)); // the window is over: the next request raises the summary
        d.accept(ok("192.0.2.50", null, 10));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.ALERTS_SUPPRESSED);
            assertThat(a.key()).isEqualTo("auth-failures-by-address");
            assertThat(a.observed()).isEqualTo(9_980);
            assertThat(a.threshold()).isEqualTo(20);
            assertThat(a.window()).isEqualTo(Duration.ofMinutes(1));
            assertThat(a.at()).isEqualTo(clock.instant());
            assertThat(a.clientAddress()).as("the last suppressed alert's").isEqualTo("2001:db8:270f:1::4");
            assertThat(dev.bulwark.internal.audit.EcsLine.of(a)).contains("\"rule.name\":\"alerts-suppressed\"")
                    .contains("Bulwark alert alerts-suppressed for auth-failures-by-address: 9980 more alerts"
                            + " suppressed within PT1M (at most 20 per window");
        });
        d.accept(ok("192.0.2.50", null, 10));
        assertThat(alerts).as("one summary per window").hasSize(1);
        alerts.clear();

        stormFrom(d, 10_000); // the next window: the cap again, the notice, the summary after it
        assertThat(alerts).hasSize(21).extracting(SecurityAlert::detector).startsWith(
                Detector.AUTH_FAILURES_BY_ADDRESS).endsWith(Detector.ALERTS_SUPPRESSED);
        clock.advance(Duration.ofMinutes(1));
        d.accept(ok("192.0.2.50", null, 10));
        assertThat(alerts).hasSize(22).last().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.ALERTS_SUPPRESSED);
            assertThat(a.observed()).isEqualTo(9_980);
        });
        assertThat(suppressed).hasSize(2 * 9_980);
    }

    @Test
    void aWindowWithinTheCapRaisesNoSummary() {
        Detectors d = new Detectors(AlertConfig.with("bulwark.alerts.auth-failures.per-address", "2/1m",
                "bulwark.alerts.max-alerts-per-window", "3"), alerts::add);
        for (int i = 1; i <= 3; i++) {
            d.accept(badToken("203.0.113." + i));
            d.accept(badToken("203.0.113." + i));
        }
        clock.advance(Duration.ofMinutes(2));
        d.accept(ok("192.0.2.50", null, 10));
        assertThat(raised()).containsExactly(Detector.AUTH_FAILURES_BY_ADDRESS, Detector.AUTH_FAILURES_BY_ADDRESS,
                Detector.AUTH_FAILURES_BY_ADDRESS);
    }
}
