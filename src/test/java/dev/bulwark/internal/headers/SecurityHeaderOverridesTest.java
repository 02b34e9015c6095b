package dev.bulwark.internal.headers;

import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.resources.ResourceScanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.SecurityHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeaderOverridesTest {

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

    static class Weak {
        @SecurityHeader(name = "Referrer-Policy", value = "unsafe-url")
        @SecurityHeader(name = "X-Frame-Options", value = "ALLOW-FROM https://evil.example")
        @SecurityHeader(name = "X-Content-Type-Options", value = "sniff")
        @SecurityHeader(name = "Cross-Origin-Resource-Policy", value = "everywhere")
        public void weak() {
            // fixture
        }

        @SecurityHeader(name = "referrer-policy", value = "Strict-Origin-When-Cross-Origin")
        @SecurityHeader(name = "X-Frame-Options", value = "sameorigin")
        @SecurityHeader(name = "Permissions-Policy", value = "camera=(self)")
        @SecurityHeader(name = "Cache-Control", value = "private, max-age=60")
        @SecurityHeader(name = "X-Content-Type-Options", value = "OFF")
        @SecurityHeader(name = "Content-Security-Policy", value = "default")
        public void fine() {
            // fixture
        }
    }

    @SecurityHeader(name = "Content-Security-Policy", value = "default-src 'self'")
    @SecurityHeader(name = "Referrer-Policy", value = "same-origin")
    static class BackToDefault {
        @SecurityHeader(name = "content-security-policy", value = "DEFAULT")
        public void m() {
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

    /** The deployment problems of every method of a class, as the resource model reports them. */
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
        assertThat(o.switchedOff("x-frame-options")).isTrue();
        SecurityHeaderOverrides.Overrides c = overrides(ClassLevel.class, "m");
        assertThat(c.values()).containsEntry("Referrer-Policy", "same-origin").containsEntry("x-frame-options", "DENY")
                .doesNotContainKey("X-Frame-Options");
        assertThat(c.switchedOff("X-Frame-Options")).isFalse();
        assertThat(c.describe()).isEqualTo("Referrer-Policy: same-origin; x-frame-options: DENY");
    }

    /** A value the header's configuration key refuses is refused as an annotation, naming the key's rule. */
    @Test
    void weakValuesFailTheDeploymentAsTheyWouldAsConfiguration() {
        List<String> problems = problems(Weak.class);
        assertThat(problems).hasSize(4).allMatch(p -> p.startsWith("@SecurityHeader on ") && p.contains("#weak"));
        assertThat(problems).anyMatch(p -> p.contains("'unsafe-url' of 'Referrer-Policy' is not accepted")
                && p.contains("bulwark.headers.referrer-policy") && p.contains("strict-origin-when-cross-origin"));
        assertThat(problems).anyMatch(p -> p.contains("ALLOW-FROM") && p.contains("bulwark.headers.x-frame-options"));
        assertThat(problems).anyMatch(p -> p.contains("'sniff'") && p.contains("nosniff"));
        assertThat(problems).anyMatch(p -> p.contains("'everywhere'") && p.contains("same-site"));
    }

    /** {@code default} on a method gives it the configured header again, whatever its class set. */
    @Test
    void defaultDropsTheClassOverride() throws Exception {
        SecurityHeaderOverrides.Overrides o = overrides(BackToDefault.class, "m");
        assertThat(o.values()).containsOnlyKeys("Referrer-Policy");
        assertThat(o.switchedOff("Content-Security-Policy")).isFalse();
        SecurityHeaderOverrides.Overrides f = overrides(Weak.class, "fine");
        assertThat(f.values()).doesNotContainKey("Content-Security-Policy")
                .containsEntry("X-Content-Type-Options", null).containsEntry("X-Frame-Options", "SAMEORIGIN")
                .containsEntry("referrer-policy", "strict-origin-when-cross-origin")
                .containsEntry("Cache-Control", "private, max-age=60");
    }

    @Test
    void badOverridesAreDeploymentProblems() {
        List<String> problems = problems(Annotated.class);
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(p -> p.startsWith("@SecurityHeader on ") && p.contains("Strict-Transport-Security")
                && p.contains("#bad"));
        assertThat(problems).anyMatch(p -> p.contains("Set-Cookie"));
        assertThat(problems).anyMatch(p -> p.contains("printable ASCII"));
        assertThat(problems(ClassLevel.class)).isEmpty();
    }
}
