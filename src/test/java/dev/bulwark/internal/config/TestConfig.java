package dev.bulwark.internal.config;

import dev.bulwark.internal.controls.ConfigLoader;
import java.util.Map;
import java.util.Optional;

/** The one way unit tests read a configuration: from a map of properties, as MicroProfile Config would give it. */
public final class TestConfig {

    private TestConfig() {
    }

    /** Loads the properties, with every problem. */
    public static ConfigLoader.Result load(Map<String, String> properties) {
        return ConfigLoader.load(key -> Optional.ofNullable(properties.get(key)), properties.keySet());
    }
}
