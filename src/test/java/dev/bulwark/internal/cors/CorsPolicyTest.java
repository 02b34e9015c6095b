package dev.bulwark.internal.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.headers.HeaderValue;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    private static CorsPolicy policy(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        ConfigLoader.Result r = TestConfig.load(m);
        assertThat(r.problems()).isEmpty();
        return new CorsPolicy(r.config().cors());
    }

    private static Map<String, String> headers(CorsPolicy.Decision d) {
        return d.headers().stream().collect(Collectors.toMap(HeaderValue::name, HeaderValue::value));
    }

    private final CorsPolicy app = policy("bulwark.cors.allowed-origins", "https://app.example.com",
            "bulwark.cors.allow-credentials", "true");

    @Test
    void anAllowedPreflightIsAnsweredFromConfiguration() {
        CorsPolicy.Decision d = app.decide("OPTIONS", "https://app.example.com", "PUT", "authorization, content-type");
        assertThat(d.kind()).isEqualTo(CorsPolicy.Kind.PREFLIGHT_ALLOWED);
        assertThat(headers(d)).containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
                .containsEntry("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE")
                .containsEntry("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, X-Request-Id, traceparent, tracestate")
                .containsEntry("Access-Control-Max-Age", "600")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "https://app.example.com.evil.example",
        "https://app.example.co", "http://app.example.com", "https://app.example.com:8443", "https://APP.example.com",
        "https://app.example.com/", " https://app.example.com", "https://evil.example/https://app.example.com"})
    void originsMustMatchExactly(String origin) {
        CorsPolicy.Decision preflight = app.decide("OPTIONS", origin, "GET", null);
        assertThat(preflight.kind()).isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
        assertThat(headers(preflight)).doesNotContainKeys("Access-Control-Allow-Origin",
                "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods");
        CorsPolicy.Decision actual = app.decide("GET", origin, null, null);
        assertThat(actual.kind()).isEqualTo(CorsPolicy.Kind.ACTUAL);
        assertThat(headers(actual)).containsEntry("Vary", "Origin").doesNotContainKey("Access-Control-Allow-Origin");
    }

    /** What a browser app traced with OpenTelemetry asks for: its token, JSON, and W3C Trace Context. */
    @ParameterizedTest
    @ValueSource(strings = {"authorization,content-type,traceparent,tracestate",
        "authorization, content-type, traceparent, tracestate", "traceparent", "Traceparent, TraceState",
        "content-type,traceparent,x-request-id"})
    void aTracedBrowserAppsPreflightIsAllowedByDefault(String requested) {
        CorsPolicy.Decision d = app.decide("OPTIONS", "https://app.example.com", "POST", requested);
        assertThat(d.kind()).isEqualTo(CorsPolicy.Kind.PREFLIGHT_ALLOWED);
        assertThat(headers(d).get("Access-Control-Allow-Headers")).contains("traceparent, tracestate");
    }

    @Test
    void theTraceHeadersOpenNothingElse() {
        CorsPolicy.Decision d = app.decide("OPTIONS", "https://app.example.com", "POST",
                "authorization, content-type, traceparent, tracestate, x-admin-override");
        assertThat(d.kind()).isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
        assertThat(d.refusal()).isEqualTo("header 'x-admin-override' is not in bulwark.cors.allowed-headers");
        assertThat(headers(d)).doesNotContainKeys("Access-Control-Allow-Origin", "Access-Control-Allow-Headers");
        assertThat(app.decide("OPTIONS", "https://app.example.com", "POST", "traceparent-x").kind())
                .isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
        CorsPolicy own = policy("bulwark.cors.allowed-origins", "https://app.example.com",
                "bulwark.cors.allowed-headers", "Authorization, Content-Type");
        assertThat(own.decide("OPTIONS", "https://app.example.com", "POST", "authorization, traceparent").refusal())
                .as("a list the application sets replaces the default")
                .isEqualTo("header 'traceparent' is not in bulwark.cors.allowed-headers");
    }

    @Test
    void preflightsAskingForUnconfiguredMethodsOrHeadersAreRefused() {
        assertThat(app.decide("OPTIONS", "https://app.example.com", "TRACE", null).kind())
                .isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
        assertThat(app.decide("OPTIONS", "https://app.example.com", "get", null).kind())
                .isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
        assertThat(app.decide("OPTIONS", "https://app.example.com", "GET", "authorization, x-admin").kind())
                .isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
    }

    @Test
    void aRefusalSaysWhatFailedAndWhichKeyWouldAllowIt() {
        assertThat(app.decide("OPTIONS", "https://evil.example", "GET", null).refusal())
                .isEqualTo("origin 'https://evil.example' is not in bulwark.cors.allowed-origins");
        assertThat(app.decide("OPTIONS", "null", "GET", null).refusal()).isEqualTo("origin 'null' is never allowed");
        assertThat(app.decide("OPTIONS", "https://app.example.com", "TRACE", null).refusal())
                .isEqualTo("method 'TRACE' is not in bulwark.cors.allowed-methods");
        assertThat(app.decide("OPTIONS", "https://app.example.com", "GET", "Authorization, X-Admin, X-Other").refusal())
                .isEqualTo("header 'X-Admin' is not in bulwark.cors.allowed-headers");
        assertThat(policy().decide("OPTIONS", "https://app.example.com", "GET", null).refusal())
                .isEqualTo("origin 'https://app.example.com' refused: CORS is off (bulwark.cors.allowed-origins is empty)");
        assertThat(app.decide("OPTIONS", "https://app.example.com", "GET", "authorization").refusal()).isNull();
        assertThat(app.decide("GET", "https://evil.example", null, null).refusal()).isNull();
    }

    @Test
    void clientTextInARefusalIsEscapedAndCutShortBeforeTheKey() {
        String refusal = app.decide("OPTIONS", "https://evil.example\r\nforged: line" + "x".repeat(500), "GET", null)
                .refusal();
        assertThat(refusal).doesNotContain("\r").doesNotContain("\n").contains("\\u000d\\u000a")
                .endsWith("...' is not in bulwark.cors.allowed-origins");
        assertThat(refusal.length()).isLessThan(200);
    }

    @Test
    void allowedCrossOriginRequestsGetTheirHeaders() {
        CorsPolicy.Decision d = app.decide("GET", "https://app.example.com", null, null);
        assertThat(headers(d)).containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Expose-Headers", "X-Request-Id")
                .containsEntry("Vary", "Origin");
        assertThat(headers(app.decide("GET", null, null, null))).containsEntry("Vary", "Origin").hasSize(1);
    }

    @Test
    void theWildcardIsSentLiterallyNeverReflectedAndNeverWithCredentials() {
        CorsPolicy any = policy("bulwark.cors.allowed-origins", "*");
        CorsPolicy.Decision d = any.decide("GET", "https://whoever.example", null, null);
        assertThat(headers(d)).containsEntry("Access-Control-Allow-Origin", "*")
                .doesNotContainKey("Access-Control-Allow-Credentials");
        assertThat(any.decide("OPTIONS", "null", "GET", null).kind()).isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
    }

    @Test
    void withCorsOffEveryPreflightIsRefusedAndNothingIsAdded() {
        CorsPolicy off = policy();
        assertThat(off.decide("OPTIONS", "https://app.example.com", "GET", null).kind())
                .isEqualTo(CorsPolicy.Kind.PREFLIGHT_REFUSED);
        assertThat(off.decide("GET", "https://app.example.com", null, null).headers()).isEmpty();
        // a plain OPTIONS (no preflight) is the application's business
        assertThat(off.decide("OPTIONS", null, null, null).kind()).isEqualTo(CorsPolicy.Kind.NONE);
    }

    @Test
    void unsafeCorsSettingsFailTheDeployment() {
        for (Map<String, String> bad : java.util.List.<Map<String, String>>of(
            Map.of("bulwark.cors.allowed-origins", "*", "bulwark.cors.allow-credentials", "true"),
            Map.of("bulwark.cors.allowed-origins", "*, https://a.example"),
            Map.of("bulwark.cors.allowed-origins", "null"),
            Map.of("bulwark.cors.allowed-origins", "https://a.example/path"),
            Map.of("bulwark.cors.allowed-origins", "https://*.example.com"),
            Map.of("bulwark.cors.allowed-methods", "GET, TRACE"),
            Map.of("bulwark.cors.max-age", "30d"))) {
            ConfigLoader.Result r = TestConfig.load(bad);
            assertThat(r.problems()).as(bad.toString()).hasSize(1);
            assertThat(r.problems().get(0).key()).startsWith("bulwark.cors.");
        }
    }
}
