package dev.bulwark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Probe;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.Tls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProbeTest {

    private final List<Duration> pauses = new ArrayList<>();

    private Probe probe(FakeApi api, double rps, int max, boolean destructive) throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        return new Probe(URI.create(api.baseUrl()), Tls.context(false, null), rps, max, destructive,
                Duration.ofSeconds(5), frozen, pauses::add);
    }

    @Test
    void pacesRequestsAtTheConfiguredRate() throws Exception {
        try (FakeApi api = new FakeApi()) {
            Probe p = probe(api, 4, 10, false);
            for (int i = 0; i < 3; i++) {
                p.send(Request.get("/x", Identity.ANONYMOUS));
            }
            // The clock does not move: the second and third requests each wait one interval more.
            assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(p.sent()).isEqualTo(3);
            assertThat(p.exchanges()).hasSize(3);
        }
    }

    @Test
    void stopsAtTheBudgetAndNeverSendsDeleteUnlessAllowed() throws Exception {
        try (FakeApi api = new FakeApi()) {
            Probe p = probe(api, 1000, 2, false);
            p.send(Request.get("/a", Identity.ANONYMOUS));
            p.send(Request.get("/b", Identity.ANONYMOUS));
            assertThatThrownBy(() -> p.send(Request.get("/c", Identity.ANONYMOUS)))
                    .isInstanceOf(Probe.BudgetExhausted.class).hasMessageContaining("2 requests");
            assertThatThrownBy(() -> p.send(new Request("DELETE", "/a", java.util.Map.of(), null,
                    Identity.ANONYMOUS))).hasMessageContaining("destructive");
            assertThat(api.calls()).extracting(FakeApi.Call::path).containsExactly("/a", "/b");
            assertThat(probe(api, 1000, 2, true).allows("DELETE")).isTrue();
        }
    }

    @Test
    void waitsOutAShort429AndSendsAgainButShowsItToSendOnce() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (FakeApi api = new FakeApi()) {
            api.on("GET", "/limited", (m, c) -> n.incrementAndGet() == 1
                    ? FakeApi.Answer.json(429, "{}").with("Retry-After", "2") : FakeApi.Answer.json(200, "{}"));
            api.on("GET", "/long", (m, c) -> FakeApi.Answer.json(429, "{}").with("Retry-After", "3600"));
            Probe p = probe(api, 1000, 20, false);
            assertThat(p.send(Request.get("/limited", Identity.ANONYMOUS)).status()).isEqualTo(200);
            assertThat(pauses).contains(Duration.ofSeconds(2));
            Exchange limited = p.send(Request.get("/long", Identity.ANONYMOUS));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(api.calls().stream().filter(c -> c.path().equals("/long"))).hasSize(1);
            n.set(0);
            assertThat(p.sendOnce(Request.get("/limited", Identity.ANONYMOUS)).status()).isEqualTo(429);
        }
    }

    @Test
    void anUnreachableServerIsAnExchangeWithoutStatus() throws Exception {
        FakeApi api = new FakeApi();
        Probe p = probe(api, 1000, 5, false);
        api.close();
        Exchange x = p.send(Request.get("/x", Identity.ANONYMOUS));
        assertThat(x.answered()).isFalse();
        assertThat(x.failure()).isNotBlank();
        assertThat(x.evidence()).contains("no answer");
    }

    @Test
    void neverSendsARequestOffTheTargetHostSoTokensStayThere() throws Exception {
        try (FakeApi api = new FakeApi(); FakeApi other = new FakeApi()) {
            Probe p = probe(api, 1000, 10, false);
            Identity user1 = new Identity("user1", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln", java.util.Set.of(),
                    java.util.Set.of());
            // An inventory path or a Location header naming another host (here: localhost for 127.0.0.1).
            for (String elsewhere : java.util.List.of(other.baseUrl() + "/steal",
                    other.baseUrl().replace("127.0.0.1", "localhost") + "/steal")) {
                Exchange x = p.send(Request.get(elsewhere, user1));
                assertThat(x.answered()).isFalse();
                assertThat(x.failure()).contains("is not the target");
            }
            assertThat(other.calls()).isEmpty();
            assertThat(p.sent()).isZero();
            // The target itself, by an absolute URL, is still reached.
            assertThat(p.send(Request.get(api.baseUrl() + "/x", user1)).answered()).isTrue();
        }
    }

    @Test
    void anEndlessBodyIsCutInsteadOfFillingTheHeap() throws Exception {
        com.sun.net.httpserver.HttpServer endless = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        endless.createContext("/", x -> {
            x.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (var out = x.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (java.io.IOException e) {
                // the kit closed the connection
            }
        });
        endless.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        endless.start();
        try {
            Probe p = new Probe(URI.create("http://127.0.0.1:" + endless.getAddress().getPort()),
                    Tls.context(false, null), 1000, 10, false, Duration.ofSeconds(5), Clock.systemUTC(), d -> { });
            Exchange x = p.send(Request.get("/forever", Identity.ANONYMOUS));
            assertThat(x.status()).isEqualTo(200);
            assertThat(x.body().length()).isLessThanOrEqualTo(256 * 1024);
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void evidenceShortensTokensEvenInTheUrl() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.U0lHTkFUVVJFU0lHTkFUVVJF";
        Exchange x = new Exchange(Request.get("/x?access_token=" + token, Identity.ANONYMOUS),
                "https://h/x?access_token=" + token, 200, java.util.Map.of(), "{\"t\":\"" + token + "\"}", null);
        assertThat(x.evidence()).doesNotContain(token).doesNotContain("U0lHTkFUVVJF").contains("access_token=eyJhbGc...");
    }

    @Test
    void deeplyNestedJsonIsNotJsonToTheChecks() {
        assertThat(dev.bulwark.testkit.engine.Json.tryParse("[".repeat(5000) + "]".repeat(5000))).isNull();
    }
}
