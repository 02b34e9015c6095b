package dev.bulwark.internal.config;

import dev.bulwark.internal.logging.SafeLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@link Key keys} from one source (MicroProfile Config in a server, a map in tests) and collects every
 * problem, each naming its key, instead of stopping at the first. A key whose value is bad reads as its default,
 * so that every concern can still be read and every problem reported in one deployment attempt.
 */
public final class ConfigReader {

    /** The namespace of Bulwark's own keys: a name in it that is no key is a problem. */
    public static final String PREFIX = "bulwark.";

    private final Function<String, Optional<String>> source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    /** Keys a concern made from other keys' values (one per configured API version, say): known names too. */
    private final List<Key<?>> derived = new ArrayList<>();

    public ConfigReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** The key's value, or its default (null when it has none) when it is unset or its value is bad. */
    public <T> T get(Key<T> key) {
        Optional<String> raw = source.apply(key.name());
        T fallback = parseDefault(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return key.parser().parse(raw.get());
        } catch (InvalidValueException e) {
            // a secret's value is never echoed, nor the entry of it a list parser quotes
            String problem = key.secret() ? e.getMessage().split(" '", 2)[0]
                    : e.getMessage() + ": '" + SafeLog.printable(raw.get(), 80) + "'";
            problems.add(new ConfigProblem(key.name(), problem, key.parser().acceptedForm()));
            return fallback;
        }
    }

    /**
     * The value of a key a concern derived from another key's value (a family such as
     * {@code bulwark.versioning.versions.<version>.sunset} for each listed version): read like {@link #get}, and
     * its name is known to {@link #checkNames}, so a name of the family that no listed value derives is reported.
     */
    public <T> T getDerived(Key<T> key) {
        derived.add(key);
        return get(key);
    }

    /** Whether the source has a value for the key (whatever it is). */
    public boolean isSet(Key<?> key) {
        return source.apply(key.name()).isPresent();
    }

    /** Records a problem of the key found by a concern (a value that conflicts with another key, say). */
    public void problem(Key<?> key, String problem, String acceptedForm) {
        problems.add(new ConfigProblem(key.name(), problem, acceptedForm));
    }

    /** Every problem recorded so far, in the order found. */
    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Records a problem for each name in {@link #PREFIX the namespace} that is no known key, naming the closest
     * known key: a typo such as {@code bulwark.cors.allowed-origin} never silently switches a control off. An
     * environment variable ({@code BULWARK_...}) must be a known key's {@link #environmentName environment
     * spelling}.
     *
     * @param known every key the application's concerns read
     * @param names every property name the source knows
     */
    public void checkNames(Collection<Key<?>> known, Iterable<String> names) {
        Set<String> dotted = new HashSet<>();
        Map<String, String> environment = new HashMap<>();
        List<Key<?>> all = new ArrayList<>(known);
        all.addAll(derived);
        for (Key<?> k : all) {
            if (k.name().startsWith(PREFIX)) {
                dotted.add(k.name());
                environment.put(environmentName(k.name()), k.name());
            }
        }
        String variablePrefix = environmentName(PREFIX);
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            boolean badDotted = name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && !dotted.contains(name)
                    && !environmentAlias(name, environment.keySet());
            boolean badVariable = name.regionMatches(true, 0, variablePrefix, 0, variablePrefix.length())
                    && !environment.containsKey(name);
            if (badDotted || badVariable) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            boolean isDotted = name.indexOf('.') >= 0;
            String closest = isDotted ? KeyNames.closest(name.toLowerCase(Locale.ROOT), dotted)
                    : environment.get(KeyNames.closest(name.toUpperCase(Locale.ROOT), environment.keySet()));
            problems.add(new ConfigProblem(SafeLog.printable(name, 120), "is not a Bulwark setting",
                    "a key from docs/configuration.md; did you mean '" + closest + "'"
                            + (isDotted ? "" : " (environment variable " + environmentName(closest) + ")") + "?"));
        }
    }

    /**
     * Liberty also reports each environment variable under a lower-case dotted name ({@code BULWARK_JWT_MAX_LIFETIME}
     * as {@code bulwark.jwt.max.lifetime}): such a name stands for the variable, which is checked under its own name.
     */
    private static boolean environmentAlias(String name, Set<String> environmentNames) {
        String variable = environmentName(name);
        return environmentNames.contains(variable) && name.equals(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** The environment-variable spelling MicroProfile Config maps to a key: {@code BULWARK_JWT_MAX_LIFETIME}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static <T> T parseDefault(Key<T> key) {
        try {
            return key.defaultValue() == null ? null : key.parser().parse(key.defaultValue());
        } catch (InvalidValueException e) {
            throw new IllegalStateException("Bulwark bug: the default of " + key.name() + " is invalid", e);
        }
    }
}
