package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.Finding;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rate limits (API4:2023); runs last. Without a probe budget it sends nothing: when no authenticated answer of the
 * scan so far carried a rate-limit header ({@code RateLimit}, {@code RateLimit-Policy}, {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code Retry-After}), that is {@code rate-limit.not-visible} (LOW: a gateway may
 * still enforce one). With {@code rateLimitProbe(n)}: up to n plain GETs of one cheap endpoint (a public GET without
 * parameters, else one user1 may call) until a 429. None is {@code rate-limit.absent} (MEDIUM); a 429 without
 * {@code Retry-After} is {@code rate-limit.no-retry-after} (LOW). While limited it tries bypass variants:
 * {@code X-Forwarded-For}, {@code X-Real-IP} and {@code Forwarded} with other addresses, the path with a trailing
 * slash, in upper case, with {@code //}, with a {@code ;x} matrix parameter, and HEAD instead of GET, each sent in
 * turn with the plain request six times: the variant served every time while the plain request is served at most
 * twice is {@code rate-limit.bypass} (HIGH). (A limiter that refills lets an occasional request of either shape
 * through: that is not a bypass.)
 */
public final class RateLimit implements Check {

    static final List<String> HEADERS = List.of("RateLimit", "RateLimit-Policy", "RateLimit-Limit",
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After");
    private static final String SERVICE = "rate limits";
    /** Plain and variant requests sent in turn per bypass variant. */
    static final int ROUNDS = 6;

    @Override
    public String id() {
        return "rate-limit";
    }

    @Override
    public String title() {
        return "Rate limits: visible, enforced, not bypassed";
    }

    @Override
    public void run(ScanContext ctx) {
        int budget = ctx.settings().rateLimitProbe();
        if (budget > 0) {
            target(ctx).ifPresent(t -> probe(ctx, t.endpoint, t.who, budget));
        }
        List<Exchange> authenticated = ctx.probe().exchanges().stream()
                .filter(x -> x.answered() && !x.request().identity().anonymous()).toList();
        if (authenticated.isEmpty()) {
            return;
        }
        ctx.tested(id(), SERVICE);
        boolean visible = ctx.probe().exchanges().stream().anyMatch(x -> HEADERS.stream().anyMatch(h ->
                x.header(h) != null));
        if (!visible) {
            ctx.report(new Finding(id(), "rate-limit.not-visible", OwaspCategory.API4, Severity.LOW, SERVICE, null,
                    "none of " + authenticated.size() + " authenticated answers carried a rate-limit header "
                            + "(RateLimit, X-RateLimit-Limit, Retry-After): limit requests per caller and tell "
                            + "clients so (a gateway in front may enforce a limit this scan cannot see)",
                    authenticated.get(0).evidence()));
        }
    }

    private record Target(ApiEndpoint endpoint, Identity who) {
    }

    private static Optional<Target> target(ScanContext ctx) {
        Optional<Target> open = Targets.publicGets(ctx).stream().findFirst()
                .map(e -> new Target(e, Identity.ANONYMOUS));
        if (open.isPresent() || !ctx.identities().hasUsers()) {
            return open;
        }
        Identity u1 = ctx.identities().user1();
        return Targets.plainGets(ctx).stream().filter(e -> e.access().known() && e.access().admits(u1)).findFirst()
                .map(e -> new Target(e, u1));
    }

    private void probe(ScanContext ctx, ApiEndpoint e, Identity who, int budget) {
        ctx.tested(id(), e.subject());
        Exchange limited = null;
        for (int i = 0; i < budget && limited == null; i++) {
            Exchange x = ctx.probe().sendOnce(get("GET", e.path(), who));
            if (x.status() == 429) {
                limited = x;
            }
        }
        if (limited == null) {
            ctx.report(id(), "rate-limit.absent", OwaspCategory.API4, Severity.MEDIUM, e, budget + " requests at "
                    + ctx.settings().requestsPerSecond() + "/s got no 429: limit requests per client and per caller",
                    "GET " + e.path() + " as " + who.name() + " x" + budget);
            return;
        }
        if (limited.header("Retry-After") == null) {
            ctx.report(id(), "rate-limit.no-retry-after", OwaspCategory.API4, Severity.LOW, e, "the 429 answer has "
                    + "no Retry-After header: tell clients when to come back", limited.evidence());
        }
        for (Request variant : variants(e.path(), who)) {
            bypass(ctx, e, who, variant);
        }
    }

    /**
     * Sends the plain request and the variant in turn, {@link #ROUNDS} times each. A limiter that refills (GCRA, a
     * token bucket) lets a request through now and then whichever shape it has, so one variant's 200 proves nothing;
     * a bypass is the variant always served while the plain request is mostly refused.
     */
    private void bypass(ScanContext ctx, ApiEndpoint e, Identity who, Request variant) {
        int plainServed = 0;
        int variantServed = 0;
        Exchange shown = null;
        for (int i = 0; i < ROUNDS; i++) {
            if (ctx.probe().sendOnce(get("GET", e.path(), who)).success()) {
                plainServed++;
            }
            Exchange x = ctx.probe().sendOnce(variant);
            if (x.success()) {
                variantServed++;
                shown = x;
            }
        }
        if (variantServed == ROUNDS && plainServed <= ROUNDS / 3) {
            ctx.report(id(), "rate-limit.bypass", OwaspCategory.API4, Severity.HIGH, e, "while limited, the plain "
                    + "request was served " + plainServed + " of " + ROUNDS + " times and this variant " + ROUNDS
                    + " of " + ROUNDS + ": key the limit on the canonical path and on a client address taken from "
                    + "trusted proxies only", shown.evidence());
        }
    }

    static List<Request> variants(String path, Identity who) {
        List<Request> out = new ArrayList<>();
        out.add(get("GET", path, who).header("X-Forwarded-For", "203.0.113.7"));
        out.add(get("GET", path, who).header("X-Real-IP", "203.0.113.8"));
        out.add(get("GET", path, who).header("Forwarded", "for=203.0.113.9"));
        out.add(get("GET", path + "/", who));
        int last = path.lastIndexOf('/');
        out.add(get("GET", path.substring(0, last + 1) + path.substring(last + 1).toUpperCase(Locale.ROOT), who));
        out.add(get("GET", path.substring(0, last) + "/" + path.substring(last), who));
        out.add(get("GET", path + ";x", who));
        out.add(get("HEAD", path, who));
        return out;
    }

    private static Request get(String method, String path, Identity who) {
        return new Request(method, path, Map.of("Accept", "application/json"), null, who);
    }
}
