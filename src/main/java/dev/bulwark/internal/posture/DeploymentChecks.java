package dev.bulwark.internal.posture;

import dev.bulwark.internal.auth.JwtSettings;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment-wide checks of the posture report: what the validated settings say about transport, tokens,
 * resource limits, headers and roll-out, each in its OWASP category, naming the key that changes it.
 */
final class DeploymentChecks {

    private static final String TRANSPORT = "docs/transport.md#https-only";
    private static final String PROXIES = "docs/transport.md#trusted-proxies-and-the-client-address";
    private static final String JWT_LINT = "docs/authentication.md#deployment-time-lint-fail-closed";

    private DeploymentChecks() {
    }

    static List<PostureCheck> of(BulwarkConfig config) {
        List<PostureCheck> checks = new ArrayList<>();
        boolean https = config.transport().httpsOnly();
        checks.add(PostureCheck.of(OwaspCategory.API2, "bulwark.transport.https-only", https, https
                ? "credentials travel over TLS only: plain-HTTP requests are refused"
                : "plain-HTTP requests are served: tokens and keys can travel in clear text", TRANSPORT));
        JwtSettings jwt = config.jwt();
        if (jwt.inUse()) {
            checks.add(PostureCheck.of(OwaspCategory.API2, "mp.jwt.verify.issuer", jwt.issuer() != null,
                    jwt.issuer() != null ? "tokens must come from the configured issuer"
                            : "no issuer configured (bulwark.jwt.lint.allow-missing-issuer): any issuer is accepted",
                    JWT_LINT));
            checks.add(PostureCheck.of(OwaspCategory.API2, "mp.jwt.verify.audiences", !jwt.audiences().isEmpty(),
                    !jwt.audiences().isEmpty() ? "tokens must name this API's audience"
                            : "no audience configured (bulwark.jwt.lint.allow-missing-audience): tokens minted for"
                            + " other services are accepted", JWT_LINT));
            boolean hmac = jwt.algorithms().stream().anyMatch(a -> a.startsWith("HS"));
            checks.add(PostureCheck.of(OwaspCategory.API2, "bulwark.jwt.algorithms", !hmac, hmac
                    ? "an HMAC algorithm is allowed: every verifier could also sign tokens"
                    : "asymmetric algorithms only: " + String.join(", ", jwt.algorithms()), JWT_LINT));
            boolean lax = jwt.lint().allowLongSkew() || jwt.lint().allowWeakRsa();
            checks.add(PostureCheck.of(OwaspCategory.API2, "bulwark.jwt.lint.*", !lax, lax
                    ? "a JWT lint rule is switched off (long clock skew or weak RSA keys allowed)"
                    : "no JWT lint rule is switched off", JWT_LINT));
        } else {
            checks.add(PostureCheck.of(OwaspCategory.API2, "mp.jwt", true, "no token verification configured: every"
                    + " endpoint that is not public refuses every caller", JWT_LINT));
        }
        RateLimitSettings rl = config.rateLimiting();
        boolean budget = rl.enabled() && rl.refused() != null;
        checks.add(PostureCheck.of(OwaspCategory.API2, "bulwark.ratelimit.refused", budget, budget
                ? "refused requests are charged to their caller (" + rl.refused() + "): credential stuffing ends in 429"
                : "refused requests are not rate limited: credential stuffing and token guessing are not slowed",
                "docs/rate-limiting.md#refused-requests"));
        checks.add(PostureCheck.of(OwaspCategory.API4, "bulwark.ratelimit.enabled", rl.enabled(), rl.enabled()
                ? "rate limiting is on" : "rate limiting is off: no endpoint is rate limited",
                "docs/rate-limiting.md#defaults"));
        long body = config.validation().limits().maxBodyBytes();
        checks.add(PostureCheck.of(OwaspCategory.API4, "bulwark.validation.max-body-bytes", body <= 10L * 1024 * 1024,
                "request bodies are limited to " + body + " bytes, JSON depth to "
                        + config.validation().limits().maxDepth(), "docs/validation.md"));
        boolean unknown = config.validation().rejectUnknownProperties();
        checks.add(PostureCheck.of(OwaspCategory.API3, "bulwark.validation.reject-unknown-properties", unknown,
                unknown ? "unknown body properties are refused (mass assignment)"
                        : "unknown body properties are accepted: mass assignment is not refused",
                "docs/validation.md"));
        checks.add(PostureCheck.of(OwaspCategory.API3, "bulwark.exposure.enabled", config.exposure().enabled(),
                config.exposure().enabled() ? "response allow-lists and sensitive fields are enforced"
                        : "response allow-lists and sensitive fields are not enforced", "docs/data-exposure.md"));
        checks.add(PostureCheck.of(OwaspCategory.API8, "bulwark.transport.https-only", https, https
                ? "HTTPS only" : "plain HTTP is served", TRANSPORT));
        boolean everyone = config.transport().trustedProxies().stream().anyMatch(c -> c.toString().endsWith("/0"));
        checks.add(PostureCheck.of(OwaspCategory.API8, "bulwark.trusted-proxies", !everyone, everyone
                ? "every address is a trusted proxy: any client can forge its address and TLS"
                : config.transport().trustedProxies().isEmpty() ? "no proxy is trusted: forwarding headers are ignored"
                : "forwarding headers count only from " + config.transport().trustedProxies(), PROXIES));
        boolean hsts = config.headers().strictTransportSecurity() != null;
        checks.add(PostureCheck.of(OwaspCategory.API8, "bulwark.headers.strict-transport-security", hsts, hsts
                ? "HSTS is sent over TLS" : "HSTS is switched off", "docs/headers.md"));
        boolean hostList = config.transport().redirectPaths().isEmpty() || !config.transport().allowedHosts().isEmpty();
        checks.add(PostureCheck.of(OwaspCategory.API8, "bulwark.transport.allowed-hosts", hostList, hostList
                ? "no redirect is built from an unlisted Host"
                : "plain-HTTP redirects go to whatever host the request names", "docs/transport.md#the-host-header"));
        boolean observe = config.observe().any();
        checks.add(PostureCheck.of(OwaspCategory.API8, "bulwark.observe", !observe, observe
                ? "observe mode: enforcement is OFF for " + String.join(", ", config.observe().names())
                : "every control enforces", "docs/audit.md#roll-out-with-observe-mode"));
        checks.add(PostureCheck.of(OwaspCategory.API8, "bulwark.secrets.lint.enabled", config.secrets().lint(),
                config.secrets().lint() ? "secrets packaged in the WAR fail the deployment"
                        : "the packaged-secrets lint is off", "docs/secrets.md"));
        checks.add(PostureCheck.of(OwaspCategory.API5, "bulwark.authz.strict", config.authz().strict(),
                config.authz().strict() ? "an endpoint without an access decision fails the deployment"
                        : "an endpoint without an access decision deploys (and refuses every request)",
                "docs/authorization.md#deny-by-default"));
        boolean scheduled = !config.versioning().schedule().isEmpty();
        checks.add(PostureCheck.of(OwaspCategory.API9, "bulwark.versioning.versions", scheduled, scheduled
                ? "API versions have a published lifecycle: " + String.join(", ", config.versioning().schedule().keySet())
                : "no API version schedule: clients are never told a version is retired", "docs/versioning.md#keys"));
        return checks;
    }
}
