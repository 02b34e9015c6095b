package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiLifecycleTest {

    private static VersioningSettings settings(Map<String, String> p) {
        return TestConfig.load(p).config().versioning();
    }

    @Test
    void theOperationsOfADeprecatedVersionAreMarkedWithItsDates() {
        OpenApiLifecycle.Mark mark = OpenApiLifecycle.of(settings(VersionsTest.schedule()), "/shop/api/v1/orders/{id}",
                VersionsTest.DEPRECATED);
        assertThat(mark.deprecated()).isTrue();
        assertThat(mark.extension()).containsExactly(Map.entry("version", "v1"),
                Map.entry("deprecated", "2026-06-01T00:00:00Z"), Map.entry("sunset", "2027-06-01T00:00:00Z"),
                Map.entry("successor", "v2"), Map.entry("link", "https://example.com/migrate"),
                Map.entry("brownOuts", List.of("2027-03-01T10:00:00Z/2027-03-01T11:00:00Z")));
    }

    @Test
    void beforeItsDeprecationAVersionOnlyAnnouncesItsSchedule() {
        OpenApiLifecycle.Mark mark = OpenApiLifecycle.of(settings(VersionsTest.schedule()), "/api/v1/orders",
                VersionsTest.BEFORE);
        assertThat(mark.deprecated()).isFalse();
        assertThat(mark.extension()).containsEntry("deprecated", "2026-06-01T00:00:00Z");
    }

    @Test
    void unscheduledVersionsAndOtherPathsAreLeftAlone() {
        VersioningSettings s = settings(VersionsTest.schedule());
        assertThat(OpenApiLifecycle.of(s, "/api/v2/orders", VersionsTest.DEPRECATED)).isNull();
        assertThat(OpenApiLifecycle.of(s, "/api/status", VersionsTest.DEPRECATED)).isNull();
        Map<String, String> header = new java.util.HashMap<>(VersionsTest.schedule());
        header.put("bulwark.versioning.source", "header");
        assertThat(OpenApiLifecycle.of(settings(header), "/api/v1/orders", VersionsTest.DEPRECATED)).isNull();
    }
}
