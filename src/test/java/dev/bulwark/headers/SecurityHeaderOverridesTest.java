package dev.bulwark.headers;

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

    @Test
    void overridesReadMethodOverClassAndOffAsNull() throws Exception {
        SecurityHeaderOverrides.Overrides o = SecurityHeaderOverrides.of(Annotated.class,
                Annotated.class.getMethod("page"));
        assertThat(o.values()).containsEntry("Content-Security-Policy", "default-src 'self'")
                .containsEntry("X-Frame-Options", null);
        assertThat(o.switchedOff("x-frame-options")).isTrue();
        SecurityHeaderOverrides.Overrides c = SecurityHeaderOverrides.of(ClassLevel.class,
                ClassLevel.class.getMethod("m"));
        assertThat(c.values()).containsEntry("Referrer-Policy", "same-origin").containsEntry("x-frame-options", "DENY")
                .doesNotContainKey("X-Frame-Options");
        assertThat(c.switchedOff("X-Frame-Options")).isFalse();
    }

    @Test
    void badOverridesAreDeploymentProblems() {
        List<String> problems = SecurityHeaderOverrides.problems(Annotated.class);
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(p -> p.contains("Strict-Transport-Security") && p.contains("#bad"));
        assertThat(problems).anyMatch(p -> p.contains("Set-Cookie"));
        assertThat(problems).anyMatch(p -> p.contains("printable ASCII"));
        assertThat(SecurityHeaderOverrides.problems(ClassLevel.class)).isEmpty();
    }
}
