package dev.bulwark.internal.web;

import dev.bulwark.api.RateLimit;
import dev.bulwark.internal.network.RoutePolicy;
import dev.bulwark.internal.ratelimit.Limit;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.RatePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rate limits of route policies ({@code bulwark.routes.<name>.rate-limit}) on every door (resources, servlets,
 * static files): one count per route and caller (the subject of the verified token or API key, else the client
 * address) across every path the route covers, on top of the endpoints' own limits, in the deployment's one
 * rate-limit store.
 */
final class RouteRateLimits {

    private final Supplier<Limiter> limiter;

    /** @param limiter the deployment's rate limiter, looked up on first use */
    RouteRateLimits(Supplier<Limiter> limiter) {
        this.limiter = limiter;
    }

    /**
     * Counts the request against the limits of the routes covering it.
     *
     * @throws dev.bulwark.internal.errors.ProblemException 429 with Retry-After and the RateLimit fields when one is
     *                                                      spent (503 while a shared store is down and set to refuse)
     */
    void check(List<RoutePolicy> covering, Limiter.Facts facts) {
        if (covering.isEmpty()) {
            return;
        }
        List<Limit> limits = new ArrayList<>(covering.size());
        for (RoutePolicy route : covering) {
            limits.add(new Limit(RatePolicy.parse(policyName(route.name()), route.rateLimit()),
                    RateLimit.Key.PRINCIPAL, "route:" + route.name()));
        }
        limiter.get().check(limits, facts);
    }

    /** The route's name in the RateLimit fields when it is a valid policy name there, else {@code route}. */
    static String policyName(String route) {
        return route.matches("[a-z][a-z0-9_-]{0,31}") ? route : "route";
    }
}
