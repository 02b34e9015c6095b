package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.MutableClock;
import dev.bulwark.api.SecurityAlert;
import dev.bulwark.internal.audit.EcsLine;
import dev.bulwark.internal.controls.ConfigLoader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertWebhookTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark");

    private final MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
    private final List<String> outcomes = new ArrayList<>();

    /** One POST as the fake receiver got it. */
    record Post(long at, String body, String token, String id) {
    }

    /** A receiver that answers from a script (a status, or an exception), then 200. */
    final class FakeReceiver implements AlertWebhook.Transport {
        final List<Post> posts = new ArrayList<>();
        final Deque<Object> script = new ArrayDeque<>();

        FakeReceiver then(Object... answers) {
            script.addAll(List.of(answers));
            return this;
        }

        @Override
        public AlertWebhook.Answer post(String body, String token, String id) throws IOException {
            posts.add(new Post(clock.millis(), body, token, id));
            Object next = script.isEmpty() ? 200 : script.poll();
            if (next instanceof IOException e) {
                throw e;
            }
            if (next instanceof AlertWebhook.Answer a) {
                return a;
            }
            return new AlertWebhook.Answer((Integer) next, null);
        }
    }

    private static WebhookSettings settings(String... overrides) {
        Map<String, String> values = new HashMap<>(Map.of(WebhookKeys.URL.name(), "https://siem.example/hooks/b"));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        ConfigLoader.Result r = ConfigLoader.load(k -> Optional.ofNullable(values.get(k)));
        assertThat(r.problems()).isEmpty();
        return r.config().settings(WebhookKeys.CONCERN);
    }

    /** A webhook whose jitter is always the least (half the back-off). */
    private AlertWebhook webhook(WebhookSettings settings, AlertWebhook.Transport transport) {
        return new AlertWebhook(settings, transport, () -> "hook-token-1", clock, () -> 0L, outcomes::add);
    }

    private SecurityAlert alert(String key) {
        return new SecurityAlert(SecurityAlert.Detector.AUTH_FAILURES_BY_ADDRESS, key, 20, 20, Duration.ofMinutes(1),
                clock.instant(), key, "alice", "GET /shop/api/orders/{id}", "corr-" + key);
    }

    /** Runs the sender until it waits for the clock or has nothing left; the wait, or -1. */
    private static long runDue(AlertWebhook webhook) throws InterruptedException {
        long wait;
        do {
            wait = webhook.pump();
        } while (wait == 0);
        return wait;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void anAlertIsPostedOnceAsTheJsonOfItsWarningLine() throws Exception {
        FakeReceiver receiver = new FakeReceiver();
        AlertWebhook webhook = webhook(settings(), receiver);
        SecurityAlert alert = alert("203.0.113.9");
        webhook.accept(alert);
        assertThat(receiver.posts).as("nothing is sent on the caller's thread").isEmpty();

        assertThat(runDue(webhook)).isEqualTo(-1);
        assertThat(receiver.posts).singleElement().satisfies(p -> {
            assertThat(p.body()).isEqualTo(EcsLine.of(alert));
            assertThat(p.token()).isEqualTo("hook-token-1");
            assertThat(p.id()).hasSize(36);
            JsonObject body = json(p.body());
            assertThat(body.getString("event.kind")).isEqualTo("alert");
            assertThat(body.getString("rule.name")).isEqualTo("auth-failures-by-address");
            assertThat(body.getString("bulwark.alert.key")).isEqualTo("203.0.113.9");
            assertThat(body.getInt("bulwark.alert.observed")).isEqualTo(20);
            assertThat(body.getString("http.request.id")).isEqualTo("corr-203.0.113.9");
        });
        assertThat(outcomes).containsExactly("delivered");
        assertThat(webhook.delivered()).isEqualTo(1);
        assertThat(webhook.notDelivered()).isZero();
        assertThat(log.at(Level.WARNING)).isEmpty();
    }

    @Test
    void networkErrorsAnd5xxAreRetriedWithAnExponentialBackOff() throws Exception {
        FakeReceiver receiver = new FakeReceiver().then(new ConnectException("refused"), 503,
                new HttpTimeoutException("timed out"), 502);
        AlertWebhook webhook = webhook(settings(), receiver); // back-off 1s, jitter at its least: half of it
        webhook.accept(alert("203.0.113.9"));
        long start = clock.millis();

        long[] expectedWaits = {500, 1000, 2000, 4000};
        for (long wait : expectedWaits) {
            assertThat(runDue(webhook)).isEqualTo(wait);
            clock.advance(Duration.ofMillis(wait - 1));
            assertThat(runDue(webhook)).as("not before it is due").isEqualTo(1);
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(runDue(webhook)).isEqualTo(-1);
        assertThat(receiver.posts).hasSize(5);
        assertThat(receiver.posts.stream().map(Post::at).toList())
                .containsExactly(start, start + 500, start + 1500, start + 3500, start + 7500);
        assertThat(receiver.posts.stream().map(Post::id).distinct()).as("one id for every attempt").hasSize(1);
        assertThat(outcomes).containsExactly("delivered");
    }

    @Test
    void theBackOffIsJitteredAndCapped() {
        AlertWebhook webhook = new AlertWebhook(settings(WebhookKeys.BACKOFF_MAX.name(), "10s"), new FakeReceiver(),
                () -> null, clock, new SplittableRandom(7), outcomes::add);
        List<Long> firsts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long first = webhook.delay(1, -1);
            assertThat(first).isBetween(500L, 1000L);
            firsts.add(first);
            assertThat(webhook.delay(3, -1)).isBetween(2000L, 4000L);
            assertThat(webhook.delay(30, -1)).isBetween(5000L, 10_000L);
        }
        assertThat(firsts.stream().distinct().count()).as("many servers do not retry in step").isGreaterThan(50);
        assertThat(webhook.delay(1, 30_000)).as("a Retry-After beyond the cap").isEqualTo(10_000);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterInSecondsOrAsADate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(65 + 20)
                .atZone(ZoneOffset.UTC));
        FakeReceiver receiver = new FakeReceiver().then(new AlertWebhook.Answer(429, "20"),
                new AlertWebhook.Answer(503, date));
        AlertWebhook webhook = webhook(settings(), receiver);
        webhook.accept(alert("203.0.113.9"));
        assertThat(runDue(webhook)).isEqualTo(20_000); // not the 500 ms of the back-off
        clock.advance(Duration.ofSeconds(65));
        assertThat(runDue(webhook)).isEqualTo(20_000); // the date, 20 s from now
        clock.advance(Duration.ofSeconds(20));
        assertThat(runDue(webhook)).isEqualTo(-1);
        assertThat(receiver.posts).hasSize(3);
        assertThat(outcomes).containsExactly("delivered");
        assertThat(AlertWebhook.retryAfterMillis("soon", 0)).isEqualTo(-1);
        assertThat(AlertWebhook.retryAfterMillis(" 7 ", 0)).isEqualTo(7000);
    }

    @Test
    void otherAnswersAreTheReceiverRefusingNotRetried() throws Exception {
        FakeReceiver receiver = new FakeReceiver().then(400, 401, 404, 301);
        AlertWebhook webhook = webhook(settings(), receiver);
        for (int i = 0; i < 4; i++) {
            webhook.accept(alert("203.0.113." + i));
        }
        assertThat(runDue(webhook)).isEqualTo(-1);
        assertThat(receiver.posts).hasSize(4);
        assertThat(outcomes).containsExactly("refused", "refused", "refused", "refused");
        assertThat(webhook.notDelivered()).isEqualTo(4);
        assertThat(log.at(Level.WARNING)).singleElement().asString()
                .contains("https://siem.example").contains("4 alerts not delivered").contains("4 refused")
                .contains("answered 301 (not retried)").doesNotContain("/hooks/b").doesNotContain("hook-token-1");
    }

    @Test
    void anAlertIsDroppedAfterItsLastAttemptAndTheNextOneGoesOn() throws Exception {
        FakeReceiver receiver = new FakeReceiver().then(500, 500, 500);
        AlertWebhook webhook = webhook(settings(WebhookKeys.MAX_ATTEMPTS.name(), "3"), receiver);
        webhook.accept(alert("203.0.113.1"));
        webhook.accept(alert("203.0.113.2"));
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMillis(runDue(webhook)));
        }
        assertThat(runDue(webhook)).isEqualTo(-1);
        assertThat(receiver.posts).hasSize(4);
        assertThat(receiver.posts.get(3).body()).contains("203.0.113.2");
        assertThat(outcomes).containsExactly("failed", "delivered");
        assertThat(log.at(Level.WARNING)).singleElement().asString().contains("1 failed after 3 attempts")
                .contains("answered 500 (3 attempts)");
    }

    @Test
    void aFullQueueDropsCountsAndNeverWaitsAndIsReportedOncePerInterval() throws Exception {
        FakeReceiver receiver = new FakeReceiver();
        AlertWebhook webhook = webhook(settings(WebhookKeys.QUEUE_SIZE.name(), "3"), receiver);
        for (int i = 0; i < 10; i++) { // the receiver is slow: the sender has not taken any yet
            webhook.accept(alert("198.51.100." + i));
        }
        assertThat(outcomes).containsExactly("queue-full", "queue-full", "queue-full", "queue-full", "queue-full",
                "queue-full", "queue-full");
        assertThat(runDue(webhook)).isEqualTo(-1);
        assertThat(receiver.posts).hasSize(3);
        assertThat(log.at(Level.WARNING)).singleElement().asString().contains("7 alerts not delivered")
                .contains("7 dropped with the queue full").contains("bulwark.alerts.webhook.queue-size");

        for (int i = 0; i < 10; i++) { // more drops within the minute: no second line yet
            webhook.accept(alert("198.51.100.1" + i));
        }
        runDue(webhook);
        assertThat(log.at(Level.WARNING)).hasSize(1);
        clock.advance(AlertWebhook.REPORT_INTERVAL);
        runDue(webhook);
        assertThat(log.at(Level.WARNING)).hasSize(2).last().asString().contains("7 alerts not delivered")
                .contains("14 dropped with the queue full");
    }

    @Test
    void theSenderStopsAtUndeployAndWhatWaitsIsCounted() throws Exception {
        CountDownLatch posting = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AlertWebhook.Transport stuck = (body, token, id) -> { // a receiver that never answers
            posting.countDown();
            never.await();
            return new AlertWebhook.Answer(200, null);
        };
        List<Thread> threads = new ArrayList<>();
        AlertWebhook webhook = new AlertWebhook(settings(), stuck, () -> null, clock, () -> 0L, outcomes::add);
        webhook.start(r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        webhook.accept(alert("203.0.113.1"));
        webhook.accept(alert("203.0.113.2"));
        assertThat(posting.await(10, TimeUnit.SECONDS)).isTrue();

        webhook.close();
        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("bulwark-alert-webhook");
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.isAlive()).isFalse();
        });
        assertThat(outcomes).containsExactly("stopped", "stopped");
        assertThat(log.at(Level.WARNING)).singleElement().asString().contains("2 left at the stop");
    }

    @Test
    void theUrlMustBeHttpsExceptToALoopbackHost() {
        for (String good : List.of("https://siem.example/hooks/x?channel=sec", "https://10.0.0.5:8443/h",
                "HTTPS://Siem.Example/", "https://localhost./h", "https://[::ffff:127.0.0.1]/h")) {
            assertThat(urlProblems(good)).as(good).isEmpty();
        }
        for (String bad : List.of("http://siem.example/hooks", "http://10.0.0.5/h", "ftp://siem.example/h",
                "https://user:pw@siem.example/h", "https://siem.example/h#x", "siem.example", "https:///path-only")) {
            assertThat(urlProblems(bad)).as(bad).singleElement().asString().contains("bulwark.alerts.webhook.url")
                    // the path is often the receiver's secret, and a URL may carry a password: never echoed
                    .doesNotContain("siem.example").doesNotContain("pw@");
        }
    }

    /** Plain http only to a loopback host as written: the name localhost or a literal 127.0.0.0/8 or ::1. */
    @Test
    void httpIsAllowedOnlyToLocalhostOrALiteralLoopbackAddressSpelledPlainly() {
        for (String host : List.of("localhost", "LOCALHOST", "LocalHost", "127.0.0.1", "127.0.0.2", "127.255.255.254",
                "127.10.0.1", "[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "[::0:1]")) {
            for (String url : List.of("http://" + host + "/h", "http://" + host + ":9000/hooks?s=1")) {
                assertThat(urlProblems(url)).as(url).isEmpty();
            }
        }
        for (String host : List.of(
                "localhost.", "LOCALHOST.", "localhost..", "localhost.localdomain", "localhost.evil.example",
                "ip6-localhost", "loc%61lhost", "evil-localhost",
                "127.1", "127.0.1", "127.000.000.001", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "2130706433",
                "127.0.0.1.", "127.0.0.1.evil.example", "127.0.0.256", "128.0.0.1", "0.0.0.0", "0",
                "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[0:0:0:0:0:ffff:7f00:0001]", "[::2]",
                "[::]", "[::1:0]", "[fe80::1]", "[::1%25lo]")) {
            String url = "http://" + host + ":9000/hooks?token=s3cr3t-path";
            assertThat(urlProblems(url)).as(url).singleElement().asString().contains("bulwark.alerts.webhook.url")
                    .doesNotContain("s3cr3t").doesNotContain(host.length() > 2 ? host : "\0");
            String withCredentials = "http://bob:hunter2@" + host + "/h";
            assertThat(urlProblems(withCredentials)).as(withCredentials).singleElement().asString()
                    .contains("bulwark.alerts.webhook.url").doesNotContain("hunter2");
        }
    }

    private static List<String> urlProblems(String url) {
        Map<String, String> values = Map.of(WebhookKeys.URL.name(), url);
        return ConfigLoader.load(k -> Optional.ofNullable(values.get(k))).problems().stream()
                .map(Object::toString).toList();
    }

    @Test
    void aBadTokenOrBackOffFailsTheDeploymentNamingTheKeyNeverTheToken() {
        Map<String, String> values = Map.of(WebhookKeys.URL.name(), "https://siem.example/h",
                WebhookKeys.TOKEN.name(), "abc\r\nX-Injected: 1", WebhookKeys.BACKOFF.name(), "10s",
                WebhookKeys.BACKOFF_MAX.name(), "5s");
        var problems = ConfigLoader.load(k -> Optional.ofNullable(values.get(k))).problems();
        assertThat(problems).hasSize(2);
        assertThat(problems.toString()).contains("bulwark.alerts.webhook.token")
                .contains("bulwark.alerts.webhook.backoff-max").doesNotContain("X-Injected");
        assertThat(settings().enabled()).isTrue();
        assertThat(settings().origin()).isEqualTo("https://siem.example");
        WebhookSettings defaults = ConfigLoader.load(k -> Optional.empty()).config().settings(WebhookKeys.CONCERN);
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.maxAttempts()).isEqualTo(6);
        assertThat(defaults.queueSize()).isEqualTo(1000);
    }
}
