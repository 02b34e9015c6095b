package dev.bulwark.internal.versioning;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.ratelimit.Limit;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.validation.JsonBodyRules;
import dev.bulwark.internal.validation.JsonLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Same protection on every version: at deployment, each endpoint of an older version is compared with the same
 * endpoint (same HTTP method, same path around the version segment) of its successor, part by part from the
 * endpoint model (when the successor lacks the endpoint, the nearest later version that has it). Public where the
 * successor is protected, deny-all or roles missing, scopes missing or an any-of list admitting a scope the
 * successor's does not, no {@code @OwnedBy}, a larger body limit or JSON limit (depth, array length, object entries,
 * string, name and number length), no {@code @JsonSchema} where the successor has one, or a looser rate limit are
 * findings naming both endpoints.
 */
public final class VersionLint {

    private VersionLint() {
    }

    /** One weaker endpoint: the old one, its successor, and what is weaker. */
    public record Finding(EndpointPolicy older, EndpointPolicy successor, List<String> weaker) {

        /** The inventory line of the older endpoint. */
        public String inventoryLine() {
            return "weaker than its successor " + name(successor) + ": " + String.join("; ", weaker);
        }

        /** The deployment message. */
        public String message() {
            return name(older) + " is weaker than " + name(successor) + ": " + String.join("; ", weaker);
        }
    }

    /**
     * The findings of a deployment's endpoints: with {@code source=path}, each versioned endpoint against its
     * successor (the schedule's {@code successor}, else the next higher version number the deployment has).
     */
    public static List<Finding> check(List<EndpointPolicy> policies, VersioningSettings settings) {
        Map<String, EndpointPolicy> byShape = new HashMap<>();
        Set<String> versions = new TreeSet<>(Comparator.comparingLong(VersionLint::number));
        for (EndpointPolicy p : policies) {
            ApiVersion v = p.get(ApiVersion.class);
            if (v != null && v.name() != null) {
                byShape.putIfAbsent(shape(p, v, v.name()), p);
                versions.add(v.name());
            }
        }
        List<String> ordered = new ArrayList<>(versions);
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (EndpointPolicy p : policies) {
            ApiVersion v = p.get(ApiVersion.class);
            if (v == null || v.name() == null) {
                continue;
            }
            // the successor, else the nearest later version that has the endpoint
            EndpointPolicy newer = null;
            Set<String> visited = new java.util.HashSet<>(Set.of(v.name()));
            String successor = successorOf(v.name(), settings, ordered);
            while (newer == null && successor != null && visited.add(successor)) {
                newer = byShape.get(shape(p, v, successor));
                successor = successorOf(successor, settings, ordered);
            }
            if (newer == null) {
                continue;
            }
            List<String> weaker = compare(p, newer);
            if (!weaker.isEmpty()) {
                findings.putIfAbsent(name(p), new Finding(p, newer, weaker));
            }
        }
        return List.copyOf(findings.values());
    }

    static List<String> compare(EndpointPolicy older, EndpointPolicy newer) {
        List<String> weaker = new ArrayList<>();
        AccessRule a = older.get(AccessRule.class);
        AccessRule b = newer.get(AccessRule.class);
        if (a != null && b != null) {
            access(a, b, weaker);
        }
        JsonBodyRules.BodyPolicy ab = older.get(JsonBodyRules.BodyPolicy.class);
        JsonBodyRules.BodyPolicy bb = newer.get(JsonBodyRules.BodyPolicy.class);
        if (ab != null && bb != null) {
            body(ab, bb, weaker);
        }
        RateLimitPolicy ar = older.get(RateLimitPolicy.class);
        RateLimitPolicy br = newer.get(RateLimitPolicy.class);
        for (boolean verified : new boolean[] {false, true}) {
            double oldRate = rate(ar, verified);
            double newRate = rate(br, verified);
            if (oldRate > newRate) {
                weaker.add("looser rate limit for " + (verified ? "callers with a token" : "anonymous callers") + " ("
                        + (ar == null ? "none" : ar.describe()) + " where the successor has " + br.describe() + ")");
                break;
            }
        }
        return weaker;
    }

    private static void access(AccessRule a, AccessRule b, List<String> weaker) {
        boolean bProtected = !b.isPublic() && b.decided();
        if (b.denyAll() && !a.denyAll()) {
            weaker.add("callable where the successor is @DenyAll");
            return;
        }
        if (a.isPublic() && bProtected) {
            weaker.add("public where the successor is protected");
            return;
        }
        if (a.denyAll() || !a.decided()) {
            return; // refused to everyone: nothing weaker
        }
        if (!b.roles().isEmpty() && (a.roles().isEmpty() || !b.roles().containsAll(a.roles()))) {
            weaker.add("roles " + sorted(a.roles()) + " where the successor allows only " + sorted(b.roles()));
        }
        if (!a.allScopes().containsAll(b.allScopes())) {
            Set<String> missing = new TreeSet<>(b.allScopes());
            missing.removeAll(a.allScopes());
            weaker.add("no scope " + sorted(missing) + " where the successor requires it");
        }
        // the successor admits a token with one of its any-of scopes: the old endpoint must admit no other token,
        // by requiring one of them outright or by an any-of list within the successor's
        if (!b.anyScopes().isEmpty() && a.allScopes().stream().noneMatch(b.anyScopes()::contains)
                && (a.anyScopes().isEmpty() || !b.anyScopes().containsAll(a.anyScopes()))) {
            Set<String> extra = new TreeSet<>(a.anyScopes());
            extra.removeAll(b.anyScopes());
            weaker.add((a.anyScopes().isEmpty() ? "no scope (any of " + sorted(b.anyScopes()) + ")"
                    : "scopes any of (" + sorted(a.anyScopes()) + ") admit " + sorted(extra)) + " where the "
                    + "successor requires one of (" + sorted(b.anyScopes()) + ")");
        }
        if (b.owner() != null && a.owner() == null) {
            weaker.add("no @OwnedBy where the successor has one");
        }
    }

    /** Every JSON body limit, and the schema, against the successor's. */
    private static void body(JsonBodyRules.BodyPolicy a, JsonBodyRules.BodyPolicy b, List<String> weaker) {
        if (a.maxBytes() > b.maxBytes()) {
            weaker.add("body limit " + a.maxBytes() + " bytes where the successor has " + b.maxBytes());
        }
        if (a.rule() == null || b.rule() == null) {
            return; // one of them takes no body
        }
        JsonLimits x = a.rule().limits();
        JsonLimits y = b.rule().limits();
        larger("depth", x.maxDepth(), y.maxDepth(), weaker);
        larger("array length", x.maxArrayLength(), y.maxArrayLength(), weaker);
        larger("object entries", x.maxObjectEntries(), y.maxObjectEntries(), weaker);
        if (x.maxStringLength() != JsonLimits.BOUNDED_BY_BODY || y.maxStringLength() != JsonLimits.BOUNDED_BY_BODY) {
            larger("string length", strings(x, a.maxBytes()), strings(y, b.maxBytes()), weaker); // else: the bytes
        }
        larger("member name length", x.maxKeyLength(), y.maxKeyLength(), weaker);
        larger("number length", x.maxNumberLength(), y.maxNumberLength(), weaker);
        if (b.rule().schema() != null && a.rule().schema() == null) {
            weaker.add("no @JsonSchema where the successor has " + b.rule().schema().location());
        }
    }

    /** The string limit in force: the byte limit when strings are left to it. */
    private static long strings(JsonLimits limits, long maxBytes) {
        return limits.maxStringLength() == JsonLimits.BOUNDED_BY_BODY ? maxBytes : limits.maxStringLength();
    }

    private static void larger(String what, long older, long newer, List<String> weaker) {
        if (older > newer) {
            weaker.add("JSON " + what + " limit " + older + " where the successor has " + newer);
        }
    }

    /** The highest request rate per second the endpoint's limits let one caller through (infinite: none). */
    private static double rate(RateLimitPolicy policy, boolean verified) {
        if (policy == null) {
            return Double.POSITIVE_INFINITY;
        }
        double min = Double.POSITIVE_INFINITY;
        for (Limit l : policy.limitsFor(verified)) {
            min = Math.min(min, l.policy().limit() * 1_000_000_000d / l.policy().window().toNanos());
        }
        return min;
    }

    /** The endpoint's method and path with its version segment replaced by {@code version}, parameters unnamed. */
    private static String shape(EndpointPolicy p, ApiVersion v, String version) {
        String path = p.site().path();
        String before = v.prefix().substring(0, v.prefix().length() - v.name().length());
        String after = path.substring(v.prefix().length());
        return p.site().httpMethod() + " " + (before + version + after).replaceAll("\\{[^}]*}", "{}");
    }

    /** The version's scheduled successor, else the next higher version number the deployment has. */
    private static String successorOf(String version, VersioningSettings settings, List<String> ordered) {
        VersionSchedule s = settings.schedule().get(version);
        return s != null && s.successor() != null ? s.successor() : next(ordered, version);
    }

    private static String next(List<String> ordered, String version) {
        int i = ordered.indexOf(version);
        return i >= 0 && i + 1 < ordered.size() ? ordered.get(i + 1) : null;
    }

    private static long number(String version) {
        try {
            return Long.parseLong(version.substring(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    static String name(EndpointPolicy p) {
        return p.site().httpMethod() + " " + p.site().path() + " (" + p.site().name() + ")";
    }
}
