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
        awaitLog("[correlationId=host-list-12]", "host 'evil.example:", "is not in bulwark.transport.allowed-hosts");
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

    /** An absolute-form target names the host the container builds URLs from: it is checked, not only Host. */
    @Test
    void theHostOfAnAbsoluteFormTargetIsCheckedToo() {
        RawHttp.Response malformed = RawHttp.send(true, TLS, "GET https://evil{x}/it/api/errors/nope HTTP/1.1",
                "Host: localhost:" + TLS);
        RawHttp.assertProblem(malformed, 400, true);
        RawHttp.Response quote = RawHttp.send(true, TLS, "POST https://evil\"x/it/api/errors/created HTTP/1.1",
                "Host: localhost:" + TLS, "Content-Length: 0");
        RawHttp.assertProblem(quote, 400, true);
        RawHttp.Response unlisted = RawHttp.send(true, TLS, "GET https://evil.example/it-proxy/api/errors/ok HTTP/1.1",
                "Host: localhost:" + TLS);
        RawHttp.assertProblem(unlisted, 400, true);
        RawHttp.Response listed = RawHttp.send(true, TLS, "GET https://localhost:" + TLS
                + "/it-proxy/api/errors/ok HTTP/1.1", "Host: localhost:" + TLS);
        assertThat(listed.status()).isEqualTo(200);
    }

    /** HTTP/2 names the host in :authority, with no Host header: served, and checked against the list. */
    @Test
    void http2RequestsAreServedWithAnAllowList() throws Exception {
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .sslContext(dev.bulwark.devtools.DevTls.trustAllContext()).build();
        java.net.http.HttpResponse<String> r = h2.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ItSupport.BASE + "/it-proxy/api/errors/ok")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** A 201's Location, like a redirect's, never carries the host the request named. */
    @Test
    void theLocationOfA201IsRelativeWhateverTheHost() {
        for (String host : new String[] {"evil.example", "evil.example:" + TLS, "localhost:" + TLS, "evil_host.example:" + TLS,
            "attacker.1x:" + TLS}) {
            RawHttp.Response r = RawHttp.send(true, TLS, "POST /it/api/errors/created HTTP/1.1", "Host: " + host,
                    "Content-Length: 0");
            assertThat(r.status()).as(host).isEqualTo(201);
            assertThat(r.header("Location")).as(host).hasValueSatisfying(l -> assertThat(l).startsWith("/it/api/")
                    .endsWith("things/7").doesNotContain("evil").doesNotContain("localhost"));
        }
    }
}
