package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test app allows one origin, https://app.example.com, with credentials. */
class CorsIT {

    private static final String APP = "https://app.example.com";

    @Test
    void anAllowedPreflightIsAnsweredWithConfiguredValues() {
        HttpResponse<String> r = send("OPTIONS", "/it/api/items", null, "Origin", APP,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, HEAD, POST, PUT, PATCH, DELETE");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("Authorization, Content-Type, X-Request-Id, traceparent, tracestate");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(r.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Origin"));
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "https://app.example.com.evil.example",
        "http://app.example.com", "https://app.example.com:444", "https://APP.EXAMPLE.COM"})
    void aPreflightFromAnyOtherOriginIsRefusedWithoutAllowHeaders(String origin) {
        HttpResponse<String> r = send("OPTIONS", "/it/api/items", null, "Origin", origin,
                "Access-Control-Request-Method", "POST");
        JsonObject p = assertProblem(r, 403);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:cors-refused");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-allow"));
        assertThat(r.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Origin"));
    }

    /** A browser app instrumented with OpenTelemetry adds W3C Trace Context to its cross-origin calls. */
    @Test
    void aTracedBrowserAppsPreflightIsAllowedByDefault() {
        HttpResponse<String> r = send("OPTIONS", "/it/api/items", null, "Origin", APP,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, traceparent, tracestate");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v).contains("traceparent").contains("tracestate"));

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> actual = send("GET", "/it/api/errors/ok", null, "Origin", APP,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "tracestate", "rojo=00f067aa0ba902b7");
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(actual.headers().firstValue("X-Request-Id")).hasValue(traceId);
    }

    @Test
    void theTraceHeadersOpenNoOtherHeader() {
        HttpResponse<String> r = send("OPTIONS", "/it/api/items", null, "Origin", APP,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, traceparent, tracestate, x-debug-user");
        JsonObject p = assertProblem(r, 403);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:cors-refused");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-allow"));
    }

    @Test
    void aPreflightAskingForMoreThanConfiguredIsRefused() {
        assertProblem(send("OPTIONS", "/it/api/items", null, "Origin", APP, "Access-Control-Request-Method", "TRACE"),
                403);
        assertProblem(send("OPTIONS", "/it/api/items", null, "Origin", APP, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "x-admin-override"), 403);
    }

    @Test
    void aRefusedPreflightIsLoggedWithWhatFailedAndTheKeyThatWouldAllowIt() {
        send("OPTIONS", "/it/api/items", null, "Origin", "https://evil.example", "Access-Control-Request-Method",
                "POST", "X-Request-Id", "cors-log-origin");
        awaitLog("[correlationId=cors-log-origin]", "403 for OPTIONS /it/api/items: CORS preflight refused: origin"
                + " 'https://evil.example' is not in bulwark.cors.allowed-origins");
        send("OPTIONS", "/it/api/items", null, "Origin", APP, "Access-Control-Request-Method", "TRACE",
                "X-Request-Id", "cors-log-method");
        awaitLog("[correlationId=cors-log-method]", "method 'TRACE' is not in bulwark.cors.allowed-methods");
        send("OPTIONS", "/it/api/items", null, "Origin", APP, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, X-Admin-Override", "X-Request-Id", "cors-log-header");
        awaitLog("[correlationId=cors-log-header]", "header 'X-Admin-Override' is not in bulwark.cors.allowed-headers");
    }

    @Test
    void clientTextInTheCorsLogLineIsEscaped() {
        RawHttp.Response r = RawHttp.tls("OPTIONS /it/api/items HTTP/1.1", "Origin: https://evil.example\u001b[2J",
                "Access-Control-Request-Method: POST", "X-Request-Id: cors-log-escaped");
        RawHttp.assertProblem(r, 403, true);
        String line = awaitLog("[correlationId=cors-log-escaped]").lines().findFirst().orElseThrow();
        assertThat(line).contains("origin 'https://evil.example\\u001b[2J' is not in bulwark.cors.allowed-origins");
        assertThat(line).as("no raw escape character").doesNotContain("\u001b");
    }

    @Test
    void actualRequestsGetAllowHeadersOnlyForTheAllowedOrigin() {
        HttpResponse<String> allowed = send("GET", "/it/api/errors/ok", null, "Origin", APP);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Request-Id");
        assertThat(allowed.headers().firstValue("Vary")).hasValue("Origin");

        HttpResponse<String> other = send("GET", "/it/api/errors/ok", null, "Origin", "https://evil.example");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(other.headers().firstValue("Vary")).hasValue("Origin");

        HttpResponse<String> errorAllowed = send("GET", "/it/api/errors/boom", null, "Origin", APP);
        assertProblem(errorAllowed, 500);
        assertThat(errorAllowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    }
}
