package dev.bulwark.internal.web;

import dev.bulwark.internal.apikeys.ApiKeySettings;
import dev.bulwark.internal.apikeys.ApiKeys;
import dev.bulwark.internal.apikeys.QueryKeys;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.headers.HeaderValue;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.transport.TransportAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * API keys at the servlet layer ({@link dev.bulwark.internal.pipeline.Phase#API_KEY}), right after the bearer
 * token: a key in the query string is refused like a token there ({@link QueryKeys}); a presented key (in the configured header or
 * {@code Authorization} scheme, exactly once) is checked by {@link ApiKeys}; a verified key makes its owner the
 * request's verified caller ({@link TokenGate#VERIFIED}, read by every later control) and the caller the container
 * and the application see ({@link #asCaller}), and is held to its own rate limit. Every refused key gets the same
 * 401; only the log says why, naming at most the key's id.
 */
final class ApiKeyAuthentication {

    /** What the step decided: nothing presented, a verified caller, or a refusal. */
    record Result(ApiKeys.Verified verified, ProblemKind refusal, String reason, List<HeaderValue> headers) {
        static final Result NONE = new Result(null, null, null, List.of());
    }

    private final ApiKeySettings settings;
    private final Supplier<ApiKeys> keysSupplier;
    private final Supplier<Limiter> limiter;
    private final String schemePrefix;
    private final HeaderValue challenge;
    private volatile ApiKeys keys;
    private volatile QueryKeys queryKeys;

    /**
     * @param keysSupplier the deployment's API keys, made on first use
     * @param limiter      the deployment's rate limiter (a key's own limit), made on first use
     */
    ApiKeyAuthentication(ApiKeySettings settings, Supplier<ApiKeys> keysSupplier, Supplier<Limiter> limiter) {
        this.settings = settings;
        this.keysSupplier = keysSupplier;
        this.limiter = limiter;
        this.schemePrefix = settings.authorizationScheme() == null ? null
                : settings.authorizationScheme().toLowerCase(Locale.ROOT) + " ";
        this.challenge = new HeaderValue(dev.bulwark.internal.auth.BearerChallenges.HEADER,
                (settings.authorizationScheme() == null ? "ApiKey" : settings.authorizationScheme())
                        + " realm=\"api\"");
    }

    /** The {@code Authorization} scheme of keys (lower case), or null: the bearer step lets it through. */
    String scheme() {
        return settings.authorizationScheme() == null ? null
                : settings.authorizationScheme().toLowerCase(Locale.ROOT);
    }

    /** True when the request presents a key (so that its caller may turn out to be a verified one). */
    boolean presentsKey(HttpServletRequest request, RequestHeaderNames headers) {
        return settings.header() != null && headers.has(settings.header()) || fromAuthorization(request, headers) != null;
    }

    /**
     * @param verifiedToken the bearer token the step before verified, or null
     */
    Result authenticate(HttpServletRequest request, RequestHeaderNames headers, RequestState state,
                        RawToken verifiedToken) {
        ApiKeys k = keys();
        String query = request.getQueryString();
        if (query != null) {
            QueryKeys q = queryKeys;
            if (q == null) {
                q = new QueryKeys(k.format(), settings.header());
                queryKeys = q;
            }
            String leaked = q.leaked(BearerAuthentication.query(query));
            if (leaked != null) {
                return refused(leaked);
            }
        }
        List<String> inHeader = settings.header() == null || !headers.has(settings.header()) ? List.of()
                : headers.all(request, settings.header());
        String inAuthorization = fromAuthorization(request, headers);
        int presented = inHeader.size() + (inAuthorization == null ? 0 : 1);
        if (presented == 0) {
            return Result.NONE;
        }
        if (presented > 1) {
            return refused("more than one API key");
        }
        if (verifiedToken != null) {
            return refused("both a bearer token and an API key");
        }
        String key = inAuthorization != null ? inAuthorization : inHeader.get(0).strip();
        ApiKeys.Outcome outcome = k.authenticate(key);
        if (outcome instanceof ApiKeys.Refused r) {
            return refused(r.reason());
        }
        if (outcome instanceof ApiKeys.Unavailable u) {
            return new Result(null, ProblemKind.UNAVAILABLE, u.reason(), List.of(new HeaderValue("Retry-After", "5")));
        }
        ApiKeys.Verified verified = (ApiKeys.Verified) outcome;
        state.put(TokenGate.VERIFIED, verified.caller());
        if (verified.limits() != null) {
            String address = state.get(TransportAttributes.CLIENT_ADDRESS);
            try {
                limiter.get().check(verified.limits(), new Limiter.Facts(address == null ? "unknown" : address,
                        "api-key:" + verified.key().id(), name -> null));
            } catch (ProblemException e) {
                return new Result(verified, e.kind(), e.getMessage() + " (the own limit of API key "
                        + verified.key().id() + ")", e.headers().entrySet().stream()
                        .map(h -> new HeaderValue(h.getKey(), h.getValue())).toList());
            }
        }
        return new Result(verified, null, null, List.of());
    }

    private Result refused(String reason) {
        return new Result(null, ProblemKind.UNAUTHORIZED, "API key refused: " + reason, List.of(challenge));
    }

    /** The key of {@code Authorization: <scheme> <key>}, or null. */
    private String fromAuthorization(HttpServletRequest request, RequestHeaderNames headers) {
        if (schemePrefix == null || !headers.has("Authorization")) {
            return null;
        }
        String value = headers.get(request, "Authorization");
        if (value == null || value.length() <= schemePrefix.length()
                || !value.regionMatches(true, 0, schemePrefix, 0, schemePrefix.length())) {
            return null;
        }
        return value.substring(schemePrefix.length()).strip();
    }

    private ApiKeys keys() {
        ApiKeys k = keys;
        if (k == null) {
            k = keysSupplier.get();
            keys = k;
        }
        return k;
    }

    /**
     * The request as the container and the application see it once a key was verified: its owner is the caller
     * ({@code getUserPrincipal}, {@code getRemoteUser}), in exactly the key's roles ({@code isUserInRole}), so the
     * container's own role check (Liberty's, where it runs) agrees with Bulwark's.
     */
    static HttpServletRequest asCaller(HttpServletRequest request, ApiKeys.Verified verified) {
        String owner = verified.key().owner();
        Set<String> roles = verified.key().roles();
        Principal principal = new KeyPrincipal(owner, verified.key().id());
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return owner;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role) || "**".equals(role);
            }

            @Override
            public String getAuthType() {
                return "API_KEY";
            }

            @Override
            public boolean authenticate(HttpServletResponse response) {
                return true;
            }
        };
    }

    /** The caller of a verified key: named by the key's owner. */
    record KeyPrincipal(String name, String keyId) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }
}
