package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesWriterTest {

    private static final OverridesWriter WRITER = new OverridesWriter();

    @Test
    void aResourcesValueReplacesWhateverTheResponseCarries() {
        MapHeaders h = new MapHeaders("content-security-policy", "default-src 'none'", "X-Frame-Options", "DENY");
        WRITER.write(Facts.overridden(Map.of("Content-Security-Policy", "default-src 'self'")), h);
        assertThat(h.get("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(h.get("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aHeaderSwitchedOffIsRemovedAndTheFactsSayItIsOff() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("X-Frame-Options", null);
        ResponseFacts facts = Facts.overridden(overrides);
        MapHeaders h = new MapHeaders("x-frame-options", "SAMEORIGIN", "Referrer-Policy", "no-referrer");
        WRITER.write(facts, h);
        assertThat(h.all()).containsExactly(Map.entry("Referrer-Policy", "no-referrer"));
        assertThat(facts.switchedOff("X-FRAME-OPTIONS")).isTrue();
        assertThat(facts.switchedOff("Referrer-Policy")).isFalse();
    }

    @Test
    void withoutOverridesNothingChanges() {
        MapHeaders h = new MapHeaders("X-Frame-Options", "SAMEORIGIN");
        WRITER.write(Facts.anonymousTls(), h);
        assertThat(h.all()).containsExactly(Map.entry("X-Frame-Options", "SAMEORIGIN"));
        assertThat(SecurityHeaderOverrides.Overrides.of(null)).isSameAs(SecurityHeaderOverrides.Overrides.NONE);
        assertThat(SecurityHeaderOverrides.Overrides.of(new dev.bulwark.internal.pipeline.RequestState()))
                .isSameAs(SecurityHeaderOverrides.Overrides.NONE);
    }
}
