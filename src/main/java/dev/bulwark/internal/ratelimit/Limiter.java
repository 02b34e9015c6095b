package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.api.RateLimit;
import dev.bulwark.api.RateLimitKeyResolver;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Counts one call against a list of limits and answers with the RateLimit fields, or refuses it with the 429
 * problem. Shared by the JAX-RS filter and the CDI interceptor of a deployment, over one store.
 */
public final class Limiter {

    /** What a key can be made of: the client address, the verified subject (or null), the request headers. */
    public record Facts(String clientAddress, String subject, Function<String, String> header) {
    }

    private final RateLimitStore store;
    private final RateLimitMetrics metrics;
    private final String apiKeyHeader;
    private final Map<Class<?>, RateLimitKeyResolver> resolvers = new ConcurrentHashMap<>();
    private final Function<Class<? extends RateLimitKeyResolver>, RateLimitKeyResolver> beans;

    /** A limiter whose CUSTOM keys' resolvers come from {@code beans} (the application's CDI beans). */
    public Limiter(RateLimitStore store, RateLimitMetrics metrics, String apiKeyHeader,
                   Function<Class<? extends RateLimitKeyResolver>, RateLimitKeyResolver> beans) {
        this.store = store;
        this.metrics = metrics;
        this.apiKeyHeader = apiKeyHeader;
        this.beans = beans;
    }

    /** A limiter without CUSTOM keys (their resolver would be a CDI bean). */
    /** The store the limits are counted in (the readiness check reports it). */
    public RateLimitStore store() {
        return store;
    }

    public Limiter(RateLimitStore store, RateLimitMetrics metrics, String apiKeyHeader) {
        this(store, metrics, apiKeyHeader, type -> {
            throw new IllegalStateException("no bean lookup for the rate-limit key resolver " + type.getName());
        });
    }

    /**
     * @return the RateLimit-Policy and RateLimit fields of an allowed call
     * @throws ProblemException 429 with Retry-After and the fields when a limit is exceeded
     */
    public Map<String, String> check(List<Limit> limits, Facts facts) {
        return check(limits, policyField(limits), facts);
    }

    /**
     * Like {@link #check(List, Facts)}, with the limits' {@code RateLimit-Policy} field made before
     * ({@link #policyField}).
     */
    public Map<String, String> check(List<Limit> limits, String policyField, Facts facts) {
        Limit tightest = null;
        Decision tightestDecision = null;
        for (Limit limit : limits) {
            Decision d;
            try {
                d = store.acquire(key(limit, facts), limit.policy());
            } catch (FallbackStore.StoreUnavailableException e) {
                throw new ProblemException(ProblemKind.UNAVAILABLE, List.of(),
                        "rate-limit store unavailable (bulwark.ratelimit.redis.fallback=REJECT)",
                        Map.of("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))));
            }
            metrics.decision(limit.policy().name(), d.allowed());
            if (tightestDecision == null || worse(d, tightestDecision)) {
                tightest = limit;
                tightestDecision = d;
            }
        }
        Map<String, String> fields = fields(policyField, tightest, tightestDecision);
        if (!tightestDecision.allowed()) {
            throw tooMany(fields, tightest, tightestDecision);
        }
        return fields;
    }

    /**
     * Refuses with the 429 problem (Retry-After and the RateLimit fields) when the limit is already spent for these
     * facts, without counting anything. While a shared store is unavailable and the fallback is REJECT, nothing is
     * refused here: the endpoint limits answer 503 as configured, and a Redis outage must not turn every request of
     * the application (public pages, health checks) into one.
     */
    public void requireRemaining(Limit limit, Facts facts) {
        Decision d;
        try {
            d = store.peek(key(limit, facts), limit.policy());
        } catch (FallbackStore.StoreUnavailableException e) {
            return;
        }
        if (!d.allowed()) {
            metrics.decision(limit.policy().name(), false);
            throw tooMany(fields(policyField(List.of(limit)), limit, d), limit, d);
        }
    }

    /**
     * Counts one request against the limit, whatever the answer (the response is already decided).
     *
     * @return the store's decision (allowed with 0 remaining: this request spent the limit), or null when nothing
     *         could be counted (REJECT fallback while the shared store is down)
     */
    public Decision charge(Limit limit, Facts facts) {
        try {
            Decision d = store.acquire(key(limit, facts), limit.policy());
            metrics.decision(limit.policy().name(), d.allowed());
            return d;
        } catch (FallbackStore.StoreUnavailableException e) {
            return null;
        }
    }

    /** Lets go of the store's connection (the application stops). */
    public void close() {
        store.close();
    }

    private String key(Limit limit, Facts facts) {
        return limit.scope() + "|" + limit.policy().name() + "|" + keyOf(limit, facts);
    }

    private static ProblemException tooMany(Map<String, String> fields, Limit limit, Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>(fields);
        headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
        return new ProblemException(Phase.RATE_LIMIT, ProblemKind.TOO_MANY_REQUESTS, List.of(), "rate limit '"
                + limit.policy().name() + "' exceeded on " + limit.scope(), headers);
    }

    private static boolean worse(Decision a, Decision b) {
        if (a.allowed() != b.allowed()) {
            return !a.allowed();
        }
        return a.allowed() ? a.remaining() < b.remaining() : a.retryAfterNanos() > b.retryAfterNanos();
    }

    private String keyOf(Limit limit, Facts facts) {
        String ip = "ip:" + facts.clientAddress();
        return switch (limit.key()) {
            case IP -> ip;
            case PRINCIPAL -> facts.subject() == null ? ip : "sub:" + facts.subject();
            case API_KEY -> {
                String value = facts.header().apply(apiKeyHeader);
                yield value == null || value.isEmpty() ? ip : "key:" + digest(value);
            }
            case CUSTOM -> {
                String custom = resolver(limit.resolver()).key(facts.clientAddress(), facts.subject(), facts.header());
                yield custom == null ? ip : "custom:" + custom;
            }
        };
    }

    private RateLimitKeyResolver resolver(Class<? extends RateLimitKeyResolver> type) {
        return resolvers.computeIfAbsent(type, t -> beans.apply(type));
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

    /** The {@code RateLimit-Policy} field of limits: {@code "burst";q=10;w=1, "hourly";q=1000;w=3600}. */
    public static String policyField(List<Limit> limits) {
        StringBuilder policy = new StringBuilder(32 * limits.size());
        for (Limit l : limits) {
            if (!policy.isEmpty()) {
                policy.append(", ");
            }
            policy.append('"').append(l.policy().name()).append("\";q=").append(l.policy().limit()).append(";w=")
                    .append(Math.max(1, l.policy().window().toSeconds()));
        }
        return policy.toString();
    }

    /** The {@code RateLimit-Policy} field and {@code RateLimit: "burst";r=0;t=1}. */
    private static Map<String, String> fields(String policyField, Limit tightest, Decision decision) {
        String state = "\"" + tightest.policy().name() + "\";r=" + decision.remaining() + ";t="
                + (decision.allowed() ? decision.resetSeconds() : decision.retryAfterSeconds());
        return Map.of("RateLimit-Policy", policyField, "RateLimit", state);
    }

    /** The subject of a token's claims: {@code sub}, else {@code azp}, else {@code client_id}. */
    public static String subject(jakarta.json.JsonObject claims) {
        for (String name : new String[] {"sub", "azp", "client_id"}) {
            String v = claims.getString(name, null);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
