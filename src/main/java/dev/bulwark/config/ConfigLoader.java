package dev.bulwark.config;

import dev.bulwark.logging.SafeLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads every {@link ConfigKeys key} from a source (MicroProfile Config in a server, a map in tests), parses and
 * validates it, and collects every problem instead of stopping at the first.
 */
public final class ConfigLoader {

    /** The outcome: a usable config when {@link #problems()} is empty. */
    public record Result(BulwarkConfig config, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Function<String, Optional<String>> source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigLoader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public static Result load(Function<String, Optional<String>> source) {
        ConfigLoader loader = new ConfigLoader(source);
        BulwarkConfig config = loader.read();
        return new Result(config, List.copyOf(loader.problems));
    }

    private BulwarkConfig read() {
        return new BulwarkConfig(
                get(ConfigKeys.ENABLED),
                new BulwarkConfig.Errors(get(ConfigKeys.ERRORS_TYPE_BASE), get(ConfigKeys.ERRORS_CLIENT_LOG_LEVEL)),
                new BulwarkConfig.Correlation(get(ConfigKeys.CORRELATION_TRUST_INCOMING),
                        get(ConfigKeys.CORRELATION_HEADER)),
                new BulwarkConfig.Inventory(get(ConfigKeys.INVENTORY_LOG), get(ConfigKeys.INVENTORY_ENDPOINT_ENABLED),
                        get(ConfigKeys.INVENTORY_ENDPOINT_PATH), get(ConfigKeys.INVENTORY_ENDPOINT_ROLE)));
    }

    private <T> T get(Key<T> key) {
        Optional<String> raw = source.apply(key.name());
        T fallback = parseDefault(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return key.parser().parse(raw.get());
        } catch (InvalidValueException e) {
            String problem = key.secret() ? e.getMessage() : e.getMessage() + ": '" + SafeLog.printable(raw.get(), 80) + "'";
            problems.add(new ConfigProblem(key.name(), problem, key.parser().acceptedForm()));
            return fallback;
        }
    }

    private static <T> T parseDefault(Key<T> key) {
        try {
            return key.defaultValue() == null ? null : key.parser().parse(key.defaultValue());
        } catch (InvalidValueException e) {
            throw new IllegalStateException("Bulwark bug: the default of " + key.name() + " is invalid", e);
        }
    }
}
