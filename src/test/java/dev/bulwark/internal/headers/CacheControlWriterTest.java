package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.config.TestConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheControlWriterTest {

    private static final CacheControlWriter DEFAULT = new CacheControlWriter(BulwarkConfig.defaults().headers().cacheControl());

    private static String after(ResponseFacts facts, String... present) {
        MapHeaders h = new MapHeaders(present);
        DEFAULT.write(facts, h);
        return h.get("Cache-Control");
    }

    @Test
    void authenticatedResponsesAreNotStored() {
        assertThat(after(Facts.of(true, true, false))).isEqualTo("no-store");
        assertThat(after(Facts.of(false, true, false))).isEqualTo("no-store");
    }

    @Test
    void anonymousSuccessesAreLeftToTheApplication() {
        assertThat(after(Facts.anonymousTls())).isNull();
        assertThat(after(Facts.anonymousTls(), "Cache-Control", "max-age=60")).isEqualTo("max-age=60");
    }

    @Test
    void anAuthenticatedResponseKeepsTheApplicationsOrTheResourcesChoice() {
        assertThat(after(Facts.of(true, true, false), "cache-control", "private, max-age=5"))
                .isEqualTo("private, max-age=5");
        Map<String, String> off = new HashMap<>();
        off.put("Cache-Control", null);
        MapHeaders h = new MapHeaders();
        DEFAULT.write(new ResponseFacts(true, true, false, false, new SecurityHeaderOverrides.Overrides(off)), h);
        assertThat(h.all()).isEmpty();
    }

    @Test
    void aProblemIsNeverStoredWhateverWasSetBefore() {
        assertThat(after(Facts.of(false, false, true))).isEqualTo("no-store");
        assertThat(after(Facts.of(true, true, true), "Cache-Control", "public, max-age=3600")).isEqualTo("no-store");
        Map<String, String> off = new HashMap<>();
        off.put("cache-control", null);
        MapHeaders h = new MapHeaders();
        DEFAULT.write(new ResponseFacts(true, false, true, false, new SecurityHeaderOverrides.Overrides(off)), h);
        assertThat(h.get("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theConfiguredValueOrNothingWhenSwitchedOff() {
        var changed = TestConfig.load(Map.of("bulwark.headers.cache-control", "no-store, max-age=0"));
        MapHeaders h = new MapHeaders();
        new CacheControlWriter(changed.config().headers().cacheControl()).write(Facts.of(true, false, true), h);
        assertThat(h.get("Cache-Control")).isEqualTo("no-store, max-age=0");
        var off = TestConfig.load(Map.of("bulwark.headers.cache-control", "off"));
        assertThat(off.problems()).isEmpty();
        MapHeaders none = new MapHeaders("Cache-Control", "max-age=60");
        new CacheControlWriter(off.config().headers().cacheControl()).write(Facts.of(true, true, true), none);
        assertThat(none.get("Cache-Control")).isEqualTo("max-age=60");
    }
}
