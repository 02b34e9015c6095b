package dev.bulwark.jaxrs;

import dev.bulwark.auth.RawToken;
import dev.bulwark.ratelimit.Limit;
import dev.bulwark.ratelimit.Limiter;
import dev.bulwark.transport.TransportAttributes;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;

/**
 * Counts each request against the limits of its endpoint, after authentication (so per-principal limits know the
 * principal) and before authorization and the body. Over a limit: 429 problem with {@code Retry-After} and the
 * IETF {@code RateLimit-Policy} / {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers); the resource
 * never runs. Allowed responses carry the fields too unless switched off.
 */
@Priority(Priorities.AUTHENTICATION + 10)
final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String FIELDS = "dev.bulwark.rateLimitFields";

    private final List<Limit> annotated;
    private final Limit anonymous;
    private final Limit authenticated;
    private final Limiter limiter;
    private final boolean headersOnSuccess;

    @Context
    private HttpServletRequest servletRequest;

    /** @param annotated the endpoint's own limits, or null to use the defaults (each of which may be null: off) */
    RateLimitFilter(List<Limit> annotated, Limit anonymous, Limit authenticated, Limiter limiter,
                    boolean headersOnSuccess) {
        this.annotated = annotated;
        this.anonymous = anonymous;
        this.authenticated = authenticated;
        this.limiter = limiter;
        this.headersOnSuccess = headersOnSuccess;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RawToken token = request.getProperty(dev.bulwark.auth.TokenGate.VERIFIED_TOKEN) instanceof RawToken t ? t : null;
        List<Limit> limits = annotated != null ? annotated
                : token != null ? (authenticated == null ? List.of() : List.of(authenticated))
                : (anonymous == null ? List.of() : List.of(anonymous));
        if (limits.isEmpty()) {
            return;
        }
        Object address = servletRequest == null ? null : servletRequest.getAttribute(TransportAttributes.CLIENT_ADDRESS);
        Map<String, String> fields = limiter.check(limits, new Limiter.Facts(
                address instanceof String s ? s : "unknown", token == null ? null : Limiter.subject(token.claims()),
                request::getHeaderString));
        if (headersOnSuccess) {
            request.setProperty(FIELDS, fields);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // A refusal from a rate-limited service bean called by the resource carries its own fields: keep them.
        if (request.getProperty(FIELDS) instanceof Map<?, ?> fields && response.getStatus() != 429) {
            fields.forEach((name, value) -> response.getHeaders().putSingle((String) name, value));
        }
    }
}
