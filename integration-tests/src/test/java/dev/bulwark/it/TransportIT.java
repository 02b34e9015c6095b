package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.HTTP;
import static dev.bulwark.it.ItSupport.HTTPS_PORT;
import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** HTTPS only, and forwarded headers believed from trusted proxies only. */
class TransportIT {

    @Test
    void plainHttpApiCallsAreRefusedNotRedirected() {
        for (String method : new String[] {"GET", "POST", "DELETE", "HEAD"}) {
            HttpResponse<String> r = sendTo(HTTP, method, "/it/api/errors/ok", null);
            assertThat(r.statusCode()).as(method).isEqualTo(403);
            assertThat(r.headers().firstValue("Location")).isEmpty();
            if (!method.equals("HEAD")) {
                JsonObject p = assertProblem(r, 403);
                assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:https-required");
            }
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(sendTo(BASE, "GET", "/it/api/errors/ok", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenSentOverPlainHttpGetsNoAnswerButTheRefusal() {
        HttpResponse<String> r = sendTo(HTTP, "GET", "/it/bulwark/inventory", null, "Authorization",
                "Bearer " + ItSupport.token("ops", "bulwark-admin"));
        assertProblem(r, 403);
        assertThat(r.body()).doesNotContain("endpoints");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X-Forwarded-Proto|https",
        "Forwarded|proto=https",
        "Forwarded|for=127.0.0.1;proto=https",
        "X-Forwarded-Ssl|on",
        "Front-End-Https|on",
        "X-Url-Scheme|https"})
    void spoofedSchemeHeadersFromAnUntrustedPeerChangeNothing(String header, String value) {
        HttpResponse<String> r = sendTo(HTTP, "GET", "/it/api/errors/ok", null, header, value);
        assertProblem(r, 403);
    }

    /**
     * The WebSphere plug-in's private headers, which Liberty believes from any client without bulwark-base.xml
     * (scheme, TLS, client address). With the fragment Liberty drops them before the application; without it,
     * Bulwark refuses any that reach it (DirectTlsTest).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$WSSC|https", "$WSIS|true", "$WSRA|10.0.0.1", "$wscs|TLS_AES_128_GCM_SHA256"})
    void webspherePrivateHeadersChangeNothing(String header, String value) {
        if (!ItSupport.onLiberty()) {
            // no bulwark-base.xml drops them before the application: Bulwark refuses any that reach it
            assertProblem(sendTo(HTTP, "GET", "/it/api/errors/ok", null, header, value), 400);
            assertProblem(ItSupport.send("GET", "/it/api/echo/client", null, header, value), 400);
            return;
        }
        assertProblem(sendTo(HTTP, "GET", "/it/api/errors/ok", null, header, value), 403);
        HttpResponse<String> tls = ItSupport.send("GET", "/it/api/echo/client", null, header, value);
        assertThat(tls.statusCode()).isEqualTo(200);
        assertThat(tls.body()).doesNotContain("10.0.0.1");
    }

    @Test
    void aTrustedProxyMayReportTls() {
        HttpResponse<String> r = sendTo(HTTP, "GET", "/it-proxy/api/echo/client", null, "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.9");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).getBoolean("secure")).isTrue();
        assertThat(json(r.body()).getString("client")).isEqualTo("203.0.113.9");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).as("TLS as reported by the proxy").isPresent();
        HttpResponse<String> rfc = sendTo(HTTP, "GET", "/it-proxy/api/echo/client", null, "Forwarded",
                "for=\"[2001:db8::7]:4711\";proto=https");
        assertThat(json(rfc.body()).getString("client")).isEqualTo("2001:db8::7");
        // the trusted proxy reporting plain HTTP is refused like a direct plain request
        assertProblem(sendTo(HTTP, "GET", "/it-proxy/api/echo/client", null, "X-Forwarded-Proto", "http"), 403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-For", "X-Real-IP", "True-Client-IP", "Forwarded", "X-Client-IP",
        "CF-Connecting-IP"})
    void clientAddressHeadersFromAnUntrustedPeerAreIgnored(String header) {
        String value = header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9";
        HttpResponse<String> r = sendTo(BASE, "GET", "/it/api/echo/client", null, header, value);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).getString("client")).isIn("127.0.0.1", "::1");
        assertThat(json(r.body()).getBoolean("secure")).isTrue();
    }

    @Test
    void behindATrustedProxyTheFirstUntrustedHopFromTheRightIsTheClient() {
        HttpResponse<String> r = sendTo(BASE, "GET", "/it-proxy/api/echo/client", null, "X-Forwarded-For",
                "6.6.6.6, 203.0.113.9, 127.0.0.1");
        assertThat(json(r.body()).getString("client")).isEqualTo("203.0.113.9");
        HttpResponse<String> garbage = sendTo(BASE, "GET", "/it-proxy/api/echo/client", null, "X-Forwarded-For",
                "203.0.113.9, unknown");
        assertThat(json(garbage.body()).getString("client")).isIn("127.0.0.1", "::1");
    }

    @Test
    void configuredBrowserPathsAreRedirectedForGetAndHeadOnly() {
        HttpResponse<String> get = sendTo(HTTP, "GET", "/it/legacy/hello?x=1", null);
        assertThat(get.statusCode()).isEqualTo(308);
        assertThat(get.headers().firstValue("Location"))
                .hasValue("https://localhost:" + HTTPS_PORT + "/it/legacy/hello?x=1");
        assertThat(get.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(sendTo(HTTP, "HEAD", "/it/legacy/hello", null).statusCode()).isEqualTo(308);
        assertProblem(sendTo(HTTP, "POST", "/it/legacy/hello", "x"), 403);
        assertProblem(sendTo(HTTP, "GET", "/it/legacyx", null), 403);
        assertThat(sendTo(BASE, "GET", "/it/legacy/hello", null).body()).isEqualTo("legacy ok");
    }
}
