package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import org.junit.jupiter.api.Test;

class ScheduleDocumentTest {

    @Test
    void everyListedVersionWithWhatItsScheduleSays() {
        assertThat(ScheduleDocument.json(TestConfig.load(VersionsTest.schedule()).config().versioning()))
                .isEqualTo("{\"versions\":[{\"version\":\"v1\",\"deprecated\":\"2026-06-01T00:00:00Z\","
                        + "\"sunset\":\"2027-06-01T00:00:00Z\",\"successor\":\"v2\","
                        + "\"link\":\"https://example.com/migrate\","
                        + "\"brownOuts\":[\"2027-03-01T10:00:00Z/2027-03-01T11:00:00Z\"],\"afterSunset\":\"410 Gone\"},"
                        + "{\"version\":\"v2\",\"afterSunset\":\"410 Gone\"}]}");
    }
}
