package dev.bulwark.internal.web;

import dev.bulwark.internal.audit.AuditLog;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.auth.BearerChallengeWriter;
import dev.bulwark.internal.auth.BearerCredentials;
import dev.bulwark.internal.auth.JwtSettings;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.correlation.CorrelationIds;
import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.cors.CorsPolicy;
import dev.bulwark.internal.errors.Classification;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.jaxrs.ExceptionClassifier;
import dev.bulwark.internal.errors.Incident;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.ProblemAnswer;
import dev.bulwark.internal.errors.ProblemAnswers;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemFactory;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.exposure.egress.EgressCheck;
import dev.bulwark.internal.exposure.egress.EgressKeys;
import dev.bulwark.internal.headers.AsyncCommit;
import dev.bulwark.internal.headers.HeaderValue;
import dev.bulwark.internal.headers.HeaderWriters;
import dev.bulwark.internal.headers.PendingHeaders;
import dev.bulwark.internal.headers.ResponseFacts;
import dev.bulwark.internal.headers.SecurityHeaderOverrides;
import dev.bulwark.internal.logging.SafeLog;
import dev.bulwark.internal.authz.Roles;
import dev.bulwark.internal.network.AddressRules;
import dev.bulwark.internal.network.NetworkSettings;
import dev.bulwark.internal.network.RoutePattern;
import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.observe.ObserveSettings;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.pipeline.ServedRequests;
import dev.bulwark.internal.ratelimit.Caller;
import dev.bulwark.internal.ratelimit.RateLimitFields;
import dev.bulwark.internal.ratelimit.RateLimitKeys;
import dev.bulwark.internal.ratelimit.RefusalBudget;
import dev.bulwark.internal.transport.ClientAddressResolver;
import dev.bulwark.internal.transport.DirectTls;
import dev.bulwark.internal.transport.HostPolicy;
import dev.bulwark.internal.transport.MethodPolicy;
import dev.bulwark.internal.transport.RequestHost;
import dev.bulwark.internal.transport.TransportAttributes;
import dev.bulwark.internal.transport.TransportPolicy;
import dev.bulwark.internal.validation.ContentCodings;
import dev.bulwark.internal.validation.EndpointBodyLimits;
import dev.bulwark.internal.validation.RequestText;
import dev.bulwark.internal.versioning.VersionUsage;
import dev.bulwark.internal.versioning.Versions;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first thing every request meets, and the one place where the request-level checklist runs in order:
 * <ol>
 * <li>correlation id (request attribute and response header);</li>
 * <li>transport: the client address and whether the request arrived over TLS (trusted proxies only), and the
 * Host header (one, well-formed, and listed when {@code bulwark.transport.allowed-hosts} is set);</li>
 * <li>refusal budget: an address that sent too many refused requests gets 429 at once, unless the request may yet
 * prove to be another caller (a bearer token, checked against its subject's budget once verified; an allowed CORS
 * preflight); every response that refuses the request, whichever layer made it, is charged to its caller, the
 * verified subject or else the address ({@link RefusalBudget});</li>
 * <li>method hygiene: unknown and unsafe methods get 405, method-override headers are removed or applied;</li>
 * <li>HTTPS only: plain HTTP is refused (or, for configured browser paths, redirected);</li>
 * <li>CORS: preflights are answered or refused here, allowed cross-origin requests get their headers;</li>
 * <li>input: only RFC 3986 characters in the path and query, valid UTF-8 and no control characters, bidi overrides
 * or unbalanced bidi isolates once decoded, nor in the checked headers; the body within the limit of the endpoint it goes to (Content-Length up
 * front, chunked bodies while they stream) and in a Content-Encoding the server decodes;</li>
 * <li>bearer tokens: the whole token policy on the exact token the container authenticates the caller with
 * ({@link BearerAuthentication}), for every servlet, resource and bean behind this filter;</li>
 * <li>the application, behind a response wrapper that writes the security headers when the response commits
 * and turns every non-problem error response (the container's included) into the generic problem.</li>
 * </ol>
 * It is mapped for ERROR dispatches too: an error the container raised before this filter ran (a path it refuses,
 * a security check) reaches the error page (Bulwark's {@link ErrorPageServlet}, or one of the application's) through
 * here, and leaves as a problem with the correlation id and the security headers, like every other error.
 */
final class BulwarkFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** {@link Exchange#principal()}: the container said there is no caller. */
    private static final Object NOBODY = new Object();
    /** {@link Exchange#principal()}: the container failed to say. */
    private static final Object UNKNOWN = new Object();
    /** The refusal budget was charged for this request (once, even when an error dispatch follows). */
    private static final RequestState.Key<Boolean> CHARGED = RequestState.Key.of("refusal charged", Boolean.class);

    private final transient CorrelationIds correlationIds;
    private final String correlationHeader;
    private final transient ProblemAnswers answers;
    private final transient ErrorLog errorLog;
    private final transient ExceptionClassifier classifier = new ExceptionClassifier();
    private final transient ClientAddressResolver clients;
    private final transient MethodPolicy methods;
    private final transient TransportPolicy transport;
    private final transient HostPolicy hosts;
    private final transient CorsPolicy cors;
    private final transient HeaderWriters headers;
    private final transient RequestText requestText;
    private final List<String> checkedHeaders;
    private final transient ContentCodings codings;
    private final transient EndpointBodyLimits bodyLimits;
    private final transient RefusalBudget refusals;
    private final transient BearerAuthentication bearer;
    /** The deployment's scheduled API versions, or null when none is deprecated or sunset. */
    private final transient Versions versions;
    private final transient VersionUsage versionUsage;
    private final transient EgressCheck egress;
    /** The access event of each request, or null when neither the audit log nor its listeners are on. */
    private final transient AuditTap audit;
    /** API keys, or null when they are off. */
    private final transient ApiKeyAuthentication apiKeys;
    /** The controls that only observe ({@code bulwark.observe}). */
    private final transient ObserveSettings observe;
    /** The address rules of every request (global, route policies). */
    private final transient AddressRules addresses;
    /** The route policies' rate limits, or null when rate limiting is off. */
    private final transient RouteRateLimits routeLimits;
    /** The claim that holds a token's scopes ({@code bulwark.authz.scope-claim}), for route policies' scopes. */
    private final String scopeClaim;
    /** The request this filter serves on each thread, for the deployment's bean interceptors. */
    private final transient ServedRequests served;

    /**
     * @param bodyLimits the body limit of each endpoint (JAX-RS checks each matched method's limit again)
     * @param errorLog   the deployment's one error log (shared with JAX-RS: one 4xx summary)
     * @param refusals   the refusal budget per client address, or null when it is off
     * @param tokenGate  the deployment's token gate (used only when MicroProfile JWT is in use)
     */
    BulwarkFilter(BulwarkConfig config, EndpointBodyLimits bodyLimits, ErrorLog errorLog, RefusalBudget refusals,
                  java.util.function.Supplier<TokenGate> tokenGate) {
        this(config, bodyLimits, errorLog, refusals, tokenGate, null, null, null, null, null, null, null);
    }

    /**
     * @param versions     the scheduled API versions (lifecycle headers, brown-outs, sunsets), or null
     * @param versionUsage who calls them (counters, first-call log); with {@code versions}
     */
    BulwarkFilter(BulwarkConfig config, EndpointBodyLimits bodyLimits, ErrorLog errorLog, RefusalBudget refusals,
                  java.util.function.Supplier<TokenGate> tokenGate, Versions versions, VersionUsage versionUsage) {
        this(config, bodyLimits, errorLog, refusals, tokenGate, versions, versionUsage, null, null, null, null, null);
    }

    /**
     * @param apiKeys API keys, or null when they are off
     * @param audit   the deployment's audit log (access events, refusal counters, detectors), or null when off
     * @param addresses the deployment's address rules (they reload), or null for the configuration's, fixed
     * @param routeLimits the route policies' rate limits, or null when rate limiting is off
     * @param served      where the interceptors find the request this filter serves on their thread, or null
     */
    BulwarkFilter(BulwarkConfig config, EndpointBodyLimits bodyLimits, ErrorLog errorLog, RefusalBudget refusals,
                  java.util.function.Supplier<TokenGate> tokenGate, Versions versions, VersionUsage versionUsage,
                  ApiKeyAuthentication apiKeys, AuditLog audit, AddressRules addresses, RouteRateLimits routeLimits,
                  ServedRequests served) {
        this.served = served != null ? served : new ServedRequests();
        this.addresses = addresses != null ? addresses
                : AddressRules.fixed(config.settings(dev.bulwark.internal.network.NetworkKeys.CONCERN));
        this.scopeClaim = config.authz().scopeClaim();
        this.routeLimits = routeLimits;
        this.audit = audit == null ? null : new AuditTap(audit, java.time.Clock.systemUTC());
        this.apiKeys = apiKeys;
        this.versions = versions;
        this.versionUsage = versionUsage;
        this.correlationIds = new CorrelationIds(config.correlation().trustIncoming(), CorrelationIds.secureRandomIds());
        this.correlationHeader = config.correlation().header();
        this.answers = new ProblemAnswers(new ProblemFactory(config.errors().typeBase()), errorLog);
        this.errorLog = errorLog;
        this.refusals = refusals;
        this.clients = new ClientAddressResolver(config.transport().trustedProxies());
        this.methods = new MethodPolicy(config.methods());
        this.transport = new TransportPolicy(config.transport());
        this.hosts = new HostPolicy(config.transport().allowedHosts());
        this.cors = new CorsPolicy(config.cors());
        this.headers = HeaderWriters.of(config.headers()).then(new BearerChallengeWriter(config.jwt().inUse()));
        this.requestText = new RequestText(config.validation().rejectControlCharacters(),
                config.validation().rejectBidiControls(), config.validation().allowBalancedBidiIsolates());
        this.checkedHeaders = config.validation().checkedHeaders();
        this.codings = new ContentCodings(config.validation().contentEncodings());
        this.bodyLimits = bodyLimits;
        this.observe = config.observe();
        this.egress = new EgressCheck(config.settings(EgressKeys.CONCERN), observe.observes(Phase.EGRESS));
        JwtSettings jwt = config.jwt();
        Set<String> otherSchemes = new java.util.HashSet<>(jwt.otherSchemes());
        if (apiKeys != null && apiKeys.scheme() != null) {
            otherSchemes.add(apiKeys.scheme()); // the API key step checks these
        }
        this.bearer = !jwt.inUse() ? null : new BearerAuthentication(
                new BearerCredentials(Set.copyOf(otherSchemes), jwt.tokenCookie(),
                        Set.copyOf(jwt.queryTokenParameters())), jwt.tokenCookie(), tokenGate);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = audit == null ? 0L : System.nanoTime();
        RequestState state = state(request);
        RequestState outer = served.enter(state);
        try {
            if (request.getDispatcherType() == DispatcherType.ERROR) {
                errorDispatch(request, response, chain, state, start);
            } else {
                serve(request, response, chain, state, start);
            }
        } finally {
            // whatever JAX-RS left (an exception no mapper answered): no later dispatch of the request is matching
            state.matchingOver();
            served.leave(outer);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                       RequestState state, long start) throws IOException, ServletException {
        RequestHeaderNames headers = RequestHeaderNames.of(request, state);
        String correlationId = correlate(request, response, state, headers);
        Versions.Match version = versions == null ? null : version(request, state, request.getRequestURI());
        ClientAddressResolver.Origin origin = resolveOrigin(request, state, headers);
        Exchange exchange = new Exchange(request, response, state, headers, correlationId, origin.secure(),
                origin.clientAddress());
        try {
            run(exchange, request, response, chain, headers, origin, version);
        } finally {
            try {
                if (audit != null) {
                    audit.end(exchange, start, false); // once per request, whatever answered it
                }
            } finally {
                exchange.filterDone();
            }
        }
    }

    /** Steps 3 to 7 (the exchange's response is audited once they are done). */
    private void run(Exchange exchange, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                     RequestHeaderNames headers, ClientAddressResolver.Origin origin, Versions.Match version)
            throws IOException, ServletException {
        RequestState state = exchange.state;
        String correlationId = exchange.correlationId;
        if (!exchange.withinRefusalBudget(mayBeAnotherCaller(request, headers))) {
            return;
        }

        HttpServletRequest effective = admit(request, response, exchange, origin.secure(), headers);
        if (effective == null) {
            return;
        }
        String tokenRefused = bearer == null ? null : bearer.authenticate(request, response);
        if (tokenRefused != null) {
            exchange.reject(Phase.BEARER_TOKEN, ProblemKind.UNAUTHORIZED, "bearer token refused: " + tokenRefused,
                    List.of(new HeaderValue(dev.bulwark.internal.auth.BearerChallenges.HEADER, dev.bulwark.internal.auth.BearerChallenges.INVALID_TOKEN)), List.of());
            return;
        }
        ApiKeyAuthentication.Result key = apiKeys == null ? ApiKeyAuthentication.Result.NONE
                : apiKeys.authenticate(request, headers, state, state.get(TokenGate.VERIFIED));
        if (key.refusal() != null && key.verified() != null && observe.observes(Phase.RATE_LIMIT)) {
            // the key's own rate limit is a rate limit: observed, its verified caller goes on
            Observations.record(state, Phase.RATE_LIMIT, key.refusal().label(), key.reason());
            key = new ApiKeyAuthentication.Result(key.verified(), null, null, List.of());
        }
        if (key.refusal() != null) {
            exchange.reject(Phase.API_KEY, key.refusal(), key.reason(), key.headers(), List.of());
            return;
        }
        if (!exchange.callerWithinRefusalBudget()) {
            return;
        }
        if (!routeAccess(exchange, key.verified() == null ? request : ApiKeyAuthentication.asCaller(request,
                key.verified()), effective.getMethod()) || !routeRates(exchange, effective.getMethod())) {
            return;
        }
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            // The container's authentication may fail on credentials it cannot use (Liberty's MP-JWT does for a Basic
            // header) and go on to an unprotected resource with its 401 already set: the request was admitted here,
            // so the application's answer starts from 200 like any other.
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader(dev.bulwark.internal.auth.BearerChallenges.HEADER, null);
        }
        if (version != null) {
            countCall(state, version, correlationId);
        }
        ServedRequest served = new ServedRequest(effective, bearer);
        respond(exchange, key.verified() == null ? served : ApiKeyAuthentication.asCaller(served, key.verified()),
                served, response, chain);
    }

    /**
     * What the route policies covering the request require of its caller, now that it is known (a verified token or
     * API key, else the container's principal, decided as the role check decides). False when the request was
     * refused here (observed: recorded, and it goes on).
     */
    private boolean routeAccess(Exchange exchange, HttpServletRequest caller, String method) throws IOException {
        NetworkSettings network = exchange.network();
        if (!network.checksCallers()) {
            return true;
        }
        dev.bulwark.internal.auth.RawToken token = exchange.state.get(TokenGate.VERIFIED);
        java.util.function.Function<Set<String>, Roles.Outcome> decide = roles -> Roles.decide(roles,
                token == null ? null : token.claims(), caller.getUserPrincipal(), caller::isUserInRole,
                bearer != null);
        NetworkSettings.CallerRefusal refused = network.callerRefusal(method, exchange.routePath(), decide,
                () -> token == null ? Set.of() : dev.bulwark.internal.authz.Scopes.of(token.claims(), scopeClaim));
        if (refused == null) {
            return true;
        }
        ProblemKind kind = refused.unauthenticated() ? ProblemKind.UNAUTHORIZED : ProblemKind.FORBIDDEN;
        // as for the annotations: observe mode never opens a route to a request with no caller
        if (observe.observes(Phase.ROUTE_ACCESS)
                && decide.apply(Set.of(Roles.ANY_AUTHENTICATED)) == Roles.Outcome.ALLOWED) {
            Observations.record(exchange.state, Phase.ROUTE_ACCESS, kind.label(), refused.reason());
            return true;
        }
        exchange.reject(Phase.ROUTE_ACCESS, kind, refused.reason(), routeChallenge(refused), List.of());
        return false;
    }

    /**
     * The rate limits of the route policies covering the request, counted per caller (known now). False when the
     * request was answered 429 here (observed: recorded, and it goes on).
     */
    private boolean routeRates(Exchange exchange, String method) throws IOException {
        NetworkSettings network = exchange.network();
        if (routeLimits == null || !network.limitsRates()) {
            return true;
        }
        List<dev.bulwark.internal.network.RoutePolicy> covering = network.rateLimited(method, exchange.routePath());
        Caller caller = exchange.caller();
        try {
            routeLimits.check(covering, new dev.bulwark.internal.ratelimit.Limiter.Facts(caller.clientAddress(),
                    caller.subject(), exchange.request::getHeader));
            return true;
        } catch (ProblemException limited) {
            if (observe.observes(Phase.RATE_LIMIT)) {
                Observations.record(exchange.state, Phase.RATE_LIMIT, limited.kind().label(), limited.getMessage());
                return true;
            }
            List<HeaderValue> fields = new java.util.ArrayList<>();
            limited.headers().forEach((name, value) -> fields.add(new HeaderValue(name, value)));
            exchange.reject(Phase.RATE_LIMIT, limited.kind(), limited.getMessage(), fields, List.of());
            return false;
        }
    }

    /** A bearer challenge for a route's refusal: no credentials (401), or the scopes it needs (403). */
    private List<HeaderValue> routeChallenge(NetworkSettings.CallerRefusal refused) {
        if (bearer == null) {
            return List.of();
        }
        if (refused.unauthenticated()) {
            return List.of(new HeaderValue(dev.bulwark.internal.auth.BearerChallenges.HEADER,
                    dev.bulwark.internal.auth.BearerChallenges.NO_CREDENTIALS));
        }
        return refused.scopes().isEmpty() ? List.of() : List.of(new HeaderValue(
                dev.bulwark.internal.auth.BearerChallenges.HEADER,
                dev.bulwark.internal.auth.BearerChallenges.insufficientScope(refused.scopes())));
    }

    /** The path the container maps the request with: servlet path and path info (decoded, dot segments resolved). */
    private static String containerPath(HttpServletRequest request) {
        return request.getPathInfo() == null ? request.getServletPath()
                : request.getServletPath() + request.getPathInfo();
    }

    /**
     * A request that its address's spent refusal budget must not answer up front: it presents a bearer token (once
     * verified, its caller is budgeted by its subject: callers behind one NAT keep working with their own tokens),
     * or it is an allowed CORS preflight (a browser sends no credentials with it, and shows the real request's 429
     * only if the preflight succeeded).
     */
    private boolean mayBeAnotherCaller(HttpServletRequest request, RequestHeaderNames headers) {
        return refusals != null && (bearer != null && bearer.presentsToken(request)
                || apiKeys != null && apiKeys.presentsKey(request, headers)
                || corsAsSent(request, headers).kind() == CorsPolicy.Kind.PREFLIGHT_ALLOWED);
    }

    /** CORS for the request as sent (before a method override): what a 429 up front gets, cheaply. */
    private CorsPolicy.Decision corsAsSent(HttpServletRequest request, RequestHeaderNames headers) {
        return cors(request.getMethod(), request, headers);
    }

    private CorsPolicy.Decision cors(String method, HttpServletRequest request, RequestHeaderNames headers) {
        return headers.has("Origin") ? cors.decide(method, request.getHeader("Origin"),
                headers.get(request, "Access-Control-Request-Method"),
                headers.get(request, "Access-Control-Request-Headers")) : cors.decide(method, null, null, null);
    }

    /**
     * The container dispatches to an error page: the request may never have passed this filter (the container
     * refused it first), so the correlation id and the transport are resolved here if they are missing. Nothing is
     * admitted or refused; the error page's answer gets the same treatment as any other response.
     */
    private void errorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                               RequestState state, long start) throws IOException, ServletException {
        RequestHeaderNames headers = RequestHeaderNames.of(request, state);
        String correlationId = correlate(request, response, state, headers);
        Boolean known = state.get(TransportAttributes.SECURE);
        boolean secure = known != null ? known : resolveOrigin(request, state, headers).secure();
        String address = state.get(TransportAttributes.CLIENT_ADDRESS);
        String clientAddress = address != null ? address : resolveOrigin(request, state, headers).clientAddress();
        Exchange exchange = new Exchange(request, response, state, headers, correlationId, secure, clientAddress);
        try {
            containerError(exchange, request, response, chain);
        } finally {
            try {
                if (audit != null) {
                    audit.end(exchange, start, true); // unless the request's own dispatch was audited already
                }
            } finally {
                exchange.filterDone();
            }
        }
    }

    private void containerError(Exchange exchange, HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws IOException, ServletException {
        RequestState state = exchange.state;
        if (versions != null && !state.has(Versions.MATCH)
                && request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            version(request, state, uri); // the container refused the request before this filter saw it
        }
        if (bearer != null && request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE)
                instanceof Integer status) {
            String challenge = dev.bulwark.internal.auth.BearerChallenges.ofContainerRefusal(status,
                    bearer.presentsTokenCredentials(request), response.getHeader(dev.bulwark.internal.auth.BearerChallenges.HEADER));
            if (challenge != null) {
                response.setHeader(dev.bulwark.internal.auth.BearerChallenges.HEADER, challenge);
            }
        }
        // The container refused the request before this filter saw it (its own 400s and 404s): an address whose
        // refusal budget is spent gets the 429 here too, and the refusal is charged like any other.
        if (!state.has(CHARGED) && !exchange.withinRefusalBudget(false)) {
            return;
        }
        ServedRequest served = new ServedRequest(request, null);
        respond(exchange, served, served, response, chain);
    }

    /** The request's scheduled API version, kept in its state for the guard and the headers at commit; or null. */
    private Versions.Match version(HttpServletRequest request, RequestState state, String uri) {
        Versions.Match match = versions.match(uri, request::getHeaders);
        if (match != null) {
            state.put(Versions.MATCH, match);
        }
        return match;
    }

    /** Who calls a scheduled version: its verified token's client id, once the bearer step verified it. */
    private void countCall(RequestState state, Versions.Match version, String correlationId) {
        dev.bulwark.internal.auth.RawToken token = state.get(TokenGate.VERIFIED);
        versionUsage.record(version, token == null ? null : VersionUsage.clientId(token.claims()),
                token == null ? null : VersionUsage.subject(token.claims()), correlationId);
    }

    /** The request's correlation id: the one already chosen for it (before an error dispatch), else a new one. */
    private String correlate(HttpServletRequest request, HttpServletResponse response, RequestState state,
                             RequestHeaderNames headers) {
        String known = state.get(RequestCorrelation.ID);
        if (known != null) {
            response.setHeader(correlationHeader, known);
            return known;
        }
        String correlationId = correlationIds.resolve(headers.get(request, CorrelationIds.TRACEPARENT),
                headers.get(request, correlationHeader));
        state.put(RequestCorrelation.ID, correlationId);
        request.setAttribute(RequestCorrelation.ATTRIBUTE, correlationId);
        if (response.containsHeader(correlationHeader)) {
            response.setHeader(correlationHeader, correlationId);
        } else {
            response.addHeader(correlationHeader, correlationId); // nothing to replace: no search and removal
        }
        return correlationId;
    }

    private ClientAddressResolver.Origin resolveOrigin(HttpServletRequest request, RequestState state,
                                                       RequestHeaderNames headers) {
        boolean tls = DirectTls.of(request.isSecure(),
                request.getAttribute("jakarta.servlet.request.cipher_suite") != null,
                () -> headers.names(request));
        ClientAddressResolver.Origin origin = clients.resolve(request.getRemoteAddr(), tls,
                headers.all(request, "Forwarded"), headers.all(request, "X-Forwarded-For"),
                headers.all(request, "X-Forwarded-Proto"));
        state.put(TransportAttributes.CLIENT_ADDRESS, origin.clientAddress());
        if (origin.exact()) {
            state.put(TransportAttributes.RULE_ADDRESS, origin.clientAddress());
        }
        state.put(TransportAttributes.SECURE, origin.secure());
        request.setAttribute(TransportAttributes.PUBLISHED_CLIENT_ADDRESS, origin.clientAddress());
        request.setAttribute(TransportAttributes.PUBLISHED_SECURE, origin.secure());
        return origin;
    }

    /**
     * Step 7: the application (or the error page) behind the response wrapper, then the problem if one is due.
     *
     * @param request the request the application gets
     * @param served  the request's Bulwark wrapper ({@code request} or inside it)
     */
    private void respond(Exchange exchange, HttpServletRequest request, ServedRequest served,
                         HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        ProblemCapturingResponse captured = new ProblemCapturingResponse(response, (status, contentType, pending) -> {
                    ServletResponseHeaders written = new ServletResponseHeaders(response, pending);
                    if (status < 400 && written.contains(dev.bulwark.internal.auth.BearerChallenges.HEADER)) {
                        // a challenge the container's authentication set on its way (Liberty does for any
                        // Authorization header it cannot use) is wrong on a success: a Basic caller would get a
                        // Bearer challenge
                        written.set(dev.bulwark.internal.auth.BearerChallenges.HEADER, null);
                    }
                    exchange.securityHeaders(status >= 400, status == 401, written,
                            contentType != null ? contentType : response.getContentType());
                    exchange.rateLimitFields(status, written);
                },
                location -> Redirects.ownReference(location, request.getScheme(), request.getServerName(),
                        request.getServerPort()),
                egress.forResponse(exchange.correlationId, exchange::describe, exchange.state));
        exchange.captured = captured;
        exchange.served = served;
        served.serve(request, captured);
        // The hook writes the security headers and the RateLimit fields. An asynchronous JAX-RS response commits
        // when the request completes, maybe before this filter returned: the last JAX-RS response filter runs the
        // hook on its headers (AsyncCommit); a synchronous one is left to this wrapper.
        exchange.state.put(AsyncCommit.KEY, new AsyncCommit() {
            @Override
            public boolean asynchronous() {
                return request.isAsyncStarted();
            }

            @Override
            public void beforeCommit(int status, String contentType, PendingHeaders pending) {
                captured.beforeAsyncCommit(status, contentType, pending);
            }
        });
        Throwable failure = null;
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
        }
        // read once: a response completed on another thread between two reads would have its held-back body lost
        boolean async = request.isAsyncStarted();
        if (failure == null && !async) {
            try {
                captured.bodyDone();
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
        }
        if (async) {
            captured.passThrough();
            if (failure == null) {
                exchange.chargeWhenComplete();
                return;
            }
        }
        if (failure == null && !captured.needsProblem()) {
            if (!response.isCommitted()) {
                captured.beforeCommit();
            }
            exchange.charge(captured.status());
            return;
        }
        exchange.failed(captured, failure);
    }

    /** What one guard decided: go on, refuse with a problem, or answer the request itself. */
    private record Verdict(ProblemKind refusal, String reason, List<HeaderValue> headers,
                           List<Problem.FieldError> errors, int answer) {
        static final Verdict PASS = new Verdict(null, null, List.of(), List.of(), 0);

        static Verdict refuse(ProblemKind kind, String reason, HeaderValue... headers) {
            return new Verdict(kind, reason, List.of(headers), List.of(), 0);
        }

        static Verdict answer(int status, HeaderValue... headers) {
            return new Verdict(null, null, List.of(headers), List.of(), status);
        }

        /** A refusal, or a redirect (the request as sent is not served): what observe mode lets through. */
        boolean wouldRefuse() {
            return refusal != null || answer >= 300 && answer < 400;
        }
    }

    /** One request-level control: reads the request so far, decides. */
    private interface Guard {
        Verdict check(Admission admission);
    }

    /** The request as the guards see it, and what earlier guards found out for later ones. */
    private static final class Admission {
        final HttpServletRequest request;
        final HttpServletResponse response;
        final boolean secure;
        final RequestHeaderNames headers;
        /** The request's exchange: the address rules and route policies in force, and the path they see. */
        final Exchange exchange;
        RequestHost host;
        MethodPolicy.Decision method;
        long bodyLimit;

        Admission(HttpServletRequest request, HttpServletResponse response, boolean secure,
                  RequestHeaderNames headers, Exchange exchange) {
            this.exchange = exchange;
            this.request = request;
            this.response = response;
            this.secure = secure;
            this.headers = headers;
        }
    }

    private record Step(Phase phase, Guard guard) {
    }

    /**
     * The request-level controls between the refusal budget and the bearer token, in {@link Phase} order (a unit
     * test holds them to it): each refuses with its problem, answers, or lets the request go on.
     */
    private final List<Step> guards = List.of(
            new Step(Phase.PRIVATE_HEADERS, this::privateHeaders),
            new Step(Phase.HOST, this::host),
            new Step(Phase.METHOD, this::method),
            new Step(Phase.ADDRESS_RULES, this::addressRules),
            new Step(Phase.HTTPS, this::https),
            new Step(Phase.CORS, this::cors),
            new Step(Phase.VERSION, this::version),
            new Step(Phase.REQUEST_TEXT, this::requestText),
            new Step(Phase.BODY_SIZE, this::bodySize));

    /** The phases of the guards, in the order they run (for the test that holds them to {@link Phase}). */
    List<Phase> guardPhases() {
        return guards.stream().map(Step::phase).toList();
    }

    /**
     * Runs the guards. Returns the request the application gets (with the effective method and a counted body),
     * or null when a guard refused or answered the request.
     */
    private HttpServletRequest admit(HttpServletRequest request, HttpServletResponse response, Exchange exchange,
                                     boolean secure, RequestHeaderNames headers) throws IOException {
        Admission admission = new Admission(request, response, secure, headers, exchange);
        for (Step step : guards) {
            Verdict verdict = step.guard().check(admission);
            if (verdict.wouldRefuse() && observe.observes(step.phase())) {
                // observed: decided as when enforcing, recorded, and the request goes on as it came
                Observations.record(exchange.state, step.phase(), verdict.refusal() != null
                        ? verdict.refusal().label() : "redirect", verdict.reason());
                continue;
            }
            if (verdict.refusal() != null) {
                exchange.reject(step.phase(), verdict.refusal(), verdict.reason(), verdict.headers(),
                        verdict.errors());
                return null;
            }
            if (verdict.answer() != 0) {
                exchange.securityHeaders(false, false);
                response.setStatus(verdict.answer());
                verdict.headers().forEach(h -> response.setHeader(h.name(), h.value()));
                return null;
            }
        }
        HttpServletRequest effective = needsWrapper(request, admission.method, headers)
                ? new EffectiveMethodRequest(request, admission.method.effectiveMethod()) : request;
        if (request.getContentLengthLong() == 0) {
            return effective;
        }
        return !observe.observes(Phase.BODY_SIZE) ? new LimitedBodyRequest(effective, admission.bodyLimit, null)
                : new LimitedBodyRequest(effective, admission.bodyLimit, (kind, reason) -> Observations.record(
                        exchange.state, Phase.BODY_SIZE, kind.label(), reason));
    }

    /** Liberty believes WebSphere plug-in private headers from any client unless bulwark-base.xml is included. */
    private Verdict privateHeaders(Admission a) {
        String privateHeader = DirectTls.privateHeader(a.headers.names(a.request));
        return privateHeader == null ? Verdict.PASS : Verdict.refuse(ProblemKind.BAD_REQUEST,
                "a WebSphere plug-in private header from a client: " + SafeLog.printable(privateHeader, 40));
    }

    private Verdict host(Admission a) {
        HostPolicy.Decision host = hosts.check(a.headers.all(a.request, "Host"), a.request.getServerName(),
                a.request.getServerPort());
        a.host = host.host();
        return host.allowed() ? Verdict.PASS : Verdict.refuse(ProblemKind.BAD_REQUEST, host.refusal());
    }

    private Verdict method(Admission a) {
        a.method = methods.decide(a.request.getMethod(), overrideHeader(a.request, a.headers));
        return a.method.allowed() ? Verdict.PASS : Verdict.refuse(ProblemKind.METHOD_NOT_ALLOWED,
                "method not allowed: " + a.method.effectiveMethod(), new HeaderValue("Allow", methods.allowHeader()));
    }

    /**
     * The address rules, on the client address the transport step resolved and the path the container maps the
     * request with (servlet path and path info), for the effective method. 403, the address never echoed.
     */
    private Verdict addressRules(Admission a) {
        HttpServletRequest request = a.request;
        NetworkSettings network = a.exchange.network();
        if (network.noRequestRules()) {
            return Verdict.PASS; // the common case: no list to check, nothing to look up
        }
        String refused = addresses.refusal(network, state(request).get(TransportAttributes.RULE_ADDRESS),
                a.method.effectiveMethod(), a.exchange.routePath());
        return refused == null ? Verdict.PASS : Verdict.refuse(ProblemKind.FORBIDDEN, refused);
    }

    private Verdict https(Admission a) {
        TransportPolicy.Decision tls = transport.decide(a.secure, a.method.effectiveMethod(), pathOf(a.request),
                a.host, a.request.getRequestURI(), a.request.getQueryString());
        return switch (tls.action()) {
            case REDIRECT -> new Verdict(null, "plain HTTP redirected to HTTPS", List.of(new HeaderValue("Location",
                    tls.location())), List.of(), 308);
            case REFUSE -> Verdict.refuse(ProblemKind.HTTPS_REQUIRED, "plain HTTP refused");
            default -> Verdict.PASS;
        };
    }

    private Verdict cors(Admission a) {
        HttpServletRequest request = a.request;
        CorsPolicy.Decision decision = cors(a.method.effectiveMethod(), request, a.headers);
        for (HeaderValue h : decision.headers()) {
            a.response.setHeader(h.name(), h.value());
        }
        return switch (decision.kind()) {
            case PREFLIGHT_REFUSED -> Verdict.refuse(ProblemKind.CORS_REFUSED, "CORS preflight refused: "
                    + decision.refusal());
            case PREFLIGHT_ALLOWED -> Verdict.answer(HttpServletResponse.SC_NO_CONTENT);
            default -> Verdict.PASS;
        };
    }

    /** A version in a brown-out or past its sunset: 410, naming the version and its successor. */
    private Verdict version(Admission a) {
        Versions.Match match = versions == null ? null : state(a.request).get(Versions.MATCH);
        if (match == null || !match.refused()) {
            return Verdict.PASS;
        }
        versionUsage.record(match, null, null, state(a.request).get(RequestCorrelation.ID));
        return new Verdict(ProblemKind.VERSION_RETIRED, "API version " + match.version() + " " + match.stage(),
                List.of(), List.of(match.refusal()), 0);
    }

    private Verdict requestText(Admission a) {
        Optional<Problem.FieldError> bad = checkText(a.request, a.headers);
        if (bad.isEmpty()) {
            return Verdict.PASS;
        }
        Problem.FieldError error = bad.get();
        return new Verdict(ProblemKind.VALIDATION, "request text refused: " + error.in() + " " + error.field() + " "
                + error.message(), List.of(), List.of(error), 0);
    }

    private Verdict bodySize(Admission a) {
        HttpServletRequest request = a.request;
        long length = request.getContentLengthLong();
        boolean body = length > 0 || a.headers.has("Transfer-Encoding") && request.getHeader("Transfer-Encoding") != null;
        long endpointLimit = body ? bodyLimits.limitFor(a.method.effectiveMethod(), request.getRequestURI())
                : bodyLimits.configured();
        NetworkSettings network = a.exchange.network();
        a.bodyLimit = network.routes().isEmpty() ? endpointLimit
                : network.bodyLimit(a.method.effectiveMethod(), a.exchange.routePath(), endpointLimit);
        if (length > a.bodyLimit) {
            return Verdict.refuse(ProblemKind.PAYLOAD_TOO_LARGE, "Content-Length " + length + " over " + a.bodyLimit);
        }
        if (body && !codings.accepts(a.headers.all(request, "Content-Encoding"))) {
            return Verdict.refuse(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding not decoded by the server",
                    new HeaderValue("Accept-Encoding", codings.acceptEncoding()));
        }
        if (body && LimitedBodyRequest.isUrlEncodedForm(request.getContentType())) {
            // The container parses forms itself, past any counter: only a checked Content-Length, unencoded.
            if (length < 0) {
                return Verdict.refuse(ProblemKind.LENGTH_REQUIRED, "chunked form body");
            }
            if (LimitedBodyRequest.encoded(a.headers.get(request, "Content-Encoding"))) {
                return Verdict.refuse(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "content-encoded form body",
                        new HeaderValue("Accept-Encoding", "identity"));
            }
        }
        return Verdict.PASS;
    }

    /** One request's response side: security headers and the problem paths, with everything they need. */
    final class Exchange {
        final HttpServletRequest request;
        final HttpServletResponse response;
        private final RequestHeaderNames sent;
        final RequestState state;
        final String correlationId;
        private final boolean secure;
        final String clientAddress;
        /** The response wrapper the application wrote through, once the request got that far. */
        ProblemCapturingResponse captured;
        /** The request as Bulwark handed it to the application, once it did. */
        ServedRequest served;

        /** This filter is done with the request: an asynchronous dispatch the application asked for meanwhile goes. */
        void filterDone() {
            if (served != null) {
                served.filterDone();
            }
        }
        /** The length of the problem this filter wrote itself, or -1. */
        long problemBytes = -1;
        /** The address's refusal budget was not checked up front ({@link #withinRefusalBudget}); it still is due. */
        private boolean addressUnchecked;
        /** The address rules and route policies in force for this request (read once: a reload may come between). */
        private NetworkSettings network;
        private String routePath;
        /**
         * The container's principal once asked ({@link #principal()}): {@link #NOBODY} for none, {@link #UNKNOWN}
         * when the container failed to say; null before the first question. Volatile: an asynchronous response
         * commits and completes on other threads.
         */
        private volatile Object principal;

        NetworkSettings network() {
            if (network == null) {
                network = addresses.current();
            }
            return network;
        }

        /** The path the route policies and address rules see (normalized once per request, when needed). */
        String routePath() {
            if (routePath == null) {
                routePath = RoutePattern.normalize(containerPath(request));
            }
            return routePath;
        }

        /**
         * The container's principal of the request, asked of the container once it is needed (the security headers
         * at commit, the audit event): Liberty's lookup goes through its security collaborator every time.
         */
        java.security.Principal principal() {
            Object known = principal;
            if (known == null) {
                try {
                    java.security.Principal p = request.getUserPrincipal();
                    known = p == null ? NOBODY : p;
                } catch (RuntimeException e) {
                    known = UNKNOWN;
                }
                principal = known;
            }
            return known instanceof java.security.Principal p ? p : null;
        }

        /**
         * Forgets the principal asked so far: an asynchronous response's event is made when it completes, and the
         * caller is asked again then (the commit may have run on a thread of the application's).
         */
        void askPrincipalAgain() {
            principal = null;
        }

        Exchange(HttpServletRequest request, HttpServletResponse response, RequestState state,
                 RequestHeaderNames headers, String correlationId, boolean secure, String clientAddress) {
            this.request = request;
            this.response = response;
            this.sent = headers;
            this.state = state;
            this.correlationId = correlationId;
            this.secure = secure;
            this.clientAddress = clientAddress;
        }

        /**
         * Step 3: false when the client address spent its refusal budget and the request was answered 429 here.
         * With {@code mayBeAnotherCaller} the address is checked later instead: when the request is refused before
         * its token is verified ({@link #reject}), or by {@link #callerWithinRefusalBudget}.
         */
        boolean withinRefusalBudget(boolean mayBeAnotherCaller) throws IOException {
            if (refusals == null) {
                return true;
            }
            if (mayBeAnotherCaller) {
                addressUnchecked = true;
                return true;
            }
            return within(caller());
        }

        /**
         * After the bearer step: false when the caller's budget is spent and the request was answered 429 here. A
         * verified caller is held to its subject's budget, whatever its address spent; an unverified one to its
         * address's, if that was not checked up front.
         */
        boolean callerWithinRefusalBudget() throws IOException {
            Caller caller = caller();
            boolean due = refusals != null && (caller.verified() || addressUnchecked);
            addressUnchecked = false;
            return !due || within(caller);
        }

        private boolean within(Caller caller) throws IOException {
            try {
                refusals.admit(caller);
                return true;
            } catch (ProblemException spent) {
                Phase phase = caller.verified() ? Phase.CALLER_BUDGET : Phase.ADDRESS_BUDGET;
                if (observe.observes(phase)) {
                    Observations.record(state, phase, spent.kind().label(), "refusal budget spent");
                    return true;
                }
                Refusal.record(state, Refusal.of(phase, spent.kind(), "refusal budget spent"));
                ProblemAnswer answer = answers.refuse(spent.kind(), List.of(), spent.headers(), incident(
                        caller.toString(), "refusal budget spent (" + RateLimitKeys.REFUSED.name() + ")"));
                // the container may have tried (and failed) a bearer token before this filter: not this answer's
                response.setHeader(dev.bulwark.internal.auth.BearerChallenges.HEADER, null);
                CorsPolicy.Decision crossOrigin = corsAsSent(request, sent);
                if (crossOrigin.kind() == CorsPolicy.Kind.ACTUAL || crossOrigin.kind() == CorsPolicy.Kind.NONE) {
                    // a browser script sees the 429 (and, when exposed, Retry-After) instead of a network error
                    crossOrigin.headers().forEach(h -> response.setHeader(h.name(), h.value()));
                }
                send(answer, false, false);
                return false;
            }
        }

        /** Who the refusals of this request are charged to: its verified subject, else its client address. */
        private Caller caller() {
            return Caller.of(clientAddress, state.get(TokenGate.VERIFIED));
        }

        /** Charges the caller when the response refused the request. */
        void charge(int status) {
            if (refusals != null && RefusalBudget.isRefusal(status, state.has(RefusalBudget.REFUSED))
                    && !state.has(CHARGED)) {
                state.put(CHARGED, Boolean.TRUE); // once, even when an error dispatch follows
                refusals.charge(caller());
            }
        }

        /** An asynchronous response has its final status only once it completes. */
        void chargeWhenComplete() {
            if (refusals == null) {
                return;
            }
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    charge(response.getStatus());
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    // the container answers the timeout; onComplete follows
                }

                @Override
                public void onError(AsyncEvent event) {
                    // onComplete follows
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    event.getAsyncContext().addListener(this);
                }
            });
        }

        /**
         * @param problem         an error response (no-store whatever the application set)
         * @param unauthenticated a 401: to a request that carried no credentials at all, its bearer challenge has no
         *                        error code (RFC 6750 section 3.1), whoever wrote it (Bulwark, the container's
         *                        MP-JWT, the application). Other schemes' challenges are left alone.
         */
        void securityHeaders(boolean problem, boolean unauthenticated) {
            securityHeaders(problem, unauthenticated, new ServletResponseHeaders(response), response.getContentType());
        }

        /**
         * @param written     the response's headers as they are now (read once by the caller)
         * @param contentType the response's content type (an asynchronous JAX-RS response's is not set yet)
         */
        void securityHeaders(boolean problem, boolean unauthenticated, ServletResponseHeaders written,
                             String contentType) {
            boolean authenticated = sent.get(request, "Authorization") != null
                    || state.has(TokenGate.VERIFIED) // an API key in its own header (X-API-Key)
                    || principal() != null || principal == UNKNOWN; // fail closed: no-store
            var overrides = SecurityHeaderOverrides.Overrides.of(state);
            // JSON by the type the response goes out with, never by its status: an error body Bulwark does not
            // replace (an asynchronous one, a committed one) may be a document a browser renders
            headers.write(new ResponseFacts(secure, authenticated, problem, unauthenticated, overrides,
                            ResponseFacts.isJson(contentType), resolvedPath(request)),
                    written);
            if (versions != null) {
                Versions.write(state.get(Versions.MATCH), written, written::add, written::values);
            }
        }

        /**
         * The RateLimit fields of the call the JAX-RS filter allowed, onto the response as it commits: straight onto
         * the container's response, where a JAX-RS response filter would have gone through the runtime's header map
         * and the wrapper. Not on a 429 (its refusal's fields), nor over fields already there.
         */
        void rateLimitFields(int status, ServletResponseHeaders written) {
            RateLimitFields fields = state.get(RateLimitFields.ALLOWED);
            if (fields != null && RateLimitFields.belongOn(status)) {
                fields.values().forEach((name, value) -> {
                    if (!written.contains(name)) {
                        written.setAbsent(name, value);
                    }
                });
            }
        }

        /** Refuses the request before the application sees it. */
        void reject(Phase phase, ProblemKind kind, String reason, List<HeaderValue> extra,
                    List<Problem.FieldError> errors) throws IOException {
            int status = kind.status();
            if (addressUnchecked) {
                addressUnchecked = false;
                if (!within(caller())) {
                    return; // the address spent its budget: its 429, not this refusal
                }
            }
            Refusal.record(state, Refusal.of(phase, kind, reason));
            Map<String, String> protocolHeaders = new LinkedHashMap<>();
            extra.forEach(h -> protocolHeaders.put(h.name(), h.value()));
            ProblemAnswer answer = answers.refuse(kind, errors, protocolHeaders, incident(caller().toString(), reason));
            charge(status);
            send(answer, false, false);
        }

        /** The application failed or produced a non-problem error: send the generic problem instead. */
        void failed(ProblemCapturingResponse captured, Throwable failure) throws IOException {
            Classification c = failure != null ? classifier.classifyEscaped(failure) : null;
            int status = c != null ? c.status() : captured.status();
            charge(status);
            if (audit != null) {
                Refusal.record(state, AuditTap.refusalOf(failure, status, failure == null && captured.egressRefused()));
            }
            if (response.isCommitted()) {
                // Too late to replace anything; the exception is still logged once with its correlation id.
                if (failure != null) {
                    errorLog.serverError(correlationId, status, describe() + " (response already committed)", failure);
                }
                return;
            }
            Incident incident = new Incident(correlationId, describe(), caller().toString(),
                    failure != null ? failure.toString() : "error response from the container or application", failure);
            // with the protocol headers of the refusal (Allow, WWW-Authenticate, Retry-After) the exception carried
            send(c != null ? answers.classified(c, incident) : answers.forStatus(status, incident),
                    captured.realWriterTaken(), status == 401);
        }

        private Incident incident(String caller, String reason) {
            return new Incident(correlationId, describe(), caller, reason, null);
        }

        private void send(ProblemAnswer answer, boolean useWriter, boolean unauthenticated) throws IOException {
            problemBytes = answer.json().length(); // ASCII
            ProblemWriter.headers(response, answer);
            response.setHeader(correlationHeader, correlationId);
            ServletResponseHeaders written = new ServletResponseHeaders(response);
            // the problem's type: the body (and its Content-Type) are written after the headers
            securityHeaders(true, unauthenticated, written, answer.contentType());
            rateLimitFields(answer.status(), written);
            ProblemWriter.body(response, answer, useWriter);
        }

        private String describe() {
            return ErrorPageServlet.described(request);
        }
    }

    private Optional<Problem.FieldError> checkText(HttpServletRequest request, RequestHeaderNames headers) {
        Optional<Problem.FieldError> bad = requestText.checkPath(request.getRequestURI());
        if (bad.isEmpty()) {
            bad = requestText.checkQuery(request.getQueryString());
        }
        for (int i = 0; i < checkedHeaders.size() && bad.isEmpty(); i++) {
            var values = headers.has(checkedHeaders.get(i)) ? request.getHeaders(checkedHeaders.get(i)) : null;
            while (values != null && values.hasMoreElements() && bad.isEmpty()) {
                bad = requestText.checkHeader(checkedHeaders.get(i), values.nextElement());
            }
        }
        return bad;
    }

    private String overrideHeader(HttpServletRequest request, RequestHeaderNames headers) {
        for (String name : MethodPolicy.OVERRIDE_HEADERS) {
            String value = headers.get(request, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean needsWrapper(HttpServletRequest request, MethodPolicy.Decision method,
                                        RequestHeaderNames headers) {
        if (!method.effectiveMethod().equals(request.getMethod())) {
            return true;
        }
        for (String name : MethodPolicy.OVERRIDE_HEADERS) {
            if (headers.get(request, name) != null) {
                return true;
            }
        }
        return false;
    }

    /** The request's state (created by the first step that needs it). */
    private static RequestState state(HttpServletRequest request) {
        return RequestState.ensure(request::getAttribute, request::setAttribute);
    }

    /** The path below the context root as the container resolved it (decoded, dot segments gone). */
    private static String resolvedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
