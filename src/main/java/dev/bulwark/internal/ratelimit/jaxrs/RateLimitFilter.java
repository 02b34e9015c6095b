package dev.bulwark.internal.ratelimit.jaxrs;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.headers.AsyncCommit;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.ratelimit.RateLimitFields;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.ratelimit.Limit;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.transport.TransportAttributes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.Map;

/**
 * Counts each request against the limits of its endpoint, after authentication (so per-principal limits know the
 * principal) and before authorization and the body. Over a limit: 429 problem with {@code Retry-After} and the
 * IETF {@code RateLimit-Policy} / {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers); the resource
 * never runs. Allowed responses carry the fields too unless switched off.
 */
final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final RateLimitPolicy policy;
    private final Limiter limiter;
    private final boolean headersOnSuccess;

    RateLimitFilter(RateLimitPolicy policy, Limiter limiter, boolean headersOnSuccess) {
        this.policy = policy;
        this.limiter = limiter;
        this.headersOnSuccess = headersOnSuccess;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestState state = RequestState.ensure(request::getProperty, request::setProperty);
        RawToken token = state.get(TokenGate.VERIFIED);
        List<Limit> limits = policy.limitsFor(token != null);
        if (limits.isEmpty()) {
            return;
        }
        String address = state.get(TransportAttributes.CLIENT_ADDRESS);
        Map<String, String> fields = limiter.check(limits, policy.policyFieldFor(token != null), new Limiter.Facts(address != null ? address : "unknown",
                token == null ? null : Limiter.subject(token.claims()), request::getHeaderString));
        if (headersOnSuccess) {
            state.put(RateLimitFields.ALLOWED, new RateLimitFields(fields));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // A refusal from a rate-limited service bean called by the resource carries its own fields: keep them.
        // Behind Bulwark's servlet filter (its commit hook in the state) the fields go onto the response as it
        // commits (RateLimitFields).
        RequestState state = RequestState.from(request::getProperty);
        RateLimitFields fields = state == null || state.has(AsyncCommit.KEY) ? null
                : state.get(RateLimitFields.ALLOWED);
        if (fields != null && RateLimitFields.belongOn(response.getStatus())) {
            fields.values().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
