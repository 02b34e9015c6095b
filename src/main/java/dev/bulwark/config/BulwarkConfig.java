package dev.bulwark.config;

import dev.bulwark.transport.RequestHost;
import dev.bulwark.validation.JsonLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Bulwark's settings, read once at deployment and validated. Immutable. */
public record BulwarkConfig(
        boolean enabled,
        Errors errors,
        Correlation correlation,
        Inventory inventory,
        Transport transport,
        Headers headers,
        Cors cors,
        Methods methods,
        Validation validation,
        Jwt jwt,
        Authz authz,
        RateLimiting rateLimiting) {

    /** @param summaryInterval the window of the 4xx summary lines; zero when they are off */
    public record Errors(URI typeBase, ErrorLogLevel clientLogLevel, Duration summaryInterval) {
    }

    public record Correlation(boolean trustIncoming, String header) {
    }

    public record Inventory(boolean log, boolean endpointEnabled, String endpointPath, String endpointRole) {
    }

    /** @param allowedHosts the hosts the application answers to; empty: any well-formed host */
    public record Transport(List<Cidr> trustedProxies, boolean httpsOnly, List<String> redirectPaths, int httpsPort,
                            List<RequestHost> allowedHosts) {
        public Transport {
            trustedProxies = List.copyOf(trustedProxies);
            redirectPaths = List.copyOf(redirectPaths);
            allowedHosts = List.copyOf(allowedHosts);
        }
    }

    /** One response header Bulwark writes by default. */
    public record HeaderValue(String name, String value) {
    }

    /**
     * The security headers written on every response (unless the application set the header itself), the HSTS
     * value for TLS responses, and the Cache-Control value for authenticated and problem responses. A null value
     * means switched off.
     */
    public record Headers(List<HeaderValue> always, String strictTransportSecurity, String cacheControl) {
        public Headers {
            always = List.copyOf(always);
        }
    }

    public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposedHeaders, boolean allowCredentials, Duration maxAge) {
        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedMethods = List.copyOf(allowedMethods);
            allowedHeaders = List.copyOf(allowedHeaders);
            exposedHeaders = List.copyOf(exposedHeaders);
        }

        public boolean enabled() {
            return !allowedOrigins.isEmpty();
        }
    }

    public record Methods(List<String> allowed, boolean allowOverride) {
        public Methods {
            allowed = List.copyOf(allowed);
        }
    }

    /** Input validation: the global JSON limits and the content rules. */
    public record Validation(JsonLimits limits, boolean rejectUnknownProperties, boolean rejectMismatchedTypes,
                             boolean rejectControlCharacters, boolean rejectBidiControls, List<String> checkedHeaders,
                             List<String> contentEncodings, boolean allowBalancedBidiIsolates) {
        public Validation {
            checkedHeaders = List.copyOf(checkedHeaders);
            contentEncodings = List.copyOf(contentEncodings);
        }
    }

    /**
     * The token policy. {@code inUse} when the application configures MicroProfile JWT verification; issuer and
     * audiences come from {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences}, {@code tokenCookie}
     * from {@code mp.jwt.token.cookie} when {@code mp.jwt.token.header=Cookie} (else null: the Authorization
     * header). {@code otherSchemes} are lower case.
     */
    public record Jwt(boolean inUse, String issuer, List<String> audiences, List<String> algorithms,
                      Duration clockSkew, Duration maxLifetime, Duration maxAge, boolean requireAtJwt,
                      boolean requireJti, int denyListMaxEntries, java.net.URI remoteKeys, Duration jwksMaxAge,
                      Duration jwksCooldown, JwtLint lint, List<String> otherSchemes,
                      List<String> queryTokenParameters, String tokenCookie) {
        public Jwt {
            audiences = List.copyOf(audiences);
            algorithms = List.copyOf(algorithms);
            otherSchemes = List.copyOf(otherSchemes);
            queryTokenParameters = List.copyOf(queryTokenParameters);
        }
    }

    /** The explicit, logged opt-outs of the deployment-time JWT lint. */
    public record JwtLint(boolean allowMissingIssuer, boolean allowMissingAudience, boolean allowHmac,
                          boolean allowLongSkew, boolean allowWeakRsa) {
    }

    /** Authorization: deny-by-default strictness, the status of refused objects, the scope claim. */
    public record Authz(boolean strict, int objectDeniedStatus, String scopeClaim) {
    }

    /**
     * Rate limiting: the default limits and the refusal budget per client address (null when off), the store
     * size, the API key header.
     */
    /** @param refusedExempt client addresses never charged to the refusal budget (unless verified by a token) */
    public record RateLimiting(boolean enabled, String anonymous, String authenticated, String refused,
                               List<Cidr> refusedExempt, int maxKeys,
                               String apiKeyHeader, boolean headersOnSuccess, RateLimitStoreKind store,
                               String redisUrl, Duration redisTimeout, dev.bulwark.ratelimit.FallbackStore.Mode fallback,
                               String redisPrefix) {
        public RateLimiting {
            refusedExempt = List.copyOf(refusedExempt);
        }

        @Override
        public String toString() {
            // the Redis URL may carry a password
            return "RateLimiting[store=" + store + ", anonymous=" + anonymous + ", authenticated=" + authenticated
                    + ", refused=" + refused + ", refusedExempt=" + refusedExempt + "]";
        }
    }

    /** The configuration with every key at its default. */
    public static BulwarkConfig defaults() {
        return ConfigLoader.load(key -> java.util.Optional.empty()).config();
    }
}
