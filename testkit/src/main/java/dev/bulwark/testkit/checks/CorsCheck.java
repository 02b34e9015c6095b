package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cross-origin resource sharing (API8) on up to two public and two authenticated GETs without path variables (the
 * base path when the model has none). For each, and each hostile origin ({@code https://evil.example},
 * {@code null}, {@code https://<base-host>.evil.example}, {@code https://evil<base-host>}): a preflight
 * ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method: GET}, plus
 * {@code Access-Control-Request-Headers: authorization} on authenticated endpoints) and the GET itself with that
 * {@code Origin} (as user1 on authenticated endpoints).
 *
 * <p>Findings, one per rule and endpoint: {@code cors.origin-reflected} ({@code Access-Control-Allow-Origin}
 * echoes a hostile origin; HIGH with {@code Access-Control-Allow-Credentials: true}, else MEDIUM),
 * {@code cors.null-origin} (the {@code null} origin is allowed; same severities), {@code cors.wildcard-credentials}
 * ({@code *} together with credentials allowed, MEDIUM). No CORS headers at all, or only the API's own allowed
 * origins, is correct.
 */
public final class CorsCheck implements Check {

    static final int PER_KIND = 2;

    @Override
    public String id() {
        return "cors";
    }

    @Override
    public String title() {
        return "CORS: hostile origins are not allowed";
    }

    @Override
    public void run(ScanContext ctx) {
        String host = ctx.probe().base().getHost();
        List<String> origins = List.of("https://evil.example", "null", "https://" + host + ".evil.example",
                "https://evil" + host);
        List<ApiEndpoint> endpoints = new ArrayList<>(Targets.publicGets(ctx).stream().limit(PER_KIND).toList());
        if (ctx.identities().hasUsers()) {
            Identity user1 = ctx.identities().user1();
            endpoints.addAll(Targets.plainGets(ctx).stream().filter(e -> e.access().known()
                    && !e.access().isPublic() && e.access().admits(user1)).limit(PER_KIND).toList());
        }
        if (endpoints.isEmpty()) {
            String root = ctx.probe().basePath() + "/";
            endpoints.add(new ApiEndpoint("GET", root, dev.bulwark.testkit.engine.Access.UNKNOWN, List.of(),
                    List.of(), null, null, null));
        }
        for (ApiEndpoint e : endpoints) {
            ctx.tested(id(), e.subject());
            Identity who = e.access().isPublic() || !ctx.identities().hasUsers() || !e.access().known()
                    ? Identity.ANONYMOUS : ctx.identities().user1();
            for (String origin : origins) {
                Request preflight = new Request("OPTIONS", e.path(), Map.of("Origin", origin,
                        "Access-Control-Request-Method", "GET"), null, Identity.ANONYMOUS);
                if (!who.anonymous()) {
                    preflight = preflight.header("Access-Control-Request-Headers", "authorization");
                }
                judge(ctx, e, origin, ctx.send(preflight));
                judge(ctx, e, origin, ctx.send(get(e, who).header("Origin", origin)));
            }
        }
    }

    private static Request get(ApiEndpoint e, Identity who) {
        return new Request("GET", e.path(), Map.of("Accept", "application/json"), null, who);
    }

    /** Reports what the answer allows a hostile {@code origin} to do. */
    void judge(ScanContext ctx, ApiEndpoint e, String origin, Exchange x) {
        String allow = x.header("Access-Control-Allow-Origin");
        if (allow == null) {
            return;
        }
        boolean credentials = "true".equalsIgnoreCase(String.valueOf(x.header("Access-Control-Allow-Credentials"))
                .trim());
        Severity severity = credentials ? Severity.HIGH : Severity.MEDIUM;
        String with = credentials ? " with credentials allowed" : "";
        allow = allow.trim();
        String rule = allow.equals(origin) ? (origin.equals("null") ? "cors.null-origin" : "cors.origin-reflected")
                : allow.equals("*") && credentials ? "cors.wildcard-credentials" : null;
        if (rule == null || ctx.findings().stream().anyMatch(f -> f.rule().equals(rule)
                && f.subject().equals(e.subject()))) {
            return;
        }
        if (allow.equals(origin) && origin.equals("null")) {
            ctx.report(id(), "cors.null-origin", OwaspCategory.API8, severity, e, "The origin 'null' (sandboxed"
                    + " frames, local files) is allowed" + with + ": never allow 'null'; list the origins the API"
                    + " serves.", x.evidence());
        } else if (allow.equals(origin)) {
            ctx.report(id(), "cors.origin-reflected", OwaspCategory.API8, severity, e, "The hostile origin " + origin
                    + " is echoed in Access-Control-Allow-Origin" + with + ": compare origins exactly with an"
                    + " allow-list instead of reflecting them.", x.evidence());
        } else if (allow.equals("*") && credentials) {
            ctx.report(id(), "cors.wildcard-credentials", OwaspCategory.API8, Severity.MEDIUM, e, "Any origin ('*')"
                    + " together with Access-Control-Allow-Credentials: true: allow named origins only when"
                    + " credentials are allowed.", x.evidence());
        }
    }
}
