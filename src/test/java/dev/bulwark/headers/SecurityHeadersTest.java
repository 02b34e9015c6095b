package dev.bulwark.headers;

import dev.bulwark.pipeline.EndpointModel;
import dev.bulwark.pipeline.EndpointSite;
import dev.bulwark.resources.ResourceScanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.SecurityHeader;
import dev.bulwark.config.TestConfig;
import dev.bulwark.controls.BulwarkConfig;
import dev.bulwark.controls.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final SecurityHeaders DEFAULTS = new SecurityHeaders(BulwarkConfig.defaults().headers());

    private static Map<String, String> select(SecurityHeaders h, boolean secure, boolean auth, boolean problem,
                                              Set<String> present, Set<String> off) {
        return h.select(new SecurityHeaders.Exchange(secure, auth, problem), n -> present.contains(n), off).stream()
                .collect(java.util.stream.Collectors.toMap(HeaderValue::name, HeaderValue::value));
    }

    @Test
    void theApiProfileOfTheOwaspSecureHeadersProject() {
        Map<String, String> h = select(DEFAULTS, true, false, false, Set.of(), Set.of());
        assertThat(h).containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Cross-Origin-Opener-Policy", "same-origin")
                .containsEntry("Cross-Origin-Resource-Policy", "same-origin")
                .containsEntry("X-Permitted-Cross-Domain-Policies", "none")
                .doesNotContainKey("Cache-Control");
        assertThat(h.get("Permissions-Policy")).contains("camera=()", "geolocation=()", "microphone=()",
                "payment=()", "usb=()");
    }

    @Test
    void hstsOnlyOverTls() {
        assertThat(select(DEFAULTS, false, false, false, Set.of(), Set.of())).doesNotContainKey(
                "Strict-Transport-Security");
    }

    @Test
    void noStoreForAuthenticatedAndProblemResponses() {
        assertThat(select(DEFAULTS, true, true, false, Set.of(), Set.of())).containsEntry("Cache-Control", "no-store");
        assertThat(select(DEFAULTS, true, false, true, Set.of(), Set.of())).containsEntry("Cache-Control", "no-store");
        assertThat(DEFAULTS.problemCacheControl()).isEqualTo("no-store");
    }

    @Test
    void headersTheApplicationSetOrSwitchedOffAreLeftAlone() {
        Map<String, String> h = select(DEFAULTS, true, true, false, Set.of("X-Frame-Options", "Cache-Control"),
                Set.of("content-security-policy"));
        assertThat(h).doesNotContainKeys("X-Frame-Options", "Cache-Control", "Content-Security-Policy")
                .containsKey("Referrer-Policy");
    }

    @Test
    void everyHeaderCanBeChangedOrSwitchedOff() {
        ConfigLoader.Result r = TestConfig.load(Map.of(
                "bulwark.headers.x-frame-options", "sameorigin",
                "bulwark.headers.content-security-policy", "off",
                "bulwark.headers.strict-transport-security", "OFF",
                "bulwark.headers.cache-control", "no-store, max-age=0"));
        assertThat(r.problems()).isEmpty();
        Map<String, String> h = select(new SecurityHeaders(r.config().headers()), true, true, false, Set.of(),
                Set.of());
        assertThat(h).containsEntry("X-Frame-Options", "SAMEORIGIN").containsEntry("Cache-Control",
                "no-store, max-age=0").doesNotContainKeys("Content-Security-Policy", "Strict-Transport-Security");
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

    static class Annotated {
        @SecurityHeader(name = "Content-Security-Policy", value = "default-src 'self'")
        @SecurityHeader(name = "X-Frame-Options", value = "off")
        public void page() {
            // fixture
        }

        @SecurityHeader(name = "Strict-Transport-Security", value = "max-age=0")
        @SecurityHeader(name = "Set-Cookie", value = "a=b")
        @SecurityHeader(name = "Cache-Control", value = "no-store\u0000")
        public void bad() {
            // fixture
        }
    }

    @SecurityHeader(name = "Referrer-Policy", value = "same-origin")
    @SecurityHeader(name = "X-Frame-Options", value = "SAMEORIGIN")
    static class ClassLevel {
        @SecurityHeader(name = "x-frame-options", value = "DENY")
        public void m() {
            // fixture
        }
    }

    private static SecurityHeaderOverrides.Overrides overrides(Class<?> type, String method) throws Exception {
        return EndpointModel.build(List.of(new SecurityHeaderOverrides()), List.of(ResourceScanner.site(type,
                type.getMethod(method)))).policies().get(0).get(SecurityHeaderOverrides.Overrides.class);
    }

    private static List<String> problems(Class<?> type) {
        List<EndpointSite> sites = java.util.Arrays.stream(type.getDeclaredMethods())
                .map(m -> ResourceScanner.site(type, m)).toList();
        return EndpointModel.build(List.of(new SecurityHeaderOverrides()), sites).problems();
    }

    @Test
    void overridesReadMethodOverClassAndOffAsNull() throws Exception {
        SecurityHeaderOverrides.Overrides o = overrides(Annotated.class, "page");
        assertThat(o.values()).containsEntry("Content-Security-Policy", "default-src 'self'")
                .containsEntry("X-Frame-Options", null);
        SecurityHeaderOverrides.Overrides c = overrides(ClassLevel.class, "m");
        assertThat(c.values()).containsEntry("Referrer-Policy", "same-origin").containsEntry("x-frame-options", "DENY")
                .doesNotContainKey("X-Frame-Options");
        assertThat(c.describe()).isEqualTo("Referrer-Policy: same-origin; x-frame-options: DENY");
    }

    @Test
    void badOverridesAreDeploymentProblemsNamingTheMethod() {
        List<String> problems = problems(Annotated.class);
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(p -> p.startsWith("@SecurityHeader on ") && p.contains("Strict-Transport-Security")
                && p.contains("#bad"));
        assertThat(problems).anyMatch(p -> p.contains("Set-Cookie"));
        assertThat(problems).anyMatch(p -> p.contains("printable ASCII"));
        assertThat(problems(ClassLevel.class)).isEmpty();
    }
}
