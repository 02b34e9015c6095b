package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host header hygiene: a malformed Host is refused everywhere, /it-proxy answers only the hosts of its
 * bulwark.transport.allowed-hosts (localhost, 127.0.0.1), and no Location is ever built from the Host header.
 */
class HostHeaderIT {

    private static final int TLS = RawHttp.port(ItSupport.BASE);
    private static final int PLAIN = RawHttp.port(ItSupport.HTTP);

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/x?", "evil.example/", "evil.example?x", "evil.example#x", "user@evil.example",
        "evil.example\\x", "evil.example:99999", "evil.example:", "evil.example:80:80", "[::1", "evil.example,other",
        "'evil'", "%65vil.example", "evil..example"})
    void aMalformedHostIsRefused(String host) {
        RawHttp.Response r = RawHttp.send(true, TLS, "GET /it/api/errors/ok HTTP/1.1", "Host: " + host);
        RawHttp.assertProblem(r, 400, true);
        assertThat(r.header("Location")).isEmpty();
        assertThat(r.raw()).doesNotContain("evil.example");
    }

    @Test
    void twoHostHeadersAreRefused() {
        RawHttp.Response r = RawHttp.send(true, TLS, "GET /it/api/errors/ok HTTP/1.1", "Host: localhost:" + TLS,
                "Host: evil.example");
        // Liberty may refuse the request itself before any application; either way nothing is served
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).doesNotContain("evil.example").doesNotContain("\"ok\"");
    }

    @Test
    void theRefusalIsLoggedWithTheHostEscapedAndTheCorrelationId() {
        RawHttp.Response r = RawHttp.send(true, TLS, "GET /it/api/errors/ok HTTP/1.1", "Host: evil.example/x?\u001b",
                "X-Request-Id: host-log-1");
        RawHttp.assertProblem(r, 400, true);
        String line = awaitLog("[correlationId=host-log-1]", "400 for GET /it/api/errors/ok");
        assertThat(line.lines().findFirst().orElseThrow()).contains("malformed Host header 'evil.example/x?\\u001b'");
    }

    @Test
    void theContainersDirectoryRedirectNeverCarriesAMalformedHost() {
        for (int port : new int[] {TLS, PLAIN}) {
            RawHttp.Response r = RawHttp.send(port == TLS, port, "GET /it HTTP/1.1", "Host: evil.example/x?");
            RawHttp.assertProblem(r, 400, port == TLS);
            assertThat(r.header("Location")).isEmpty();
        }
    }

    @Test
    void theContainersDirectoryRedirectIsRelativeSoNoHostGetsIntoIt() {
        RawHttp.Response foreign = RawHttp.send(true, TLS, "GET /it HTTP/1.1", "Host: evil.example");
        assertThat(foreign.status()).isEqualTo(302);
        assertThat(foreign.header("Location")).hasValue("/it/");
        RawHttp.assertSecurityHeaders(foreign, true);
        RawHttp.Response own = RawHttp.send(true, TLS, "GET /it HTTP/1.1", "Host: localhost:" + TLS);
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.header("Location")).hasValue("/it/");
    }

    @Test
    void withAnAllowListOnlyListedHostsAreServed() {
        for (String host : new String[] {"localhost:" + TLS, "localhost", "127.0.0.1:" + TLS, "LOCALHOST:" + TLS}) {
            RawHttp.Response r = RawHttp.send(true, TLS, "GET /it-proxy/api/errors/ok HTTP/1.1", "Host: " + host);
            assertThat(r.status()).as(host).isEqualTo(200);
        }
        for (String host : new String[] {"evil.example", "localhost.evil.example", "127.0.0.2", "[::2]"}) {
            RawHttp.Response r = RawHttp.send(true, TLS, "GET /it-proxy/api/errors/ok HTTP/1.1", "Host: " + host,
                    "X-Request-Id: host-list-" + host.length());
            RawHttp.assertProblem(r, 400, true);
        }
        awaitLog("[correlationId=host-list-12]", "Host 'evil.example' is not in bulwark.transport.allowed-hosts");
        // the same WAR without a list answers any well-formed host
        assertThat(RawHttp.send(true, TLS, "GET /it/api/errors/ok HTTP/1.1", "Host: api.example.com").status())
                .isEqualTo(200);
    }

    @Test
    void theRedirectToHttpsUsesOnlyAValidatedHost() {
        RawHttp.Response malformed = RawHttp.send(false, PLAIN, "GET /it/legacy/hello HTTP/1.1",
                "Host: evil.example/x?");
        RawHttp.assertProblem(malformed, 400, false);
        assertThat(malformed.header("Location")).isEmpty();
        RawHttp.Response unlisted = RawHttp.send(false, PLAIN, "GET /it-proxy/legacy/hello HTTP/1.1",
                "Host: evil.example", "X-Forwarded-Proto: http");
        RawHttp.assertProblem(unlisted, 400, false);
        assertThat(unlisted.header("Location")).isEmpty();
        RawHttp.Response listed = RawHttp.send(false, PLAIN, "GET /it-proxy/legacy/hello?x=1 HTTP/1.1",
                "Host: localhost:" + PLAIN);
        assertThat(listed.status()).isEqualTo(308);
        assertThat(listed.header("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("https://localhost:").endsWith("/it-proxy/legacy/hello?x=1"));
    }

    @Test
    void redirectPathsWithoutAnAllowListAreWarnedAboutAtStartUp() {
        awaitLog("bulwark.transport.redirect-paths of /it to HTTPS at whatever well-formed host",
                "bulwark.transport.allowed-hosts");
        assertThat(ItSupport.countLogLines("bulwark.transport.redirect-paths of /it-proxy ")).as("it has a list")
                .isZero();
    }
}
