package dev.bulwark.internal.network;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import dev.bulwark.internal.ratelimit.RateLimitKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of the address rules ({@code bulwark.ip.*}) and of the route policies ({@code bulwark.routes.*}). The
 * per-role and per-route keys are families derived from the listed names, as the versioning keys are: a key of an
 * unlisted role or route is an unknown key, so a typo fails the deployment instead of leaving a route open.
 */
public final class NetworkKeys implements ConfigConcern<NetworkSettings> {

    static final String IP = "bulwark.ip.";
    static final String ROLE_FAMILY = IP + "roles.";
    static final String ROUTE_FAMILY = "bulwark.routes.";

    public static final Key<List<Cidr>> ALLOW = new Key<>(IP + "allow", AddressBlocks.list(), "",
            "Client addresses (as resolved through `bulwark.trusted-proxies`) allowed at all: any other gets a 403 "
                    + "problem, on every path (resources, servlets, static files). Empty: every address not denied. "
                    + "See [gateway.md](gateway.md#address-rules).",
            "10.0.0.0/8, 2001:db8::/32");

    public static final Key<List<Cidr>> DENY = new Key<>(IP + "deny", AddressBlocks.list(), "",
            "Client addresses refused on every path with a 403 problem; a deny wins over every allow list.",
            "203.0.113.0/24");

    public static final Key<List<String>> ROLES = new Key<>(IP + "roles", Parsers.listOf(name("role name"),
            "role names"), "",
            "Roles with address rules: for each, `bulwark.ip.roles.<role>.allow` and / or `.deny` (CIDR lists) apply "
                    + "to every resource method whose `@RolesAllowed` names the role, whoever calls it. Role names "
                    + "in lower case, digits and '-'.",
            "admin");

    public static final Key<List<String>> ROUTES = new Key<>("bulwark.routes", Parsers.listOf(name("route name"),
            "route names"), "",
            "Named route policies: for each, `bulwark.routes.<name>.paths` (required: `/health`, `/admin/*`, "
                    + "`/*`, below the context root), `.methods` (default: all), `.ip.allow` / `.ip.deny` (CIDR "
                    + "lists), `.access` (`public`, `authenticated` or `deny`), `.roles` (the caller needs one), "
                    + "`.scopes` (the caller's token needs all of them), `.rate-limit` (per caller, across the "
                    + "route) and "
                    + "`.body-limit` (bytes), applied to every request the route covers, servlets and static files "
                    + "included, on top of the endpoints' annotations. See "
                    + "[gateway.md](gateway.md#route-policies).",
            "admin, internal");

    public static final Key<Duration> RELOAD_INTERVAL = new Key<>(IP + "reload-interval",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofHours(1)), "30s",
            "How often the address lists (global, per role, per route) are read again from the configuration "
                    + "while the application runs. A reloaded value that does not parse is logged once and the last "
                    + "good lists stay in force.",
            "10s");

    public static final Key<String> BASELINE = new Key<>(Baseline.PROPERTY, Parsers.text(), null,
            "The central baseline: a properties file operations provide for every service (address rules, route "
                    + "policies, and the TLS, token, authorization, rate-limit, input, header, CORS and audit keys "
                    + "gateway.md lists), read below the application's own configuration; a service may "
                    + "tighten it, never loosen it (a loosening fails the deployment). **Only as a system property or the environment variable** "
                    + "`BULWARK_BASELINE`. See [gateway.md](gateway.md#the-central-baseline).",
            "/etc/bulwark/baseline.properties");

    public static final NetworkKeys CONCERN = new NetworkKeys();

    private NetworkKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ALLOW, DENY, ROLES, ROUTES, RELOAD_INTERVAL, BASELINE);
    }

    @Override
    public NetworkSettings read(ConfigReader reader) {
        reader.get(BASELINE); // located by Baseline.locate() from the system property or the variable itself
        AddressRule global = new AddressRule("bulwark.ip", reader.get(ALLOW), reader.get(DENY));
        Map<String, AddressRule> roles = new LinkedHashMap<>();
        for (String role : new java.util.LinkedHashSet<>(reader.get(ROLES))) {
            Key<List<Cidr>> allow = blocks(ROLE_FAMILY + role + ".allow");
            Key<List<Cidr>> deny = blocks(ROLE_FAMILY + role + ".deny");
            AddressRule rule = new AddressRule("role " + role, reader.getDerived(allow), reader.getDerived(deny));
            if (rule.isEmpty()) {
                reader.problem(ROLES, "role " + role + " has neither " + allow.name() + " nor " + deny.name(),
                        ALLOW.parser().acceptedForm());
            }
            roles.put(role, rule);
        }
        List<RoutePolicy> routes = new ArrayList<>();
        for (String route : reader.get(ROUTES)) {
            String family = ROUTE_FAMILY + route;
            Key<List<RoutePattern>> paths = new Key<>(family + ".paths", Parsers.listOf(RoutePattern.parser(),
                    "path patterns"), "", "the paths of the route", "/admin/*");
            Key<List<String>> methods = new Key<>(family + ".methods", Parsers.listOf(Parsers.httpMethod(),
                    "HTTP methods"), "", "the methods of the route", "GET, POST");
            List<RoutePattern> covered = reader.getDerived(paths);
            if (covered.isEmpty()) {
                reader.problem(paths, "route " + route + " lists " + ROUTES.name() + " but covers no path",
                        paths.parser().acceptedForm());
            }
            AddressRule rule = new AddressRule("route " + route, reader.getDerived(blocks(family + ".ip.allow")),
                    reader.getDerived(blocks(family + ".ip.deny")));
            RouteAccess access = reader.getDerived(new Key<>(family + ".access", RouteAccess.parser(), null,
                    "what the route requires of the caller", "authenticated"));
            List<String> routeRoles = reader.getDerived(new Key<>(family + ".roles", Parsers.listOf(Parsers.roleName(),
                    "role names"), "", "roles of which the caller must hold one", "admin"));
            List<String> routeScopes = reader.getDerived(new Key<>(family + ".scopes", Parsers.listOf(scope(),
                    "OAuth2 scopes"), "", "OAuth2 scopes the caller's token must all hold", "reports:export"));
            Integer bodyLimit = reader.getDerived(new Key<>(family + ".body-limit",
                    Parsers.intRange(1, Integer.MAX_VALUE), null, "the largest request body in bytes", "65536"));
            String rate = reader.getDerived(new Key<>(family + ".rate-limit", RateLimitKeys.rate(), null,
                    "the route's rate limit per caller", "100/1m"));
            routes.add(new RoutePolicy(route, covered, new HashSet<>(reader.getDerived(methods)), rule, access,
                    new HashSet<>(routeRoles), new HashSet<>(routeScopes), bodyLimit == null ? 0 : bodyLimit,
                    rate == null ? null : rate.strip()));
        }
        return new NetworkSettings(global, roles, routes, reader.get(RELOAD_INTERVAL));
    }

    private static Key<List<Cidr>> blocks(String name) {
        return new Key<>(name, AddressBlocks.list(), "", "a CIDR list", "10.8.0.0/16");
    }

    /** An OAuth2 scope token (RFC 6749 section 3.3): printable ASCII without spaces, quotes or backslashes. */
    private static ValueParser<String> scope() {
        return Parsers.of("scope", "an OAuth2 scope (printable ASCII, no space, '\"' or '\\', at most 128)", raw -> {
            String s = raw.strip();
            if (!s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}")) {
                throw new InvalidValueException("not an OAuth2 scope");
            }
            return s;
        });
    }

    /** A name that is one segment of a key: lower-case letters, digits and '-'. */
    private static ValueParser<String> name(String what) {
        return Parsers.of(what, "a " + what + " of lower-case letters, digits and '-' (at most 64)", raw -> {
            String n = raw.strip();
            if (!n.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new InvalidValueException("not a " + what + " usable in a key");
            }
            return n;
        });
    }
}
