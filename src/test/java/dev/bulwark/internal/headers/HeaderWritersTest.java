package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.BulwarkConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderWritersTest {

    private static final HeaderWriters DEFAULTS = HeaderWriters.of(BulwarkConfig.defaults().headers());

    @Test
    void theResourcesOverridesRunBeforeTheDefaultsWhichRunInTheirFamilies() {
        assertThat(DEFAULTS.writers()).extracting(w -> w.getClass().getSimpleName()).containsExactly(
                "OverridesWriter", "UiPolicyWriter", "StaticHeadersWriter", "HstsWriter", "CacheControlWriter");
        List<String> ran = new ArrayList<>();
        HeaderWriters more = DEFAULTS.then((facts, headers) -> ran.add("last"));
        assertThat(more.writers()).hasSize(6);
        assertThat(DEFAULTS.writers()).as("then() leaves the composite it extends alone").hasSize(5);
        more.write(Facts.anonymousTls(), new MapHeaders());
        assertThat(ran).containsExactly("last");
    }

    @Test
    void anAnonymousSuccessOverTlsGetsTheSetAndHstsButNoCacheControl() {
        MapHeaders h = new MapHeaders();
        DEFAULTS.write(Facts.anonymousTls(), h);
        assertThat(h.all()).hasSize(9).containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                .containsEntry("X-Frame-Options", "DENY").doesNotContainKey("Cache-Control");
    }

    @Test
    void aResourcesValueWinsOverTheDefaultAndItsOffLeavesTheHeaderOut() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        overrides.put("X-Frame-Options", null);
        MapHeaders h = new MapHeaders("X-Frame-Options", "SAMEORIGIN");
        DEFAULTS.write(Facts.overridden(overrides), h);
        assertThat(h.get("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
        assertThat(h.contains("X-Frame-Options")).isFalse();
        assertThat(h.get("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void aProblemIsNotStoredEvenWhenTheResourceAskedOtherwise() {
        Map<String, String> overrides = Map.of("Cache-Control", "public, max-age=600");
        MapHeaders h = new MapHeaders();
        DEFAULTS.write(new ResponseFacts(true, false, true, false, new SecurityHeaderOverrides.Overrides(overrides)), h);
        assertThat(h.get("Cache-Control")).isEqualTo("no-store");
        MapHeaders success = new MapHeaders();
        DEFAULTS.write(new ResponseFacts(true, true, false, false, new SecurityHeaderOverrides.Overrides(overrides)),
                success);
        assertThat(success.get("Cache-Control")).isEqualTo("public, max-age=600");
    }
}
