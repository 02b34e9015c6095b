package dev.bulwark.config;

import java.net.URI;
import dev.bulwark.ratelimit.FallbackStore;
import dev.bulwark.transport.RequestHost;
import java.util.List;

/** Every Bulwark setting. Adding a key here without documenting it in docs/configuration.md fails the build. */
public final class ConfigKeys {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.enabled", Parsers.bool(), "true",
            "Master switch. When false the extension logs one warning at start-up and installs no filter;"
                    + " the application runs unprotected.", "true");

    public static final Key<URI> ERRORS_TYPE_BASE = new Key<>("bulwark.errors.type-base-uri", Parsers.absoluteUri(),
            "urn:bulwark:problem:",
            "Prefix of the RFC 9457 `type` member for Bulwark's specific problem types (validation,"
                    + " malformed-body). Plain status errors use `about:blank`.",
            "https://api.example.com/problems/");

    public static final Key<ErrorLogLevel> ERRORS_CLIENT_LOG_LEVEL = new Key<>("bulwark.errors.client-log-level",
            Parsers.enumOf(ErrorLogLevel.class), "FINE",
            "Log level of the one server-side line written for each 4xx problem response (with its correlation id)."
                    + " FINE by default, so that a flood of refused requests cannot flood the log: the summary lines"
                    + " (bulwark.errors.summary-interval) count them at INFO. 5xx are always logged at SEVERE with the"
                    + " full exception.",
            "INFO");

    public static final Key<java.time.Duration> ERRORS_SUMMARY_INTERVAL = new Key<>("bulwark.errors.summary-interval",
            Parsers.duration(java.time.Duration.ZERO, java.time.Duration.ofHours(1)), "1m",
            "Length of the window after which one INFO line per status sums up the 4xx problem responses of the"
                    + " window (count, and the last one's correlation id and reason). 0s switches the summary off.",
            "5m");

    public static final Key<Boolean> CORRELATION_TRUST_INCOMING = new Key<>("bulwark.correlation.trust-incoming",
            Parsers.bool(), "true",
            "Reuse the trace-id of a valid W3C `traceparent`, else a well-formed incoming request-id header,"
                    + " as the correlation id. When false every request gets a fresh random id.",
            "false");

    public static final Key<String> CORRELATION_HEADER = new Key<>("bulwark.correlation.header",
            Parsers.headerName(), "X-Request-Id",
            "Header read for an incoming request id and always written on the response with the correlation id.",
            "X-Correlation-Id");

    public static final Key<Boolean> INVENTORY_LOG = new Key<>("bulwark.inventory.log", Parsers.bool(), "true",
            "Log the endpoint inventory once as a table at start-up.", "false");

    public static final Key<Boolean> INVENTORY_ENDPOINT_ENABLED = new Key<>("bulwark.inventory.endpoint.enabled",
            Parsers.bool(), "false",
            "Serve the endpoint inventory as JSON. Off by default; when on, only callers in the admin role get it.",
            "true");

    public static final Key<String> INVENTORY_ENDPOINT_PATH = new Key<>("bulwark.inventory.endpoint.path",
            Parsers.path(), "/bulwark/inventory",
            "Path of the inventory endpoint, below the application's context root.", "/admin/inventory");

    public static final Key<String> INVENTORY_ENDPOINT_ROLE = new Key<>("bulwark.inventory.endpoint.role",
            Parsers.roleName(), "bulwark-admin",
            "Role (from the verified token's groups) required to read the inventory endpoint.", "ops-admin");

    public static final Key<List<Cidr>> TRUSTED_PROXIES = new Key<>("bulwark.trusted-proxies", Parsers.cidrList(), "",
            "Proxies (IPv4/IPv6 CIDR blocks) whose Forwarded / X-Forwarded-For / X-Forwarded-Proto headers are"
                    + " believed. Empty: trust no one, the socket peer is the client.",
            "10.0.0.0/8, 192.168.0.0/16");

    public static final Key<Boolean> HTTPS_ONLY = new Key<>("bulwark.transport.https-only", Parsers.bool(), "true",
            "Refuse requests that did not arrive over TLS (directly, or as reported by a trusted proxy) with 403.",
            "false");

    public static final Key<List<String>> REDIRECT_PATHS = new Key<>("bulwark.transport.redirect-paths",
            Parsers.listOf(Parsers.path(), "a comma-separated list of paths such as /login, /docs"), "",
            "Browser-facing path prefixes (below the context root) whose plain-HTTP GET and HEAD requests are"
                    + " redirected (308) to HTTPS instead of refused. Never use it for API paths.",
            "/docs, /login");

    public static final Key<Integer> HTTPS_PORT = new Key<>("bulwark.transport.https-port", Parsers.intRange(1, 65535),
            "443", "HTTPS port used in the Location of redirects to HTTPS.", "9443");

    public static final Key<List<RequestHost>> ALLOWED_HOSTS = new Key<>(
            "bulwark.transport.allowed-hosts", Parsers.listOf(Parsers.host(), "a comma-separated list of host[:port]"),
            "", "Host header values the application answers to (host names, IPv4 addresses or [IPv6] literals; an"
                    + " entry without a port matches any port). Another host gets 400, and so does a request without a"
                    + " Host header. Empty: any well-formed host (a malformed Host header is refused either way).",
            "api.example.com, api.internal:8443");

    public static final Key<String> HEADER_HSTS = new Key<>("bulwark.headers.strict-transport-security",
            Parsers.hsts(), "max-age=63072000; includeSubDomains",
            "Strict-Transport-Security on responses to requests that arrived over TLS. max-age below one year fails"
                    + " the deployment.", "max-age=63072000; includeSubDomains; preload");

    public static final Key<String> HEADER_CSP = new Key<>("bulwark.headers.content-security-policy",
            Parsers.headerValue(), "default-src 'none'; frame-ancestors 'none'",
            "Content-Security-Policy: for a JSON API nothing may load and nothing may frame it.",
            "default-src 'self'; frame-ancestors 'none'");

    public static final Key<String> HEADER_NOSNIFF = new Key<>("bulwark.headers.x-content-type-options",
            Parsers.headerValueOneOf("nosniff"), "nosniff", "X-Content-Type-Options.", "off");

    public static final Key<String> HEADER_FRAME_OPTIONS = new Key<>("bulwark.headers.x-frame-options",
            Parsers.headerValueOneOf("DENY", "SAMEORIGIN"), "DENY", "X-Frame-Options.", "SAMEORIGIN");

    public static final Key<String> HEADER_REFERRER_POLICY = new Key<>("bulwark.headers.referrer-policy",
            Parsers.headerValueOneOf("no-referrer", "same-origin", "strict-origin",
                    "strict-origin-when-cross-origin", "no-referrer-when-downgrade", "origin",
                    "origin-when-cross-origin"),
            "no-referrer", "Referrer-Policy.", "strict-origin-when-cross-origin");

    public static final Key<String> HEADER_COOP = new Key<>("bulwark.headers.cross-origin-opener-policy",
            Parsers.headerValueOneOf("same-origin", "same-origin-allow-popups", "noopener-allow-popups"),
            "same-origin", "Cross-Origin-Opener-Policy.", "same-origin-allow-popups");

    public static final Key<String> HEADER_CORP = new Key<>("bulwark.headers.cross-origin-resource-policy",
            Parsers.headerValueOneOf("same-origin", "same-site", "cross-origin"), "same-origin",
            "Cross-Origin-Resource-Policy.", "same-site");

    public static final Key<String> HEADER_PERMISSIONS_POLICY = new Key<>("bulwark.headers.permissions-policy",
            Parsers.headerValue(),
            "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(),"
                    + " geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(),"
                    + " picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(),"
                    + " usb=(), xr-spatial-tracking=()",
            "Permissions-Policy: every powerful browser feature denied.", "camera=(), geolocation=()");

    public static final Key<String> HEADER_CROSS_DOMAIN = new Key<>("bulwark.headers.x-permitted-cross-domain-policies",
            Parsers.headerValueOneOf("none", "master-only"), "none", "X-Permitted-Cross-Domain-Policies.", "off");

    public static final Key<String> HEADER_CACHE_CONTROL = new Key<>("bulwark.headers.cache-control",
            Parsers.headerValue(), "no-store",
            "Cache-Control on responses to authenticated requests (an Authorization header or a principal) and on"
                    + " every problem response, unless the application set its own.", "no-store, max-age=0");

    public static final Key<List<String>> CORS_ORIGINS = new Key<>("bulwark.cors.allowed-origins",
            Parsers.listOf(Parsers.origin(), "a comma-separated list of origins"), "",
            "Exact origins (scheme://host[:port]) allowed to call the API from a browser. Empty: CORS off, every"
                    + " preflight refused. `*` is allowed alone and only without credentials; `null` never.",
            "https://app.example.com, https://admin.example.com");

    public static final Key<List<String>> CORS_METHODS = new Key<>("bulwark.cors.allowed-methods",
            Parsers.listOf(Parsers.httpMethod(), "a comma-separated list of HTTP methods"),
            "GET, HEAD, POST, PUT, PATCH, DELETE", "Methods a preflight may ask for.", "GET, POST");

    public static final Key<List<String>> CORS_HEADERS = new Key<>("bulwark.cors.allowed-headers",
            Parsers.listOf(Parsers.headerName(), "a comma-separated list of header names"),
            "Authorization, Content-Type, X-Request-Id, traceparent, tracestate",
            "Request headers a preflight may ask for (any case). The default covers bearer tokens, JSON bodies, the"
                    + " request id and W3C Trace Context (traceparent, tracestate), which browser tracing such as"
                    + " OpenTelemetry adds to cross-origin calls and which Bulwark reads for the correlation id.",
            "Authorization, Content-Type, If-Match");

    public static final Key<List<String>> CORS_EXPOSED = new Key<>("bulwark.cors.exposed-headers",
            Parsers.listOf(Parsers.headerName(), "a comma-separated list of header names"), "X-Request-Id",
            "Response headers a browser script may read (Access-Control-Expose-Headers).", "X-Request-Id, ETag");

    public static final Key<Boolean> CORS_CREDENTIALS = new Key<>("bulwark.cors.allow-credentials", Parsers.bool(),
            "false", "Send Access-Control-Allow-Credentials: true (refused together with the * origin).", "true");

    public static final Key<java.time.Duration> CORS_MAX_AGE = new Key<>("bulwark.cors.max-age",
            Parsers.duration(java.time.Duration.ZERO, java.time.Duration.ofHours(24)), "10m",
            "How long a browser may cache a preflight answer (Access-Control-Max-Age).", "1h");

    public static final Key<List<String>> METHODS_ALLOWED = new Key<>("bulwark.methods.allowed",
            Parsers.listOf(Parsers.httpMethod(), "a comma-separated list of HTTP methods"),
            "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
            "Methods served at all; any other (TRACE, TRACK, CONNECT, unknown) gets 405 before the application.",
            "GET, POST");

    public static final Key<Boolean> METHODS_ALLOW_OVERRIDE = new Key<>("bulwark.methods.allow-override",
            Parsers.bool(), "false",
            "Honour X-HTTP-Method-Override / X-HTTP-Method / X-Method-Override on POST. When false (the default)"
                    + " these headers are removed from the request before anything sees them.",
            "true");

    public static final Key<Integer> MAX_BODY_BYTES = new Key<>("bulwark.validation.max-body-bytes",
            Parsers.intRange(1, Integer.MAX_VALUE), "1048576",
            "Largest request body, in bytes (413 beyond: Content-Length checked up front, chunked bodies counted"
                    + " while they stream), whatever its content type. @JsonBodyLimits(maxBytes) sets another limit"
                    + " for one endpoint, and for that endpoint only.",
            "10485760");

    public static final Key<Integer> JSON_MAX_DEPTH = new Key<>("bulwark.validation.json.max-depth",
            Parsers.intRange(1, 10_000), "32", "Deepest nesting of objects and arrays in a JSON body.", "16");

    public static final Key<Integer> JSON_MAX_ARRAY = new Key<>("bulwark.validation.json.max-array-length",
            Parsers.intRange(1, 100_000_000), "10000", "Most elements in any one JSON array.", "1000");

    public static final Key<Integer> JSON_MAX_ENTRIES = new Key<>("bulwark.validation.json.max-object-entries",
            Parsers.intRange(1, 10_000_000), "1000", "Most members in any one JSON object.", "200");

    public static final Key<Integer> JSON_MAX_STRING = new Key<>("bulwark.validation.json.max-string-length",
            Parsers.intRange(1, Integer.MAX_VALUE), null,
            "Longest JSON string value, in characters (UTF-16 units). Unset: no limit of its own; a string may"
                    + " fill the whole body the endpoint accepts (bulwark.validation.max-body-bytes, or the endpoint's"
                    + " @JsonBodyLimits(maxBytes)), so a file sent as a base64 data: URL works wherever its body"
                    + " fits. Set it to keep the strings of every endpoint shorter; @JsonBodyLimits(maxStringLength)"
                    + " sets it for one endpoint.", "4096");

    public static final Key<Integer> JSON_MAX_KEY = new Key<>("bulwark.validation.json.max-key-length",
            Parsers.intRange(1, 1_000_000), "128", "Longest JSON member name, in characters.", "64");

    public static final Key<Integer> JSON_MAX_NUMBER = new Key<>("bulwark.validation.json.max-number-length",
            Parsers.intRange(1, 10_000), "40", "Longest JSON number literal, in characters.", "24");

    public static final Key<Boolean> REJECT_UNKNOWN = new Key<>("bulwark.validation.reject-unknown-properties",
            Parsers.bool(), "true",
            "Refuse JSON bodies with members the target type cannot bind (mass assignment). @ReadOnly members are"
                    + " refused either way.", "false");

    public static final Key<Boolean> REJECT_MISMATCHED_TYPES = new Key<>(
            "bulwark.validation.reject-mismatched-types", Parsers.bool(), "true",
            "Refuse JSON values of a kind the target Java type is not written as: an array around an object or"
                    + " a number, a string for a number or boolean, a number for a string. When false, JSON-B's"
                    + " own leniency applies (it unwraps single-element arrays), and unknown members and number"
                    + " ranges are still checked inside such arrays.", "false");

    public static final Key<Boolean> REJECT_CONTROLS = new Key<>("bulwark.validation.reject-control-characters",
            Parsers.bool(), "true",
            "Refuse control characters (NUL, ESC, DEL, C1; tab, CR and LF are allowed in JSON strings) in JSON"
                    + " strings, path and query parameters and the checked headers.", "false");

    public static final Key<Boolean> REJECT_BIDI = new Key<>("bulwark.validation.reject-bidi-controls",
            Parsers.bool(), "true",
            "Refuse the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069,"
                    + " \"Trojan Source\") in JSON strings, path segments, query parameters and the checked headers."
                    + " The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are always allowed.", "false");

    public static final Key<Boolean> ALLOW_BALANCED_ISOLATES = new Key<>(
            "bulwark.validation.allow-balanced-bidi-isolates", Parsers.bool(), "false",
            "Accept the isolates LRI, RLI, FSI ... PDI (U+2066-U+2069) that Mozilla Fluent and MessageFormat 2"
                    + " write around names, when each string closes every isolate it opens, opens none it does not"
                    + " close, and nests at most 16. Embeddings and overrides stay refused.", "true");

    public static final Key<List<String>> CHECKED_HEADERS = new Key<>("bulwark.validation.checked-headers",
            Parsers.listOf(Parsers.headerName(), "a comma-separated list of header names"),
            "Accept, Authorization, Content-Type, Origin, Referer, User-Agent, X-Request-Id",
            "Request headers whose values must be free of control characters (and follow the bidi rule of"
                    + " bulwark.validation.reject-bidi-controls).",
            "Accept, Content-Type");

    public static final Key<List<String>> CONTENT_ENCODINGS = new Key<>("bulwark.validation.content-encodings",
            Parsers.listOf(Parsers.contentCoding(), "a comma-separated list of content codings"),
            "gzip, x-gzip, deflate",
            "Content-Encoding values a request body may carry besides identity: the codings the server decodes"
                    + " before the application reads the body (Open Liberty: gzip, x-gzip, deflate). Any other, or"
                    + " several stacked, get 415. Empty accepts only unencoded bodies.", "gzip");

    public static final Key<List<String>> JWT_ALGORITHMS = new Key<>("bulwark.jwt.algorithms",
            Parsers.listOf(Parsers.enumNames("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384",
                    "PS512", "EdDSA", "HS256", "HS384", "HS512"), "a comma-separated list of JWS algorithms"),
            "RS256, ES256",
            "Signature algorithms a token may use. Anything beyond RS256/ES256 is an explicit, logged opt-in; HS*"
                    + " fails the deployment unless bulwark.jwt.lint.allow-hmac=true.",
            "RS256, PS256");

    public static final Key<java.time.Duration> JWT_CLOCK_SKEW = new Key<>("bulwark.jwt.clock-skew",
            Parsers.duration(java.time.Duration.ZERO, java.time.Duration.ofMinutes(5)), "60s",
            "Clock skew allowed on exp, nbf and iat. Above 60s fails the deployment unless"
                    + " bulwark.jwt.lint.allow-long-skew=true.", "30s");

    public static final Key<java.time.Duration> JWT_MAX_LIFETIME = new Key<>("bulwark.jwt.max-lifetime",
            Parsers.duration(java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(24)), "90m",
            "Longest token lifetime (exp - iat) accepted. The default accepts the default access tokens of"
                    + " mainstream providers (Keycloak, Okta, Google, Cognito: 1 hour; Entra ID: 60 to 90 minutes).",
            "30m");

    public static final Key<java.time.Duration> JWT_MAX_AGE = new Key<>("bulwark.jwt.max-age",
            Parsers.duration(java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(24)), null,
            "Oldest token (now - iat) accepted, whatever its exp. Unset: the same as bulwark.jwt.max-lifetime, so"
                    + " that raising one key alone never makes a token stop working before it expires.", "10m");

    public static final Key<List<String>> JWT_OTHER_SCHEMES = new Key<>("bulwark.jwt.other-schemes",
            Parsers.listOf(Parsers.authScheme(), "a comma-separated list of authentication schemes"),
            "Basic, Digest, Negotiate",
            "Authorization schemes besides Bearer that are passed to the container untouched (they never make the"
                    + " caller a token holder). Any other Authorization value, a scheme-less one included, is"
                    + " refused with the uniform 401 while MicroProfile JWT is in use.", "Basic");

    public static final Key<List<String>> JWT_QUERY_TOKEN_PARAMETERS = new Key<>(
            "bulwark.jwt.query-token-parameters",
            Parsers.listOf(Parsers.claimName(), "a comma-separated list of query parameter names"), "access_token",
            "Query parameters in which a compact JWS or JWE is refused as a leaked bearer token (RFC 6750 section"
                    + " 2.3 is not supported). Other values of these parameters, and every other parameter, pass:"
                    + " reset and verification links keep working. Empty: none.", "access_token, jwt");

    public static final Key<Boolean> JWT_REQUIRE_AT_JWT = new Key<>("bulwark.jwt.require-at-jwt", Parsers.bool(),
            "false", "Strict RFC 9068: the token header must say typ at+jwt (JWT is refused too).", "true");

    public static final Key<Boolean> JWT_REQUIRE_JTI = new Key<>("bulwark.jwt.require-jti", Parsers.bool(), "false",
            "Refuse tokens without a jti (needed when every token must be revocable or single-use).", "true");

    public static final Key<Integer> JWT_DENY_LIST_MAX = new Key<>("bulwark.jwt.deny-list.max-entries",
            Parsers.intRange(1, 10_000_000), "100000",
            "Capacity of the default in-memory jti deny-list (entries leave when their token expires).", "1000000");

    public static final Key<java.time.Duration> JWT_JWKS_MAX_AGE = new Key<>("bulwark.jwt.jwks.max-age",
            Parsers.duration(java.time.Duration.ZERO, java.time.Duration.ofHours(24)), "5m",
            "With a remote JWKS (mp.jwt.verify.publickey.location over HTTP(S)): how long Bulwark trusts its view of"
                    + " the published signing keys. A token whose kid is no longer published is refused, even if the"
                    + " container still caches the key. The check that finds the view older than this starts a"
                    + " refetch in the background and is answered from the view it has.", "1m");

    public static final Key<java.time.Duration> JWT_JWKS_COOLDOWN = new Key<>("bulwark.jwt.jwks.refresh-cooldown",
            Parsers.duration(java.time.Duration.ZERO, java.time.Duration.ofHours(1)), "30s",
            "Least time between two refetches of the remote JWKS triggered by tokens naming unknown keys.", "10s");

    public static final Key<Boolean> JWT_LINT_MISSING_ISSUER = new Key<>("bulwark.jwt.lint.allow-missing-issuer",
            Parsers.bool(), "false", "Opt-out (logged): deploy without mp.jwt.verify.issuer.", "true");

    public static final Key<Boolean> JWT_LINT_MISSING_AUDIENCE = new Key<>("bulwark.jwt.lint.allow-missing-audience",
            Parsers.bool(), "false", "Opt-out (logged): deploy without mp.jwt.verify.audiences.", "true");

    public static final Key<Boolean> JWT_LINT_HMAC = new Key<>("bulwark.jwt.lint.allow-hmac", Parsers.bool(), "false",
            "Opt-out (logged): allow HS256/384/512 (a shared secret instead of a key pair).", "true");

    public static final Key<Boolean> JWT_LINT_LONG_SKEW = new Key<>("bulwark.jwt.lint.allow-long-skew", Parsers.bool(),
            "false", "Opt-out (logged): allow a clock skew above 60s (Bulwark's or mp.jwt.verify.clock.skew).", "true");

    public static final Key<Boolean> JWT_LINT_WEAK_RSA = new Key<>("bulwark.jwt.lint.allow-weak-rsa", Parsers.bool(),
            "false", "Opt-out (logged): allow a configured RSA verification key shorter than 2048 bits.", "true");

    public static final Key<Boolean> AUTHZ_STRICT = new Key<>("bulwark.authz.strict", Parsers.bool(), "false",
            "Fail the deployment when an endpoint has no explicit access decision (by default such endpoints are"
                    + " refused at run time and reported in the inventory).", "true");

    public static final Key<String> AUTHZ_DENIED_STATUS = new Key<>("bulwark.authz.object-denied-status",
            Parsers.enumNames("404", "403"), "404",
            "Status for an object the @OwnedBy policy refuses: 404 makes it look exactly like a missing one.", "403");

    public static final Key<String> AUTHZ_SCOPE_CLAIM = new Key<>("bulwark.authz.scope-claim", Parsers.claimName(),
            "scope", "Token claim holding the OAuth2 scopes (a space-delimited string or an array); scp is read when"
                    + " it is absent.", "scp");

    public static final Key<Boolean> RATELIMIT_ENABLED = new Key<>("bulwark.ratelimit.enabled", Parsers.bool(), "true",
            "Rate limiting on JAX-RS endpoints and the refusal budget (bulwark.ratelimit.refused).", "false");

    public static final Key<String> RATELIMIT_ANONYMOUS = new Key<>("bulwark.ratelimit.anonymous", Parsers.rate(),
            "300/1m", "Default limit for requests without a verified token, per client address and endpoint"
                    + " (endpoints with @RateLimit use theirs).", "60/1m");

    public static final Key<String> RATELIMIT_REFUSED = new Key<>("bulwark.ratelimit.refused", Parsers.rate(),
            "60/1m", "Refusal budget per caller, across the whole application: every response that refuses the"
                    + " request (400, 401, 403, 405, 411, 413, 414, 415, 431, and a 404 from the @OwnedBy check) is"
                    + " charged to the subject of the bearer token Bulwark verified, else to the client address; once"
                    + " a caller's budget is spent, its requests get 429 before they reach the application, until"
                    + " the budget recovers. Callers sharing an address with valid tokens of their own are kept"
                    + " apart.", "30/1m");

    public static final Key<List<Cidr>> RATELIMIT_REFUSED_EXEMPT = new Key<>("bulwark.ratelimit.refused-exempt",
            Parsers.cidrList(), "", "Client addresses (IPv4/IPv6 CIDR blocks) whose requests without a verified"
                    + " token are never charged to the refusal budget nor refused by it (an office NAT, a health"
                    + " checker). Verified callers from them are still budgeted by their subject.",
            "203.0.113.10/32, 10.20.0.0/16");

    public static final Key<String> RATELIMIT_AUTHENTICATED = new Key<>("bulwark.ratelimit.authenticated",
            Parsers.rate(), "1200/1m", "Default limit for requests with a verified token, per subject and endpoint.",
            "600/1m");

    public static final Key<Integer> RATELIMIT_MAX_KEYS = new Key<>("bulwark.ratelimit.max-keys",
            Parsers.intRange(100, 100_000_000), "100000",
            "Most keys the in-memory store holds (about 100 bytes each); beyond, keys whose quota is whole are"
                    + " dropped and new ones share one overflow count per policy.", "1000000");

    public static final Key<String> RATELIMIT_API_KEY_HEADER = new Key<>("bulwark.ratelimit.api-key-header",
            Parsers.headerName(), "X-API-Key", "Header counted by @RateLimit(key = API_KEY).", "X-Client-Key");

    public static final Key<Boolean> RATELIMIT_HEADERS = new Key<>("bulwark.ratelimit.headers-on-success",
            Parsers.bool(), "true", "Send RateLimit-Policy and RateLimit on allowed responses too (always on 429).",
            "false");

    public static final Key<RateLimitStoreKind> RATELIMIT_STORE = new Key<>("bulwark.ratelimit.store",
            Parsers.enumOf(RateLimitStoreKind.class), "MEMORY",
            "Where counts live: MEMORY (this server) or REDIS (shared by every server; needs io.lettuce:lettuce-core).",
            "REDIS");

    public static final Key<String> RATELIMIT_REDIS_URL = new Key<>("bulwark.ratelimit.redis.url",
            Parsers.redisUrl(), "redis://127.0.0.1:6379",
            "Redis for bulwark.ratelimit.store=REDIS (redis:// or rediss://; the value is never logged).",
            "rediss://redis.internal:6380");

    public static final Key<java.time.Duration> RATELIMIT_REDIS_TIMEOUT = new Key<>("bulwark.ratelimit.redis.timeout",
            Parsers.duration(java.time.Duration.ofMillis(5), java.time.Duration.ofSeconds(5)), "50ms",
            "Longest a request waits for Redis; slower or failed calls use the fallback.", "100ms");

    public static final Key<FallbackStore.Mode> RATELIMIT_REDIS_FALLBACK = new Key<>("bulwark.ratelimit.redis.fallback",
            Parsers.enumOf(FallbackStore.Mode.class), "LOCAL",
            "While Redis is unavailable: LOCAL counts on this server alone, REJECT answers 503 to limited endpoints.",
            "REJECT");

    public static final Key<String> RATELIMIT_REDIS_PREFIX = new Key<>("bulwark.ratelimit.redis.key-prefix",
            Parsers.roleName(), "bulwark:rl", "Prefix of Bulwark's Redis keys.", "orders-api:rl");

    public static final List<Key<?>> ALL = List.of(ENABLED, ERRORS_TYPE_BASE, ERRORS_CLIENT_LOG_LEVEL,
            ERRORS_SUMMARY_INTERVAL,
            CORRELATION_TRUST_INCOMING, CORRELATION_HEADER, INVENTORY_LOG, INVENTORY_ENDPOINT_ENABLED,
            INVENTORY_ENDPOINT_PATH, INVENTORY_ENDPOINT_ROLE, TRUSTED_PROXIES, HTTPS_ONLY, REDIRECT_PATHS, HTTPS_PORT,
            ALLOWED_HOSTS,
            HEADER_HSTS, HEADER_CSP, HEADER_NOSNIFF, HEADER_FRAME_OPTIONS, HEADER_REFERRER_POLICY, HEADER_COOP,
            HEADER_CORP, HEADER_PERMISSIONS_POLICY, HEADER_CROSS_DOMAIN, HEADER_CACHE_CONTROL, CORS_ORIGINS,
            CORS_METHODS, CORS_HEADERS, CORS_EXPOSED, CORS_CREDENTIALS, CORS_MAX_AGE, METHODS_ALLOWED,
            METHODS_ALLOW_OVERRIDE, MAX_BODY_BYTES, JSON_MAX_DEPTH, JSON_MAX_ARRAY, JSON_MAX_ENTRIES, JSON_MAX_STRING,
            JSON_MAX_KEY, JSON_MAX_NUMBER, REJECT_UNKNOWN, REJECT_MISMATCHED_TYPES, REJECT_CONTROLS, REJECT_BIDI, ALLOW_BALANCED_ISOLATES,
            CHECKED_HEADERS, CONTENT_ENCODINGS,
            JWT_ALGORITHMS, JWT_CLOCK_SKEW, JWT_MAX_LIFETIME, JWT_MAX_AGE, JWT_OTHER_SCHEMES, JWT_QUERY_TOKEN_PARAMETERS,
            JWT_REQUIRE_AT_JWT, JWT_REQUIRE_JTI,
            JWT_DENY_LIST_MAX, JWT_JWKS_MAX_AGE, JWT_JWKS_COOLDOWN, JWT_LINT_MISSING_ISSUER, JWT_LINT_MISSING_AUDIENCE, JWT_LINT_HMAC, JWT_LINT_LONG_SKEW,
            JWT_LINT_WEAK_RSA, AUTHZ_STRICT, AUTHZ_DENIED_STATUS, AUTHZ_SCOPE_CLAIM, RATELIMIT_ENABLED,
            RATELIMIT_ANONYMOUS, RATELIMIT_AUTHENTICATED, RATELIMIT_REFUSED, RATELIMIT_REFUSED_EXEMPT,
            RATELIMIT_MAX_KEYS, RATELIMIT_API_KEY_HEADER, RATELIMIT_HEADERS,
            RATELIMIT_STORE, RATELIMIT_REDIS_URL, RATELIMIT_REDIS_TIMEOUT, RATELIMIT_REDIS_FALLBACK,
            RATELIMIT_REDIS_PREFIX);

    private ConfigKeys() {
    }
}
