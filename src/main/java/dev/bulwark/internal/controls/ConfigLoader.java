package dev.bulwark.internal.controls;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Bulwark's configuration from a source (MicroProfile Config in a server, a map in tests): the master switch,
 * then each concern's keys through one {@link ConfigReader}, collecting every problem instead of stopping at the
 * first.
 */
public final class ConfigLoader {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.enabled", Parsers.bool(), "true",
            "Master switch. When false the extension logs one warning at start-up and installs no filter; "
                    + "the application runs unprotected.",
            "true");

    /** The outcome: a usable config when {@link #problems()} is empty. */
    public record Result(BulwarkConfig config, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ConfigLoader() {
    }

    /** Every key Bulwark reads: the master switch, then each concern's keys. */
    public static List<Key<?>> keys() {
        List<Key<?>> keys = new ArrayList<>(List.of(ENABLED));
        for (ConfigConcern<?> concern : Controls.CONCERNS) {
            keys.addAll(concern.keys());
        }
        return List.copyOf(keys);
    }

    public static Result load(Function<String, Optional<String>> source) {
        return load(source, List.of());
    }

    /**
     * @param names every property name the source knows: a {@code bulwark.*} name that is no Bulwark key (a typo
     *              such as {@code bulwark.cors.allowed-origin}) is a problem naming the closest known key, never
     *              silently ignored
     */
    public static Result load(Function<String, Optional<String>> source, Iterable<String> names) {
        ConfigReader reader = new ConfigReader(source);
        boolean enabled = reader.get(ENABLED);
        Map<ConfigConcern<?>, Object> settings = new HashMap<>();
        for (ConfigConcern<?> concern : Controls.CONCERNS) {
            settings.put(concern, concern.read(reader));
        }
        reader.checkNames(keys(), names);
        return new Result(new BulwarkConfig(enabled, settings), reader.problems());
    }
}
