package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.HTTP;
import static dev.bulwark.it.ItSupport.MANAGEMENT;
import static dev.bulwark.it.ItSupport.METRICS_READER;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's own endpoints (MicroProfile Health and Metrics, Liberty's /ibm/api) with
 * liberty-config/bulwark-management.xml: off the application's ports, on a loopback TLS-only port, Metrics behind
 * authentication, no CORS, Bulwark's headers. And the start-up inventory naming what Bulwark does not cover.
 */
class ServerEndpointsIT {

    private static final int MANAGEMENT_PORT = RawHttp.port(MANAGEMENT);

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/ready", "/health/live", "/health/started", "/metrics",
        "/metrics?scope=application", "/ibm/api/"})
    void theServersOwnEndpointsAreNotOnTheApplicationsPorts(String path) {
        for (String base : new String[] {HTTP, BASE}) {
            HttpResponse<String> r = sendTo(base, "GET", path, null, "Authorization", METRICS_READER);
            assertThat(r.statusCode()).as(base + path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("UP").doesNotContain("# TYPE");
        }
    }

    @Test
    void healthAnswersOnTheManagementPortWithBulwarksHeaders() {
        HttpResponse<String> r = sendTo(MANAGEMENT, "GET", "/health/live", null, "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ItSupport.json(r.body()).getString("status")).isEqualTo("UP");
        // overall health is DOWN here: the test server deploys applications that must fail (itBad, itStrict...)
        HttpResponse<String> overall = sendTo(MANAGEMENT, "GET", "/health", null);
        assertThat(overall.statusCode()).isIn(200, 503);
        assertThat(ItSupport.json(overall.body()).getString("status")).isIn("UP", "DOWN");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        ItSupport.assertNoLeaks(r);
    }

    @Test
    void metricsNeedTheReadersCredentials() {
        HttpResponse<String> anonymous = sendTo(MANAGEMENT, "GET", "/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).doesNotContain("# TYPE");
        String wrong = "Basic " + Base64.getEncoder().encodeToString("metrics-reader:guess"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(sendTo(MANAGEMENT, "GET", "/metrics", null, "Authorization", wrong).statusCode()).isEqualTo(401);
        assertThat(sendTo(MANAGEMENT, "GET", "/metrics", null, "Authorization", "Bearer "
                + ItSupport.token("ops", "bulwark-admin")).statusCode()).as("an API token is no metrics credential")
                .isEqualTo(401);

        HttpResponse<String> reader = sendTo(MANAGEMENT, "GET", "/metrics", null, "Authorization", METRICS_READER);
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.body()).contains("# TYPE");
        assertThat(reader.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void metricsSendNoCorsHeadersToAnyOrigin() {
        for (String method : new String[] {"GET", "OPTIONS"}) {
            HttpResponse<String> r = sendTo(MANAGEMENT, method, "/metrics", null, "Authorization", METRICS_READER,
                    "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
            assertThat(r.headers().map().keySet()).as(method)
                    .noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void theManagementPortSpeaksNoPlainHttp() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", MANAGEMENT_PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: localhost:" + MANAGEMENT_PORT
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] answer;
            try {
                answer = in.readNBytes(64);
            } catch (SocketException e) {
                answer = new byte[0];
            }
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotStartWith("HTTP/");
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws SocketException {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), MANAGEMENT_PORT), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    /** Shown, not fixed: Liberty puts MicroProfile OpenAPI on the application's virtual host (docs/errors.md). */
    @Test
    void openApiStaysOnTheApplicationsPortsAndTheInventorySaysSo() {
        assertThat(sendTo(HTTP, "GET", "/openapi", null).statusCode()).isEqualTo(200);
        assertThat(sendTo(MANAGEMENT, "GET", "/openapi", null).statusCode()).isEqualTo(404);
        awaitLog("/openapi, /openapi/ui", "MicroProfile OpenAPI", "served on this application's host and ports");
    }

    @Test
    void theStartUpInventoryNamesWhatBulwarkDoesNotCover() {
        String report = awaitLog("Bulwark: what else this server serves, and how far Bulwark covers it");
        String block = report.substring(0, report.indexOf("what a proxy or gateway in front of the server exposes"));
        assertThat(block)
                .containsPattern("/it[a-z-]*/legacy/\\*\\s+servlet dev.bulwark.it.LegacyServlet\\s+filter only");
        assertThat(block).containsPattern("/health\\s+MicroProfile Health .*not on this application's host and ports");
        assertThat(block).containsPattern("/metrics\\s+MicroProfile Metrics .*not on this application's host");
        assertThat(block).containsPattern("/jwt\\s+a web module of the server");
        assertThat(block).containsPattern("applications\\s+it, itAudit, itBad, itBrokenBean, itDependentDenyList, itEgress, itExposureStrict, itFlood,"
                + " itGateway, itKc, itKeys, itKeysAudience, itKeysJdbc, itKeysNoFile, itNginx, itNginxUntrusted, itNoServices,"
                + " itObserve, itOpenapi, itPackagedSecret, itProxy, itRedis");
        assertThat(block).contains("listener bulwarkManagementEndpoint-ssl 127.0.0.1:" + MANAGEMENT_PORT);
        assertThat(block).contains("Cannot be known from inside the application:");
        assertThat(block).as("JAX-RS servlets are in the table above, not here").doesNotContain("ItApplication");
    }
}
