package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.config.TestConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticHeadersWriterTest {

    private static final StaticHeadersWriter DEFAULTS =
            new StaticHeadersWriter(BulwarkConfig.defaults().headers().always());

    @Test
    void theApiProfileOfTheOwaspSecureHeadersProjectOnEveryResponse() {
        for (ResponseFacts facts : new ResponseFacts[] {Facts.anonymousTls(), Facts.of(false, false, true),
                Facts.of(false, true, false)}) {
            MapHeaders h = new MapHeaders();
            DEFAULTS.write(facts, h);
            assertThat(h.all()).containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("X-Frame-Options", "DENY")
                    .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .containsEntry("Referrer-Policy", "no-referrer")
                    .containsEntry("Cross-Origin-Opener-Policy", "same-origin")
                    .containsEntry("Cross-Origin-Resource-Policy", "same-origin")
                    .containsEntry("X-Permitted-Cross-Domain-Policies", "none")
                    .doesNotContainKeys("Cache-Control", "Strict-Transport-Security");
            assertThat(h.get("Permissions-Policy")).contains("camera=()", "geolocation=()", "microphone=()",
                    "payment=()", "usb=()");
        }
    }

    @Test
    void withJsonResponsesAllJsonResponsesGetEveryHeaderToo() {
        ConfigLoader.Result r = TestConfig.load(Map.of("bulwark.headers.json-responses", "all"));
        assertThat(r.problems()).isEmpty();
        HeaderSettings settings = r.config().headers();
        assertThat(settings.notOnJson()).isEmpty();
        MapHeaders h = new MapHeaders();
        new StaticHeadersWriter(settings.always(), settings.notOnJson()).write(json(), h);
        assertThat(h.all()).containsKeys("Permissions-Policy", "Cross-Origin-Opener-Policy",
                "X-Permitted-Cross-Domain-Policies", "Content-Security-Policy", "Cross-Origin-Resource-Policy");
    }

    @Test
    void byDefaultTheApiProfileLeavesTheDocumentOnlyHeadersOutOfJsonResponsesOnly() {
        HeaderSettings settings = BulwarkConfig.defaults().headers();
        assertThat(settings.notOnJson()).containsExactlyInAnyOrder("Permissions-Policy",
                "Cross-Origin-Opener-Policy", "X-Permitted-Cross-Domain-Policies");
        assertThat(TestConfig.load(Map.of("bulwark.headers.json-responses", "api")).config().headers().notOnJson())
                .isEqualTo(settings.notOnJson());
        StaticHeadersWriter api = new StaticHeadersWriter(settings.always(), settings.notOnJson());

        MapHeaders onJson = new MapHeaders();
        api.write(json(), onJson);
        assertThat(onJson.all()).doesNotContainKeys("Permissions-Policy", "Cross-Origin-Opener-Policy",
                        "X-Permitted-Cross-Domain-Policies")
                .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Cross-Origin-Resource-Policy", "same-origin");

        MapHeaders onHtml = new MapHeaders();
        api.write(Facts.anonymousTls(), onHtml);
        assertThat(onHtml.all()).containsKeys("Permissions-Policy", "Cross-Origin-Opener-Policy",
                "X-Permitted-Cross-Domain-Policies");
    }

    @Test
    void anUnknownProfileFailsTheDeploymentNamingTheKey() {
        ConfigLoader.Result r = TestConfig.load(Map.of("bulwark.headers.json-responses", "minimal"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("bulwark.headers.json-responses"));
    }

    @Test
    void jsonIsTheJsonMediaTypesWithOrWithoutParameters() {
        assertThat(ResponseFacts.isJson("application/json")).isTrue();
        assertThat(ResponseFacts.isJson("application/json;charset=UTF-8")).isTrue();
        assertThat(ResponseFacts.isJson("Application/JSON ; charset=utf-8")).isTrue();
        assertThat(ResponseFacts.isJson("application/problem+json")).isTrue();
        assertThat(ResponseFacts.isJson("application/merge-patch+json")).isTrue();
        assertThat(ResponseFacts.isJson("text/html")).isFalse();
        assertThat(ResponseFacts.isJson("application/jsonp")).isFalse();
        assertThat(ResponseFacts.isJson("text/json-seq")).isFalse();
        assertThat(ResponseFacts.isJson("application/json+xml")).isFalse();
        assertThat(ResponseFacts.isJson(null)).isFalse();
        // not one media type: browsers take the last type they know, here HTML
        assertThat(ResponseFacts.isJson("application/json, text/html")).isFalse();
        assertThat(ResponseFacts.isJson("application/x+json;a=b, text/html")).isFalse();
    }

    private static ResponseFacts json() {
        return new ResponseFacts(true, false, false, false, null, true);
    }

    @Test
    void aHeaderTheApplicationSetIsLeftAsItIs() {
        MapHeaders h = new MapHeaders("x-frame-options", "SAMEORIGIN", "Content-Security-Policy", "default-src 'self'");
        DEFAULTS.write(Facts.anonymousTls(), h);
        assertThat(h.all()).containsEntry("x-frame-options", "SAMEORIGIN")
                .containsEntry("Content-Security-Policy", "default-src 'self'")
                .containsEntry("Referrer-Policy", "no-referrer");
    }

    @Test
    void aHeaderTheResourceSwitchedOffIsNotWritten() {
        Map<String, String> off = new HashMap<>();
        off.put("content-security-policy", null);
        MapHeaders h = new MapHeaders();
        DEFAULTS.write(Facts.overridden(off), h);
        assertThat(h.all()).doesNotContainKey("Content-Security-Policy").containsKey("X-Frame-Options");
    }

    @Test
    void everyHeaderCanBeChangedOrSwitchedOffByConfiguration() {
        ConfigLoader.Result r = TestConfig.load(Map.of(
                "bulwark.headers.x-frame-options", "sameorigin",
                "bulwark.headers.content-security-policy", "off"));
        assertThat(r.problems()).isEmpty();
        MapHeaders h = new MapHeaders();
        new StaticHeadersWriter(r.config().headers().always()).write(Facts.anonymousTls(), h);
        assertThat(h.all()).containsEntry("X-Frame-Options", "SAMEORIGIN").doesNotContainKey("Content-Security-Policy");
    }

    @Test
    void weakOrInjectedHeaderSettingsFailTheDeployment() {
        ConfigLoader.Result r = TestConfig.load(Map.of(
                "bulwark.headers.strict-transport-security", "max-age=3600",
                "bulwark.headers.x-frame-options", "ALLOW-FROM https://evil.example",
                "bulwark.headers.content-security-policy", "default-src 'none'\r\nSet-Cookie: a=b",
                "bulwark.headers.referrer-policy", "unsafe-url"));
        assertThat(r.problems()).extracting(p -> p.key()).containsExactlyInAnyOrder(
                "bulwark.headers.strict-transport-security", "bulwark.headers.x-frame-options",
                "bulwark.headers.content-security-policy", "bulwark.headers.referrer-policy");
        assertThat(r.problems().get(0).message()).contains("bulwark.headers");
    }
}
