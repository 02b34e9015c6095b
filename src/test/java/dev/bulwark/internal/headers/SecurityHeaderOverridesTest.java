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
