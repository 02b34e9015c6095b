package dev.bulwark.internal.posture;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.exposure.ExposurePolicy;
import dev.bulwark.internal.inventory.Endpoint;
import dev.bulwark.internal.network.RoutePolicy;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.PolicyPart;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.versioning.ApiVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the posture report says about one resource method: its protections (from the endpoint model, as the
 * controls enforce them) and one check per OWASP category that applies to it.
 */
final class EndpointChecks {

    private static final String ROUTES = "docs/gateway.md#route-policies";
    private static final String OPENAPI = "docs/openapi.md#request-validation-against-the-document";

    private EndpointChecks() {
    }

    /** The protections of the endpoint, label to description, in a fixed order. */
    static Map<String, String> protections(EndpointPolicy policy, Endpoint endpoint, BulwarkConfig config) {
        AccessRule rule = policy.get(AccessRule.class);
        boolean open = rule != null && rule.isPublic();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("tls", config.transport().httpsOnly() ? "HTTPS only" + (config.transport().trustedProxies().isEmpty()
                ? "" : " (TLS at a trusted proxy counts)") : "plain HTTP accepted");
        out.put("authentication", rule != null && rule.denyAll() ? "none: every request is refused"
                : open ? "none needed (public)" : config.apiKeys().enabled() ? "bearer token or API key"
                : "bearer token");
        out.put("access", endpoint.access());
        out.put("object-level", rule != null && rule.owner() != null ? "owner check (@OwnedBy)" : "none");
        Map<String, String> rest = new LinkedHashMap<>(endpoint.policies());
        out.put("rate-limit", rest.containsKey("rate-limit") && config.rateLimiting().enabled()
                ? rest.remove("rate-limit") : "none");
        rest.remove("rate-limit");
        out.put("body", rest.containsKey("body") ? rest.remove("body")
                : "max " + config.validation().limits().maxBodyBytes() + " bytes (the configured limit)");
        out.put("response", rest.containsKey("exposure") ? rest.remove("exposure") : "no allow-list check");
        out.put("version", rest.containsKey("version") ? rest.remove("version") : "none");
        out.putAll(rest);
        return out;
    }

    /** One check per category that applies; the inventory's findings each become a failed check of theirs. */
    static List<PostureCheck> checks(EndpointPolicy policy, Endpoint endpoint, List<String> weaker,
                                     List<RoutePolicy> routes, List<String> undocumented, BulwarkConfig config) {
        String where = endpoint.httpMethod() + " " + endpoint.path();
        AccessRule rule = policy.get(AccessRule.class);
        List<PostureCheck> checks = new ArrayList<>();
        List<String> accessFindings = new ArrayList<>(endpoint.findings());
        accessFindings.removeAll(policy.findings());
        accessFindings.removeAll(weaker);
        boolean undecided = rule == null || !rule.decided();
        checks.add(PostureCheck.of(OwaspCategory.API5, where, !undecided, undecided
                ? "no access decision: every request is refused (deny by default)"
                : "explicit access decision: " + endpoint.access(), null));
        String bola = accessFindings.stream().filter(f -> f.contains("@OwnedBy")).findFirst().orElse(null);
        if (bola != null) {
            checks.add(PostureCheck.fail(OwaspCategory.API1, where, bola, null));
        } else if (rule != null && rule.owner() != null) {
            checks.add(PostureCheck.pass(OwaspCategory.API1, where, "object-level check (@OwnedBy)", null));
        }
        for (RoutePolicy route : routes) {
            if (route.checksCaller()) {
                checks.add(PostureCheck.pass(OwaspCategory.API5, where, "route policy " + route.name() + ": "
                        + route.describe(), ROUTES));
            }
        }
        RateLimitPolicy limits = policy.get(RateLimitPolicy.class);
        boolean limited = limits != null && config.rateLimiting().enabled();
        List<String> routeLimits = config.rateLimiting().enabled() ? routes.stream()
                .filter(r -> r.rateLimit() != null).map(r -> r.rateLimit() + " per caller (route " + r.name() + ")")
                .toList() : List.of();
        List<String> all = new ArrayList<>(routeLimits);
        if (limited) {
            all.add(0, limits.describe());
        }
        checks.add(PostureCheck.of(OwaspCategory.API4, where, !all.isEmpty(), !all.isEmpty()
                ? "rate limit: " + String.join("; ", all) : "no rate limit", null));
        undocumented.forEach(f -> checks.add(PostureCheck.fail(OwaspCategory.API9, where, f, OPENAPI)));
        for (PolicyPart part : policy.parts()) {
            OwaspCategory category = part instanceof ExposurePolicy ? OwaspCategory.API3
                    : part instanceof ApiVersion ? OwaspCategory.API9 : OwaspCategory.API8;
            String docs = part instanceof ExposurePolicy ? "docs/data-exposure.md#the-lint-and-strict-mode"
                    : part instanceof ApiVersion ? "docs/versioning.md#the-model" : "docs/inventory.md";
            part.findings().forEach(f -> checks.add(PostureCheck.fail(category, where, f, docs)));
            if (part.findings().isEmpty() && part instanceof ExposurePolicy) {
                checks.add(PostureCheck.pass(category, where, "response: " + part.describe(), docs));
            }
            if (part.findings().isEmpty() && part instanceof ApiVersion && weaker.isEmpty()) {
                checks.add(PostureCheck.pass(category, where, "version: " + part.describe(), docs));
            }
        }
        weaker.forEach(f -> checks.add(PostureCheck.fail(OwaspCategory.API9, where, f,
                "docs/versioning.md#same-protection-on-every-version")));
        return checks;
    }
}
