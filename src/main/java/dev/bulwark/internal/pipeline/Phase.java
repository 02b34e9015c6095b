package dev.bulwark.internal.pipeline;

/**
 * Every step Bulwark takes on a request, top to bottom, as the checklist reads. This enum is the one place that
 * orders them: the servlet filter runs its guards in this order, the JAX-RS bindings register their filters with
 * these priorities, and the CDI interceptors carry the bean priorities below.
 *
 * <p>Three layers: {@link Layer#SERVLET} steps run in front of everything (container 404s, plain servlets and error
 * pages included), before any routing; {@link Layer#JAXRS} steps need the matched resource method and run as
 * JAX-RS filters bound per method; {@link Layer#CDI} steps guard bean methods called from anywhere.
 */
public enum Phase {

    // --- servlet layer: every request, in front of every door ---
    /** Pick or mint the correlation id; everything after logs with it. */
    CORRELATION(Layer.SERVLET, 0),
    /** Who is the client, and did the request arrive over TLS (trusted proxies only). */
    ORIGIN(Layer.SERVLET, 0),
    /** An address that spent its refusal budget gets 429 before any parsing. */
    ADDRESS_BUDGET(Layer.SERVLET, 0),
    /** WebSphere plug-in private headers from a client are refused. */
    PRIVATE_HEADERS(Layer.SERVLET, 0),
    /** One well-formed Host header, listed when allowed hosts are configured. */
    HOST(Layer.SERVLET, 0),
    /** Unknown and unsafe methods get 405; method-override headers are removed or applied. */
    METHOD(Layer.SERVLET, 0),
    /**
     * The address rules of every request: the global allow and deny lists and those of the route policies covering
     * its path and effective method (403 on every door: resources, servlets, static files).
     */
    ADDRESS_RULES(Layer.SERVLET, 0),
    /** HTTPS only: plain HTTP is refused (or, for browser paths, redirected). */
    HTTPS(Layer.SERVLET, 0),
    /** CORS preflights are answered or refused; allowed cross-origin requests get their headers. */
    CORS(Layer.SERVLET, 0),
    /**
     * The request's API version: its lifecycle headers are written on every response of a deprecated version, and
     * a version in a brown-out or past its sunset answers 410.
     */
    VERSION(Layer.SERVLET, 0),
    /** Path, query and checked headers: RFC 3986 characters, valid UTF-8, no control or bidi characters. */
    REQUEST_TEXT(Layer.SERVLET, 0),
    /** The body within the limit of the endpoint it goes to, in a coding the server decodes. */
    BODY_SIZE(Layer.SERVLET, 0),
    /** The whole token policy on the exact token the container authenticates the caller with. */
    BEARER_TOKEN(Layer.SERVLET, 0),
    /**
     * An API key: shape and checksum, the keyed hash, revocation and expiry; a verified key is its owner's caller
     * for every later step, held to the key's own rate limit.
     */
    API_KEY(Layer.SERVLET, 0),
    /** A verified caller is held to its subject's refusal budget. */
    CALLER_BUDGET(Layer.SERVLET, 0),
    /**
     * What the route policies of the configuration require of the caller, once it is known: {@code access=deny},
     * {@code authenticated}, {@code roles} (401 or 403 on every door, on top of the endpoints' annotations).
     */
    ROUTE_ACCESS(Layer.SERVLET, 0),

    // --- JAX-RS layer: the matched resource method's policy (priorities as jakarta.ws.rs.Priorities) ---
    /**
     * The matched resource method is recorded, so that the bean interceptors leave its dispatch (and the
     * sub-resource locators JAX-RS calls while matching) to the JAX-RS filters below, and guard every other call.
     */
    DISPATCH(Layer.JAXRS, Priorities.AUTHENTICATION - 2),
    /** Deny by default and {@code @DenyAll}: refused before anything else about the caller matters. */
    DENY(Layer.JAXRS, Priorities.AUTHENTICATION - 1),
    /**
     * The address rules of the roles the resource method's {@code @RolesAllowed} names: before the caller is
     * authenticated, so no credentials walk around them.
     */
    ROLE_ADDRESSES(Layer.JAXRS, Priorities.AUTHENTICATION - 1),
    /** A token the container authenticated later than the servlet filter gets the whole policy too. */
    TOKEN_POLICY(Layer.JAXRS, Priorities.AUTHENTICATION),
    /** The endpoint's rate limits, per principal once the principal is known. */
    RATE_LIMIT(Layer.JAXRS, Priorities.AUTHENTICATION + 10),
    /** {@code @RolesAllowed}. */
    ROLES(Layer.JAXRS, Priorities.AUTHORIZATION - 10),
    /** {@code @RequiresScopes}. */
    SCOPES(Layer.JAXRS, Priorities.AUTHORIZATION),
    /** Content type, size and JSON structure of the body, then its JSON Schema. */
    JSON_BODY(Layer.JAXRS, Priorities.ENTITY_CODER),
    /**
     * The request against the operation the application's OpenAPI document describes: parameters, content type,
     * the checked body against the operation's schema ({@code bulwark.openapi.validation=on}).
     */
    OPENAPI(Layer.JAXRS, Priorities.ENTITY_CODER + 50),
    /** {@code @OwnedBy}: the object id from the checked request, asked of the application's policy. */
    OWNERSHIP(Layer.JAXRS, Priorities.ENTITY_CODER + 100),
    /** {@code @SecurityHeader} overrides of the resource, on its response. */
    HEADER_OVERRIDES(Layer.JAXRS, Priorities.USER),
    /** {@code @EgressAllowed}: the kinds the resource may return, handed to the egress check of its response. */
    EGRESS_ALLOWED(Layer.JAXRS, Priorities.USER),
    /**
     * The response entity serialized through the endpoint's exposure filter (allow-lists per caller, sensitive
     * names): the last writer interceptor, after content codings and the application's interceptors.
     */
    EXPOSURE(Layer.JAXRS, Priorities.USER + 4000),

    // --- CDI layer: bean methods, whoever calls them (priorities as jakarta.interceptor.Interceptor.Priority) ---
    /** {@code @DenyAll} and {@code @RolesAllowed} on bean methods. */
    BEAN_ACCESS(Layer.CDI, Priorities.BEAN_ACCESS),
    /** {@code @RequiresScopes} on bean methods. */
    BEAN_SCOPES(Layer.CDI, Priorities.BEAN_SCOPES),
    /** {@code @RateLimit} on bean methods. */
    BEAN_RATE_LIMIT(Layer.CDI, Priorities.BEAN_RATE_LIMIT),

    // --- the response, whichever layer made it ---
    /** Security headers when the response commits; every error as the generic RFC 9457 problem. */
    RESPONSE(Layer.SERVLET, 0),
    /** The egress check of JSON bodies as they are written (a hit removed, or the response replaced). */
    EGRESS(Layer.SERVLET, 0);

    /** Where a step runs. */
    public enum Layer {
        SERVLET, JAXRS, CDI
    }

    private final Layer layer;
    private final int priority;

    Phase(Layer layer, int priority) {
        this.layer = layer;
        this.priority = priority;
    }

    public Layer layer() {
        return layer;
    }

    /** The JAX-RS or interceptor priority of the step (servlet steps run in declaration order). */
    public int priority() {
        return priority;
    }

    /**
     * The priority values, as constants: interceptor classes need them in annotations. The JAX-RS ones equal
     * {@code jakarta.ws.rs.Priorities} (this package uses no container type), the bean ones follow
     * {@code Interceptor.Priority.PLATFORM_AFTER} (4000), so application interceptors with lower values run first.
     */
    public static final class Priorities {
        public static final int AUTHENTICATION = 1000;
        public static final int AUTHORIZATION = 2000;
        public static final int USER = 5000;
        public static final int ENTITY_CODER = 4000;
        public static final int BEAN_ACCESS = 4000 + 5;
        public static final int BEAN_SCOPES = 4000 + 10;
        public static final int BEAN_RATE_LIMIT = 4000 + 20;

        private Priorities() {
        }
    }
}
