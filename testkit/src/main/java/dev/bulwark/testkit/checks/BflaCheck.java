package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.Access;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Broken function level authorization (API5) and endpoints without authentication (API2).
 *
 * <p>For every endpoint whose access is known (inventory or OpenAPI security requirement), is not public and not
 * deny-all only, and does not admit an ordinary identity (user1; and "nobody", a valid token without roles or
 * scopes, when the kit mints): one request as that identity. GET and HEAD as they are; POST, PUT and PATCH with the
 * smallest body the OpenAPI request schema accepts (else {@code {}}: a validating server then answers 400 before it
 * checks access, and the check cannot conclude); DELETE only when destructive methods are allowed. Path
 * variables are filled with an id seen in discovery under the same name or as {@code id} (else {@code 1}).
 * A 2xx is the finding {@code bfla.function-level} (HIGH, API5): the function is reachable by a caller it is not
 * meant for, the role or scope (the OpenAPI document's scopes included) is not enforced. 401, 403, 404 and 405 are
 * the expected refusals; 400 and 422 are not findings (a body may be judged before access).
 *
 * <p>Also every known-authenticated endpoint (deny-all included) once without a token, with the same request shape:
 * a 2xx is the finding {@code bfla.anonymous} (HIGH, API2): the endpoint answers without authentication. Endpoints
 * whose access is unknown are not tested (a 2xx could be a legitimately public endpoint).
 */
public final class BflaCheck implements Check {

    @Override
    public String id() {
        return "bfla";
    }

    @Override
    public String title() {
        return "Function level authorization: roles and scopes enforced, no endpoint open without a token";
    }

    @Override
    public void run(ScanContext ctx) {
        List<Identity> ordinary = new ArrayList<>();
        if (ctx.identities().hasUsers()) {
            ordinary.add(ctx.identities().user1());
        }
        ctx.identities().nobody().ifPresent(ordinary::add);
        Map<String, Set<String>> seen = idsSeen(ctx);
        for (ApiEndpoint e : ctx.api().endpoints()) {
            Access a = e.access();
            if (!a.known() || a.isPublic() || !sendable(ctx, e)) {
                continue;
            }
            Request request = request(ctx.api(), e, seen);
            if (!a.denyAll()) {
                for (Identity who : ordinary) {
                    if (a.admits(who)) {
                        continue;
                    }
                    ctx.tested(id(), e.subject());
                    Exchange x = ctx.send(request.as(who));
                    if (x.success()) {
                        ctx.report(id(), "bfla.function-level", OwaspCategory.API5, Severity.HIGH, e,
                                who.name() + " (" + holds(who) + ") was served although the endpoint needs "
                                        + needs(a) + ": enforce the role or scope on this operation.",
                                x.evidence());
                    }
                }
            }
            ctx.tested(id(), e.subject());
            Exchange x = ctx.send(request.anonymous());
            if (x.success()) {
                ctx.report(id(), "bfla.anonymous", OwaspCategory.API2, Severity.HIGH, e, "A request without a token was"
                        + " served although the endpoint needs " + needs(a) + ": require authentication on it.",
                        x.evidence());
            }
        }
    }

    private static boolean sendable(ScanContext ctx, ApiEndpoint e) {
        return switch (e.method()) {
            case "GET", "HEAD", "POST", "PUT", "PATCH" -> true;
            case "DELETE" -> ctx.probe().allows("DELETE");
            default -> false;
        };
    }

    /**
     * The endpoint's request: path variables filled; for write methods the smallest body the OpenAPI request schema
     * accepts (so a server that validates the body before it checks access still shows whether it would serve the
     * caller), else an empty JSON object.
     */
    static Request request(dev.bulwark.testkit.engine.ApiModel api, ApiEndpoint e, Map<String, Set<String>> seen) {
        String path = e.expand(v -> {
            List<String> ids = Discovery.candidates(seen, v);
            return URLEncoder.encode(ids.isEmpty() ? "1" : ids.get(0), StandardCharsets.UTF_8);
        });
        boolean body = e.method().equals("POST") || e.method().equals("PUT") || e.method().equals("PATCH");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body) {
            headers.put("Content-Type", "application/json");
        }
        String json = e.requestSchema() == null ? "{}" : Bodies.minimal(api, e.requestSchema()).toString();
        return new Request(e.method(), path, headers, body ? json : null, Identity.ANONYMOUS);
    }

    /** Ids every caller saw (the admin's first: objects that exist), by field name. */
    private static Map<String, Set<String>> idsSeen(ScanContext ctx) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        List<Identity> callers = new ArrayList<>(ctx.callers());
        java.util.Collections.reverse(callers);
        for (Identity who : callers) {
            ctx.idsSeenBy(who).forEach((k, v) -> out.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        }
        return out;
    }

    private static String holds(Identity who) {
        return "roles " + who.roles() + ", scopes " + who.scopes();
    }

    private static String needs(Access a) {
        List<String> parts = new ArrayList<>();
        if (a.denyAll()) {
            parts.add("nobody (deny-all)");
        }
        if (!a.roles().isEmpty()) {
            parts.add("one of the roles " + a.roles());
        }
        if (!a.allScopes().isEmpty()) {
            parts.add("the scopes " + a.allScopes());
        }
        if (!a.anyScopes().isEmpty()) {
            parts.add("one of the scopes " + a.anyScopes());
        }
        return parts.isEmpty() ? "an authenticated caller" : String.join(" and ", parts);
    }
}
