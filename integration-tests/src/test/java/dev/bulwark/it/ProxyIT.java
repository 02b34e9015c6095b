package dev.bulwark.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real nginx (from Debian, started by the build: src/test/nginx/nginx.sh) terminating TLS in front of the test
 * server, configured with the files docs/transport.md shows. The tests are nginx's clients from their own loopback
 * addresses (127.0.0.2 and up; nginx itself reaches Liberty from 127.0.0.1): /it-nginx trusts nginx,
 * /it-nginx-untrusted does not (server.xml).
 */
class ProxyIT {

    private static final int NGINX = Integer.getInteger("it.nginx.port", 9547);
    /** nginx in front of Liberty's HTTPS port (a test-only server block). */
    private static final int NGINX_TO_HTTPS = Integer.getInteger("it.nginx.untrusted.port", 9548);
    private static final Path RUN = Path.of(System.getProperty("it.nginx.run", "target/nginx/run"));
    private static final Path SNIPPETS = Path.of(System.getProperty("it.nginx.snippets", "src/test/nginx"));
    private static final Path TRANSPORT_DOC = Path.of(System.getProperty("it.docs", "../docs"), "transport.md");
    private static final Path AUDIT_FILE = ItSupport.LOG.getParent().resolve("bulwark-audit-nginx.json");

    /** Skips (with the build's reason) when nginx could not be installed, and waits for the deployments. */
    private static void nginx() {
        assumeTrue(ItSupport.onLiberty(), "the nginx deployments are Liberty's (server.xml)");
        Path skipped = RUN.resolve("skipped");
        assumeFalse(Files.exists(skipped), () -> "nginx is not available: " + read(skipped));
        assertThat(RUN.resolve("nginx.pid")).as("nginx started by the build").exists();
        ItSupport.awaitApplication("/it-nginx");
        ItSupport.awaitApplication("/it-nginx-untrusted");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetAddress address(String client) {
        try {
            return InetAddress.getByName(client);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code GET path} over TLS to nginx's port {@code port}, from the loopback address {@code client}. */
    private static RawHttp.Response get(String client, int port, String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("Host: localhost:" + port));
        all.addAll(List.of(headers));
        return RawHttp.sendFrom(address(client), true, port, "GET " + path + " HTTP/1.1", all.toArray(String[]::new));
    }

    private static RawHttp.Response viaNginx(String client, String path, String... headers) {
        return get(client, NGINX, path, headers);
    }

    private static JsonObject json(RawHttp.Response r) {
        assertThat(r.status()).as("status of:%n%s", r.raw()).isEqualTo(200);
        return ItSupport.json(r.body());
    }

    /** The access event of a response in /it-nginx's audit log. */
    private static JsonObject event(RawHttp.Response r) {
        String id = r.header("X-Request-Id").orElseThrow();
        List<JsonObject> events = AuditIT.await(AUDIT_FILE, e -> id.equals(e.getString("http.request.id", null))
                && "event".equals(e.getString("event.kind", null)), 1);
        assertThat(events).as("the access event of " + id).hasSize(1);
        return events.get(0);
    }

    /** A problem+json refusal with its correlation id, past nginx unchanged. */
    private static JsonObject assertProblem(RawHttp.Response r, int status) {
        assertThat(r.status()).as("status of:%n%s", r.raw()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = ItSupport.json(r.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(r.header("X-Request-Id")).hasValue(problem.getString("correlationId"));
        return problem;
    }

    @Test
    void theNginxConfigurationInTheDocsIsTheTestedOne() throws IOException {
        String doc = Files.readString(TRANSPORT_DOC);
        for (String file : List.of("api-server.conf", "bulwark-proxy.conf")) {
            String snippet = Files.readString(SNIPPETS.resolve(file));
            assertThat(doc).as("docs/transport.md shows src/test/nginx/%s verbatim", file)
                    .contains("```nginx\n" + snippet + "```\n");
        }
    }

    @Test
    void theClientBehindNginxIsItsOwnAddressAndTheRequestCountsAsHttps() {
        nginx();
        RawHttp.Response r = viaNginx("127.0.0.5", "/it-nginx/api/echo/client");
        JsonObject seen = json(r);
        assertThat(seen.getString("client")).isEqualTo("127.0.0.5");
        assertThat(seen.getBoolean("secure")).as("TLS ended at nginx, which says https").isTrue();
        assertThat(r.header("Strict-Transport-Security")).hasValue("max-age=63072000; includeSubDomains");
        RawHttp.assertSecurityHeaders(r, true);
        JsonObject event = event(r);
        assertThat(event.getString("client.ip")).isEqualTo("127.0.0.5");
        assertThat(event.getString("event.outcome")).isEqualTo("success");
        // another client is another address
        assertThat(json(viaNginx("127.0.0.6", "/it-nginx/api/echo/client")).getString("client"))
                .isEqualTo("127.0.0.6");
    }

    @Test
    void forwardingHeadersAClientWritesItselfAreNotBelieved() {
        nginx();
        RawHttp.Response r = viaNginx("127.0.0.7", "/it-nginx/api/echo/client", "X-Forwarded-For: 10.8.4.2",
                "Forwarded: for=198.51.100.1;proto=https", "X-Real-IP: 198.51.100.2", "X-Forwarded-Proto: http");
        JsonObject seen = json(r);
        assertThat(seen.getString("client")).as("nginx appends the real client to X-Forwarded-For")
                .isEqualTo("127.0.0.7");
        assertThat(seen.getBoolean("secure")).as("nginx overwrites X-Forwarded-Proto").isTrue();
        assertThat(event(r).getString("client.ip")).isEqualTo("127.0.0.7");
        // a chain of made-up hops, one of them the trusted proxy's own address
        assertThat(json(viaNginx("127.0.0.7", "/it-nginx/api/echo/client",
                "X-Forwarded-For: 203.0.113.9, 127.0.0.1")).getString("client")).isEqualTo("127.0.0.7");
    }

    @Test
    void aRateLimitCountsEachRealClientBehindNginx() {
        nginx();
        String path = "/it-nginx/api/limited/spoof"; // 5 per minute and client address
        for (int i = 0; i < 5; i++) {
            assertThat(viaNginx("127.0.0.11", path, "X-Forwarded-For: 198.51.100." + i).status()).isEqualTo(200);
        }
        RawHttp.Response limited = viaNginx("127.0.0.11", path, "X-Forwarded-For: 198.51.100.99");
        assertProblem(limited, 429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(event(limited).getString("client.ip")).isEqualTo("127.0.0.11");
        // the next client behind the same proxy has its own count
        RawHttp.Response other = viaNginx("127.0.0.12", path);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).contains(";r=4;"));
    }

    @Test
    void theDenyListRefusesTheRealClientAndOnlyIt() {
        nginx();
        for (String spoof : List.of("X-Forwarded-For: 198.51.100.7", "Forwarded: for=198.51.100.7", "X-Trace: none")) {
            RawHttp.Response r = viaNginx("127.0.0.66", "/it-nginx/api/errors/ok", spoof);
            assertProblem(r, 403);
            assertThat(r.body()).doesNotContain("127.0.0.66");
            JsonObject event = event(r);
            assertThat(event.getString("bulwark.control")).isEqualTo("address-rules");
            assertThat(event.getString("client.ip")).isEqualTo("127.0.0.66");
        }
        assertThat(viaNginx("127.0.0.67", "/it-nginx/api/errors/ok").status()).isEqualTo(200);
        assertThat(viaNginx("127.0.0.67", "/it-nginx/api/errors/ok", "X-Forwarded-For: 127.0.0.66").status())
                .as("naming the denied address does not make a client the denied one").isEqualTo(200);
    }

    @Test
    void aDeploymentThatDoesNotTrustNginxRefusesPlainHttpFromIt() {
        nginx();
        RawHttp.Response r = viaNginx("127.0.0.9", "/it-nginx-untrusted/api/errors/ok");
        JsonObject problem = assertProblem(r, 403);
        assertThat(problem.getString("type")).isEqualTo("urn:bulwark:problem:https-required");
        assertThat(r.header("Strict-Transport-Security")).isEmpty();
        // the same request through nginx to the deployment that trusts it
        assertThat(viaNginx("127.0.0.9", "/it-nginx/api/errors/ok").status()).isEqualTo(200);
    }

    @Test
    void aDeploymentThatDoesNotTrustNginxSeesNginxAsTheClient() {
        nginx();
        JsonObject seen = json(get("127.0.0.9", NGINX_TO_HTTPS, "/it-nginx-untrusted/api/echo/client",
                "X-Forwarded-For: 198.51.100.3"));
        assertThat(seen.getString("client")).isEqualTo("127.0.0.1");
        assertThat(seen.getBoolean("secure")).isTrue();
        // the path open to 127.0.0.9 only: closed to it through nginx, open when it connects itself
        RawHttp.Response refused = get("127.0.0.9", NGINX_TO_HTTPS, "/it-nginx-untrusted/api/echo/method");
        assertProblem(refused, 403);
        int liberty = URI.create(ItSupport.BASE).getPort();
        RawHttp.Response direct = get("127.0.0.9", liberty, "/it-nginx-untrusted/api/echo/method");
        assertThat(json(direct).getString("method")).isEqualTo("GET");
        assertProblem(get("127.0.0.10", liberty, "/it-nginx-untrusted/api/echo/method"), 403);
    }
}
