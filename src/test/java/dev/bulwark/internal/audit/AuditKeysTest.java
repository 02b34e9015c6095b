package dev.bulwark.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.ConfigLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditKeysTest {

    private static ConfigLoader.Result load(Map<String, String> values) {
        return ConfigLoader.load(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void offByDefaultToTheLogger() {
        AuditSettings s = load(Map.of()).config().settings(AuditKeys.CONCERN);
        assertThat(s).isEqualTo(new AuditSettings(false, AuditDestination.LOGGER, null, 8192, true));
    }

    @Test
    void aFileDestinationNeedsAFile() {
        ConfigLoader.Result r = load(Map.of("bulwark.audit.enabled", "true", "bulwark.audit.destination", "file"));
        assertThat(r.problems()).singleElement().asString().contains("bulwark.audit.file");
        AuditSettings ok = load(Map.of("bulwark.audit.enabled", "true", "bulwark.audit.destination", "FILE",
                "bulwark.audit.file", "/tmp/a.json")).config().settings(AuditKeys.CONCERN);
        assertThat(ok.file()).isEqualTo("/tmp/a.json");
    }

    @Test
    void aBadQueueSizeFailsNamingTheKey() {
        assertThat(load(Map.of("bulwark.audit.queue-size", "3")).problems()).singleElement().asString()
                .contains("bulwark.audit.queue-size");
    }
}
