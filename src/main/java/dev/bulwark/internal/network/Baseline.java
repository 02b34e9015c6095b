package dev.bulwark.internal.network;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.ConfigProblem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The central baseline: one properties document that operations mount for every service, named by the system
 * property {@value #PROPERTY} or the environment variable {@value #VARIABLE}. Its values are read through
 * {@link BaselineConfigSource} below the application's own configuration, so a service may set its own values;
 * {@link #loosenings} then holds its {@code bulwark.ip.*} and {@code bulwark.routes.*} values to the baseline (a
 * service may tighten it, never loosen it), and {@code controls.BaselineHold} the other keys it can hold.
 */
public final class Baseline {

    public static final String PROPERTY = "bulwark.baseline";
    public static final String VARIABLE = "BULWARK_BASELINE";
    /** A baseline is a short document: a larger file is refused rather than read. */
    static final long MAX_BYTES = 256 * 1024;

    private Baseline() {
    }

    /** The baseline's location, or null when none is configured. */
    public static Path locate() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(VARIABLE);
        }
        return named == null || named.isBlank() ? null : Path.of(named.strip());
    }

    /** The baseline's properties. */
    public static Map<String, String> read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> out = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> out.put(name, properties.getProperty(name)));
        return Map.copyOf(out);
    }

    /**
     * The deployment's check of a baseline's address rules and route policies: it can be read, they are valid, and
     * the service's do not loosen them. No problem without a baseline. Its other keys are held by
     * {@code controls.BaselineHold}, which also refuses a key neither holds.
     *
     * @param file    the baseline ({@link #locate()}), or null
     * @param service the settings the deployment read (the service's values over the baseline's)
     */
    public static List<ConfigProblem> check(Path file, NetworkSettings service) {
        if (file == null) {
            return List.of();
        }
        String where = "central baseline " + file;
        Map<String, String> values;
        try {
            values = read(file);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(new ConfigProblem(VARIABLE, "the " + where + " cannot be read (" + e.getClass()
                    .getSimpleName() + ")", "a readable properties file"));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        dev.bulwark.internal.config.ConfigReader reader = new dev.bulwark.internal.config.ConfigReader(
                key -> java.util.Optional.ofNullable(values.get(key)));
        NetworkSettings baseline = NetworkKeys.CONCERN.read(reader);
        // a misspelled address or route key (bulwark.routes.admin.scope, a route missing from bulwark.routes) would
        // hold nothing while operations believe it does: refused like any unknown key
        reader.checkNames(NetworkKeys.CONCERN.keys(), values.keySet().stream().filter(Baseline::held).toList());
        for (ConfigProblem p : reader.problems()) {
            problems.add(new ConfigProblem(p.key(), p.problem() + " (in the " + where + ")", p.acceptedForm()));
        }
        if (problems.isEmpty()) {
            problems.addAll(loosenings(baseline, service, where));
        }
        return problems;
    }

    /**
     * The problem of a service that observes the controls the baseline is made of (address rules, route access):
     * their refusals would only be logged, which loosens the baseline through another key. Null when there is no
     * baseline or they enforce.
     */
    public static ConfigProblem observeProblem(Path file, dev.bulwark.internal.observe.ObserveSettings observe) {
        if (file == null || !(observe.observes(dev.bulwark.internal.pipeline.Phase.ADDRESS_RULES)
                || observe.observes(dev.bulwark.internal.pipeline.Phase.ROLE_ADDRESSES)
                || observe.observes(dev.bulwark.internal.pipeline.Phase.ROUTE_ACCESS))) {
            return null;
        }
        return new ConfigProblem("bulwark.observe", "loosens the central baseline " + file + ": observing"
                + " address-rules or authorization makes its address rules and route policies log-only",
                "the other controls, without address-rules and authorization");
    }

    /**
     * Every way the service's settings loosen the baseline's, each a problem naming the service's key and the
     * baseline's setting.
     *
     * @param where the baseline's location, for the messages
     */
    public static List<ConfigProblem> loosenings(NetworkSettings baseline, NetworkSettings service, String where) {
        List<ConfigProblem> problems = new ArrayList<>();
        rule(baseline.global(), service.global(), "bulwark.ip", where, problems);
        for (var role : baseline.roles().entrySet()) {
            AddressRule mine = service.roles().get(role.getKey());
            String key = NetworkKeys.ROLE_FAMILY + role.getKey();
            if (mine == null) {
                problems.add(loosened(NetworkKeys.ROLES.name(), "drops the role " + role.getKey()
                        + " the baseline lists", where));
                continue;
            }
            rule(role.getValue(), mine, key, where, problems);
        }
        for (RoutePolicy route : baseline.routes()) {
            RoutePolicy mine = service.routes().stream().filter(r -> r.name().equals(route.name())).findFirst()
                    .orElse(null);
            String key = NetworkKeys.ROUTE_FAMILY + route.name();
            if (mine == null) {
                problems.add(loosened(NetworkKeys.ROUTES.name(), "drops the route " + route.name()
                        + " the baseline lists", where));
                continue;
            }
            if (!mine.paths().containsAll(route.paths())) {
                problems.add(loosened(key + ".paths", "covers fewer paths than the baseline's", where));
            }
            if (!route.methods().isEmpty() ? !mine.methods().isEmpty() && !mine.methods().containsAll(route.methods())
                    : !mine.methods().isEmpty()) {
                problems.add(loosened(key + ".methods", "covers fewer methods than the baseline's", where));
            }
            rule(route.addresses(), mine.addresses(), key + ".ip", where, problems);
            if (rank(mine.access()) < rank(route.access())) {
                problems.add(loosened(key + ".access", "asks less of the caller than the baseline's", where));
            }
            if (!route.roles().isEmpty() && (mine.roles().isEmpty() || !route.roles().containsAll(mine.roles()))) {
                problems.add(loosened(key + ".roles", "lets in callers the baseline's roles do not", where));
            }
            if (!mine.scopes().containsAll(route.scopes())) {
                problems.add(loosened(key + ".scopes", "drops a scope the baseline's route needs", where));
            }
            if (route.rateLimit() != null && allowsMore(mine.rateLimit(), route.rateLimit())) {
                problems.add(loosened(key + ".rate-limit", "allows more requests than the baseline's (a larger"
                        + " burst, a faster rate, or none)", where));
            }
            if (route.bodyLimit() > 0 && (mine.bodyLimit() == 0 || mine.bodyLimit() > route.bodyLimit())) {
                problems.add(loosened(key + ".body-limit", "raises the body limit above the baseline's", where));
            }
        }
        return problems;
    }

    /** True when rate {@code mine} (null: none) lets more through than {@code baseline}: a larger burst or pace. */
    private static boolean allowsMore(String mine, String baseline) {
        if (mine == null) {
            return true;
        }
        return dev.bulwark.internal.ratelimit.RatePolicy.parse("route", mine)
                .allowsMoreThan(dev.bulwark.internal.ratelimit.RatePolicy.parse("route", baseline));
    }

    private static void rule(AddressRule baseline, AddressRule mine, String prefix, String where,
                             List<ConfigProblem> problems) {
        if (!baseline.allow().isEmpty() && (mine.allow().isEmpty()
                || !mine.allow().stream().allMatch(block -> within(block, baseline.allow())))) {
            problems.add(loosened(prefix + ".allow", "allows addresses the baseline does not", where));
        }
        if (!baseline.deny().stream().allMatch(block -> within(block, mine.deny()))) {
            problems.add(loosened(prefix + ".deny", "denies fewer addresses than the baseline's", where));
        }
    }

    /** Whether the block lies inside one of the blocks. */
    static boolean within(Cidr block, List<Cidr> blocks) {
        return blocks.stream().anyMatch(outer -> outer.contains(block));
    }

    private static int rank(RouteAccess access) {
        return access == RouteAccess.DENY ? 2 : access == RouteAccess.AUTHENTICATED ? 1 : 0;
    }

    /** The same words as the other keys' loosenings ({@code controls.BaselineHold}). */
    private static ConfigProblem loosened(String key, String how, String where) {
        return new ConfigProblem(key, "loosens the " + where + ": the service's value " + how,
                "a value at least as strict as the baseline's");
    }

    /** Whether a baseline key is one held here (the address rules and route policies). */
    public static boolean held(String key) {
        return key.startsWith(NetworkKeys.IP) || key.equals(NetworkKeys.ROUTES.name())
                || key.startsWith(NetworkKeys.ROUTE_FAMILY);
    }
}
