package dev.bulwark.jaxrs;

import dev.bulwark.api.RateLimit;
import dev.bulwark.auth.RawToken;
import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.Limit;
import dev.bulwark.ratelimit.RateLimitMetrics;
import dev.bulwark.ratelimit.RateLimitStore;
import dev.bulwark.transport.TransportAttributes;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
    private final RateLimitStore store;
    private final String apiKeyHeader;
    private final boolean headersOnSuccess;
    private final RateLimitMetrics metrics;

    @Context
    private HttpServletRequest servletRequest;

    /** @param annotated the endpoint's own limits, or null to use the defaults (each of which may be null: off) */
    RateLimitFilter(List<Limit> annotated, Limit anonymous, Limit authenticated, RateLimitStore store,
                    String apiKeyHeader, boolean headersOnSuccess, RateLimitMetrics metrics) {
        this.metrics = metrics;
        this.annotated = annotated;
        this.anonymous = anonymous;
        this.authenticated = authenticated;
        this.store = store;
        this.apiKeyHeader = apiKeyHeader;
        this.headersOnSuccess = headersOnSuccess;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RawToken token = request.getProperty(TokenPolicyFilter.VERIFIED_TOKEN) instanceof RawToken t ? t : null;
        List<Limit> limits = annotated != null ? annotated
                : token != null ? (authenticated == null ? List.of() : List.of(authenticated))
                : (anonymous == null ? List.of() : List.of(anonymous));
        if (limits.isEmpty()) {
            return;
        }
        Limit tightest = null;
        Decision tightestDecision = null;
        for (Limit limit : limits) {
            String key = limit.scope() + "|" + limit.policy().name() + "|" + keyOf(limit.key(), token, request);
            Decision d = store.acquire(key, limit.policy());
            metrics.decision(limit.policy().name(), d.allowed());
            if (tightestDecision == null || worse(d, tightestDecision)) {
                tightest = limit;
                tightestDecision = d;
            }
        }
        Map<String, String> fields = fields(limits, tightest, tightestDecision);
        if (!tightestDecision.allowed()) {
            Map<String, String> headers = new LinkedHashMap<>(fields);
            headers.put("Retry-After", Long.toString(tightestDecision.retryAfterSeconds()));
            throw new ProblemException(ProblemKind.TOO_MANY_REQUESTS, 429, List.of(), "rate limit '"
                    + tightest.policy().name() + "' exceeded on " + tightest.scope(), headers);
        }
        if (headersOnSuccess) {
            request.setProperty(FIELDS, fields);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(FIELDS) instanceof Map<?, ?> fields) {
            fields.forEach((name, value) -> response.getHeaders().putSingle((String) name, value));
        }
    }

    private static boolean worse(Decision a, Decision b) {
        if (a.allowed() != b.allowed()) {
            return !a.allowed();
        }
        return a.allowed() ? a.remaining() < b.remaining() : a.retryAfterNanos() > b.retryAfterNanos();
    }

    private String keyOf(RateLimit.Key kind, RawToken token, ContainerRequestContext request) {
        String ip = "ip:" + clientAddress(request);
        return switch (kind) {
            case IP -> ip;
            case PRINCIPAL -> token == null ? ip : "sub:" + token.claims().getString("sub", "");
            case API_KEY -> {
                String value = request.getHeaderString(apiKeyHeader);
                yield value == null || value.isEmpty() ? ip : "key:" + digest(value);
            }
        };
    }

    private String clientAddress(ContainerRequestContext request) {
        Object address = servletRequest == null ? null : servletRequest.getAttribute(TransportAttributes.CLIENT_ADDRESS);
        return address instanceof String s ? s : "unknown";
    }

    /** API keys are secrets: only a digest of them is ever held in memory or sent to a store. */
    private static String digest(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code RateLimit-Policy: "burst";q=10;w=1, "hourly";q=1000;w=3600} and {@code RateLimit: "burst";r=0;t=1}. */
    private static Map<String, String> fields(List<Limit> limits, Limit tightest, Decision decision) {
        String policy = limits.stream().map(l -> "\"" + l.policy().name() + "\";q=" + l.policy().limit() + ";w="
                + Math.max(1, l.policy().window().toSeconds())).collect(Collectors.joining(", "));
        String state = "\"" + tightest.policy().name() + "\";r=" + decision.remaining() + ";t="
                + (decision.allowed() ? decision.resetSeconds() : decision.retryAfterSeconds());
        return Map.of("RateLimit-Policy", policy, "RateLimit", state);
    }
}
