package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.ConfigLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The detectors' settings for the tests: the defaults, with {@code key, value} pairs over them. */
final class AlertConfig {

    private AlertConfig() {
    }

    static AlertSettings with(String... overrides) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        ConfigLoader.Result r = ConfigLoader.load(k -> Optional.ofNullable(values.get(k)));
        assertThat(r.problems()).isEmpty();
        return r.config().settings(AlertKeys.CONCERN);
    }
}
