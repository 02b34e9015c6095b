package dev.bulwark.internal.versioning;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.ratelimit.Limit;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.validation.JsonBodyRules;
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
 * endpoint model. Public where the successor is protected, deny-all or roles missing, scopes missing, no
 * {@code @OwnedBy}, a larger body limit or a looser rate limit are findings naming both endpoints.
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
            VersionSchedule s = settings.schedule().get(v.name());
            String successor = s != null && s.successor() != null ? s.successor() : next(ordered, v.name());
            EndpointPolicy newer = successor == null ? null : byShape.get(shape(p, v, successor));
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
        if (ab != null && bb != null && ab.maxBytes() > bb.maxBytes()) {
            weaker.add("body limit " + ab.maxBytes() + " bytes where the successor has " + bb.maxBytes());
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
        if (!a.allScopes().containsAll(b.allScopes()) || !b.anyScopes().isEmpty() && !a.needsScopes()) {
            Set<String> missing = new TreeSet<>(b.allScopes());
            missing.removeAll(a.allScopes());
            weaker.add("no scope " + (missing.isEmpty() ? "(any of " + sorted(b.anyScopes()) + ")" : sorted(missing))
                    + " where the successor requires it");
        }
        if (b.owner() != null && a.owner() == null) {
            weaker.add("no @OwnedBy where the successor has one");
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
