package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real POST, to a JDK HTTP server on a free loopback port. */
class HttpWebhookTransportTest {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/ok", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/hooks/busy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "30");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        server.createContext("/hooks/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "/hooks/ok");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/hooks/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/hooks/stalls", exchange -> {
            // answers 200 with a 100-byte body, sends 10 bytes of it, then stalls
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    /** Roomy timeouts: the build machine may be busy. */
    private HttpWebhookTransport transport(String path) {
        return transport(path, Duration.ofSeconds(30));
    }

    private HttpWebhookTransport transport(String path, Duration timeout) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new HttpWebhookTransport(new WebhookSettings(url, null, Duration.ofSeconds(30), timeout, 10, 3,
                Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void postsTheJsonWithTheBearerTokenAndTheAlertsId() throws Exception {
        HttpWebhookTransport transport = transport("/hooks/ok");
        AlertWebhook.Answer answer = transport.post("{\"rule.name\":\"exfiltration\"}", "hook-token", "id-1");
        assertThat(answer.status()).isEqualTo(204);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/hooks/ok");
            assertThat(r.body()).isEqualTo("{\"rule.name\":\"exfiltration\"}");
            assertThat(r.headers().get("Authorization")).containsExactly("Bearer hook-token");
            assertThat(r.headers().get("Content-type")).containsExactly("application/json");
            assertThat(r.headers().get("Idempotency-key")).containsExactly("id-1");
        });
        transport.post("{}", null, "id-2");
        assertThat(received.get(1).headers()).doesNotContainKey("Authorization");
        transport.close();
    }

    @Test
    void givesBackTheRetryAfterAndFollowsNoRedirect() throws Exception {
        AlertWebhook.Answer busy = transport("/hooks/busy").post("{}", null, "id");
        assertThat(busy).isEqualTo(new AlertWebhook.Answer(429, "30"));
        assertThat(transport("/hooks/moved").post("{}", null, "id").status()).isEqualTo(307);
        assertThat(received).isEmpty();
    }

    @Test
    void aReceiverThatStallsInItsBodyIsATimeoutToo() {
        // the client's own timeout ends with the headers: the whole exchange is bounded, or the sender hangs
        assertThatThrownBy(() -> transport("/hooks/stalls", Duration.ofMillis(500)).post("{}", null, "id"))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsATimeout() {
        assertThatThrownBy(() -> transport("/hooks/slow", Duration.ofMillis(500)).post("{}", null, "id"))
                .isInstanceOf(HttpTimeoutException.class);
    }
}
