package dev.bulwark.web;

import dev.bulwark.config.BulwarkConfig;
import dev.bulwark.config.BulwarkConfig.HeaderValue;
import dev.bulwark.correlation.CorrelationIds;
import dev.bulwark.correlation.RequestCorrelation;
import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.errors.Classification;
import dev.bulwark.errors.ErrorLog;
import dev.bulwark.errors.ExceptionClassifier;
import dev.bulwark.errors.Problem;
import dev.bulwark.errors.ProblemFactory;
import dev.bulwark.errors.ProblemKind;
import dev.bulwark.headers.SecurityHeaders;
import dev.bulwark.transport.ClientAddressResolver;
import dev.bulwark.transport.MethodPolicy;
import dev.bulwark.transport.TransportAttributes;
import dev.bulwark.transport.TransportPolicy;
import dev.bulwark.validation.ContentCodings;
import dev.bulwark.validation.EndpointBodyLimits;
import dev.bulwark.validation.RequestText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first thing every request meets, and the one place where the request-level checklist runs in order:
 * <ol>
 * <li>correlation id (request attribute and response header);</li>
 * <li>transport: the client address and whether the request arrived over TLS (trusted proxies only);</li>
 * <li>method hygiene: unknown and unsafe methods get 405, method-override headers are removed or applied;</li>
 * <li>HTTPS only: plain HTTP is refused (or, for configured browser paths, redirected);</li>
 * <li>CORS: preflights are answered or refused here, allowed cross-origin requests get their headers;</li>
 * <li>input: only RFC 3986 characters in the path and query, valid UTF-8 and no control or bidi characters once
 * decoded, none in the checked headers; the body within the limit of the endpoint it goes to (Content-Length up
 * front, chunked bodies while they stream) and in a Content-Encoding the server decodes;</li>
 * <li>the application, behind a response wrapper that writes the security headers when the response commits
 * and turns every non-problem error response (the container's included) into the generic problem.</li>
 * </ol>
 */
final class BulwarkFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient CorrelationIds correlationIds;
    private final String correlationHeader;
    private final transient ProblemFactory problems;
    private final transient ErrorLog errorLog;
    private final transient ExceptionClassifier classifier = new ExceptionClassifier();
    private final transient ClientAddressResolver clients;
    private final transient MethodPolicy methods;
    private final transient TransportPolicy transport;
    private final transient CorsPolicy cors;
    private final transient SecurityHeaders headers;
    private final transient RequestText requestText;
    private final List<String> checkedHeaders;
    private final transient ContentCodings codings;
    private final transient EndpointBodyLimits bodyLimits;

    /** @param bodyLimits the body limit of each endpoint (JAX-RS checks each matched method's limit again) */
    BulwarkFilter(BulwarkConfig config, EndpointBodyLimits bodyLimits) {
        this.correlationIds = new CorrelationIds(config.correlation().trustIncoming(), CorrelationIds.secureRandomIds());
        this.correlationHeader = config.correlation().header();
        this.problems = new ProblemFactory(config.errors().typeBase());
        this.errorLog = new ErrorLog(config.errors().clientLogLevel().level());
        this.clients = new ClientAddressResolver(config.transport().trustedProxies());
        this.methods = new MethodPolicy(config.methods());
        this.transport = new TransportPolicy(config.transport());
        this.cors = new CorsPolicy(config.cors());
        this.headers = new SecurityHeaders(config.headers());
        this.requestText = new RequestText(config.validation().rejectControlCharacters(),
                config.validation().rejectBidiControls());
        this.checkedHeaders = config.validation().checkedHeaders();
        this.codings = new ContentCodings(config.validation().contentEncodings());
        this.bodyLimits = bodyLimits;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String correlationId = correlationIds.resolve(request.getHeader("traceparent"),
                request.getHeader(correlationHeader));
        request.setAttribute(RequestCorrelation.ATTRIBUTE, correlationId);
        response.setHeader(correlationHeader, correlationId);

        ClientAddressResolver.Origin origin = clients.resolve(request.getRemoteAddr(), request.isSecure(),
                list(request, "Forwarded"), list(request, "X-Forwarded-For"), list(request, "X-Forwarded-Proto"));
        request.setAttribute(TransportAttributes.CLIENT_ADDRESS, origin.clientAddress());
        request.setAttribute(TransportAttributes.SECURE, origin.secure());
        Exchange exchange = new Exchange(request, response, correlationId, origin.secure());

        HttpServletRequest effective = admit(request, response, exchange, origin.secure());
        if (effective == null) {
            return;
        }

        ProblemCapturingResponse captured = new ProblemCapturingResponse(response,
                status -> exchange.securityHeaders(status >= 400, status == 403));
        Throwable failure = null;
        try {
            chain.doFilter(effective, captured);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
        }
        if (request.isAsyncStarted()) {
            captured.passThrough();
            if (failure == null) {
                return;
            }
        }
        if (failure == null && !captured.needsProblem()) {
            if (!response.isCommitted()) {
                captured.beforeCommit();
            }
            return;
        }
        exchange.failed(captured, failure);
    }

    /**
     * Steps 3 to 6: method hygiene, HTTPS only, CORS, input. Returns the request the application gets (with the
     * effective method and a counted body), or null when the request was answered here.
     */
    private HttpServletRequest admit(HttpServletRequest request, HttpServletResponse response, Exchange exchange,
                                     boolean secure) throws IOException {
        MethodPolicy.Decision method = methods.decide(request.getMethod(), overrideHeader(request));
        if (!method.allowed()) {
            exchange.reject(ProblemKind.METHOD_NOT_ALLOWED, 405, "method not allowed: " + method.effectiveMethod(),
                    List.of(new HeaderValue("Allow", methods.allowHeader())), List.of());
            return null;
        }

        TransportPolicy.Decision tls = transport.decide(secure, method.effectiveMethod(), pathOf(request),
                request.getServerName(), request.getRequestURI(), request.getQueryString());
        if (tls.action() == TransportPolicy.Action.REDIRECT) {
            exchange.securityHeaders(false, false);
            response.setStatus(308);
            response.setHeader("Location", tls.location());
            return null;
        }
        if (tls.action() == TransportPolicy.Action.REFUSE) {
            exchange.reject(ProblemKind.HTTPS_REQUIRED, 403, "plain HTTP refused", List.of(), List.of());
            return null;
        }

        CorsPolicy.Decision corsDecision = cors.decide(method.effectiveMethod(), request.getHeader("Origin"),
                request.getHeader("Access-Control-Request-Method"), request.getHeader("Access-Control-Request-Headers"));
        for (HeaderValue h : corsDecision.headers()) {
            response.setHeader(h.name(), h.value());
        }
        if (corsDecision.kind() == CorsPolicy.Kind.PREFLIGHT_REFUSED) {
            exchange.reject(ProblemKind.CORS_REFUSED, 403, "CORS preflight refused", List.of(), List.of());
            return null;
        }
        if (corsDecision.kind() == CorsPolicy.Kind.PREFLIGHT_ALLOWED) {
            exchange.securityHeaders(false, false);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }

        Optional<Problem.FieldError> badText = checkText(request);
        if (badText.isPresent()) {
            exchange.reject(ProblemKind.VALIDATION, 400, "request text refused: " + badText.get().in() + " "
                    + badText.get().field() + " " + badText.get().message(), List.of(), List.of(badText.get()));
            return null;
        }
        long length = request.getContentLengthLong();
        boolean body = length > 0 || request.getHeader("Transfer-Encoding") != null;
        long limit = body ? bodyLimits.limitFor(method.effectiveMethod(), request.getRequestURI())
                : bodyLimits.configured();
        if (length > limit) {
            exchange.reject(ProblemKind.PAYLOAD_TOO_LARGE, 413, "Content-Length " + length + " over " + limit,
                    List.of(), List.of());
            return null;
        }
        if (body && !codings.accepts(list(request, "Content-Encoding"))) {
            exchange.reject(ProblemKind.UNSUPPORTED_MEDIA_TYPE, 415, "Content-Encoding not decoded by the server",
                    List.of(new HeaderValue("Accept-Encoding", codings.acceptEncoding())), List.of());
            return null;
        }
        if (body && LimitedBodyRequest.isUrlEncodedForm(request.getContentType())) {
            // The container parses forms itself, past any counter: only a checked Content-Length, unencoded.
            if (length < 0) {
                exchange.reject(ProblemKind.LENGTH_REQUIRED, 411, "chunked form body", List.of(), List.of());
                return null;
            }
            if (LimitedBodyRequest.encoded(request.getHeader("Content-Encoding"))) {
                exchange.reject(ProblemKind.UNSUPPORTED_MEDIA_TYPE, 415, "content-encoded form body",
                        List.of(new HeaderValue("Accept-Encoding", "identity")), List.of());
                return null;
            }
        }
        HttpServletRequest effective = needsWrapper(request, method)
                ? new EffectiveMethodRequest(request, method.effectiveMethod()) : request;
        return length != 0 ? new LimitedBodyRequest(effective, limit) : effective;
    }

    /** One request's response side: security headers and the problem paths, with everything they need. */
    private final class Exchange {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final String correlationId;
        private final boolean secure;

        Exchange(HttpServletRequest request, HttpServletResponse response, String correlationId, boolean secure) {
            this.request = request;
            this.response = response;
            this.correlationId = correlationId;
            this.secure = secure;
        }

        /**
         * @param problem       an error response (no-store whatever the application set)
         * @param authorization a 403 from the application or container: with a bearer token it gets RFC 6750's
         *                      {@code WWW-Authenticate: Bearer error="insufficient_scope"}
         */
        void securityHeaders(boolean problem, boolean authorization) {
            String credentials = request.getHeader("Authorization");
            boolean authenticated = credentials != null || request.getUserPrincipal() != null;
            if (authorization && credentials != null && credentials.regionMatches(true, 0, "Bearer ", 0, 7)
                    && !response.containsHeader("WWW-Authenticate")) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
            }
            Object suppressed = request.getAttribute(TransportAttributes.SUPPRESSED_HEADERS);
            @SuppressWarnings("unchecked")
            Set<String> off = suppressed instanceof Set<?> set ? (Set<String>) set : Collections.emptySet();
            for (HeaderValue h : headers.select(new SecurityHeaders.Exchange(secure, authenticated, problem),
                    response::containsHeader, off)) {
                response.setHeader(h.name(), h.value());
            }
            if (problem && headers.problemCacheControl() != null) {
                response.setHeader("Cache-Control", headers.problemCacheControl());
            }
        }

        /** Refuses the request before the application sees it. */
        void reject(ProblemKind kind, int status, String reason, List<HeaderValue> extra,
                    List<Problem.FieldError> errors) throws IOException {
            errorLog.clientError(correlationId, status, describe(), reason);
            for (HeaderValue h : extra) {
                response.setHeader(h.name(), h.value());
            }
            send(problems.create(kind, status, correlationId, errors), false, false);
        }

        /** The application failed or produced a non-problem error: send the generic problem instead. */
        void failed(ProblemCapturingResponse captured, Throwable failure) throws IOException {
            Classification c = failure != null ? classifier.classifyEscaped(failure) : null;
            int status = c != null ? c.status() : captured.status();
            if (response.isCommitted()) {
                // Too late to replace anything; the exception is still logged once with its correlation id.
                if (failure != null) {
                    errorLog.serverError(correlationId, status, describe() + " (response already committed)", failure);
                }
                return;
            }
            if (status >= 500) {
                errorLog.serverError(correlationId, status, describe(), failure);
            } else {
                errorLog.clientError(correlationId, status, describe(), failure != null ? failure.toString()
                        : "error response from the container or application");
            }
            if (c != null) {
                // the protocol headers of the refusal (Allow, WWW-Authenticate, Retry-After, Accept-Encoding)
                c.keptHeaders().forEach((name, values) -> {
                    if (!response.containsHeader(name)) {
                        values.forEach(v -> response.addHeader(name, v.toString()));
                    }
                });
            }
            Problem problem = c != null ? problems.create(c.kind(), c.status(), correlationId, c.fieldErrors())
                    : problems.forStatus(status, correlationId);
            send(problem, captured.realWriterTaken(), status == 403);
        }

        private void send(Problem problem, boolean useWriter, boolean authorizationDenial) throws IOException {
            response.setHeader(correlationHeader, correlationId);
            securityHeaders(true, authorizationDenial);
            ProblemWriter.write(response, problem, useWriter);
        }

        private String describe() {
            return ErrorLog.describe(request.getMethod(), request.getRequestURI());
        }
    }

    private Optional<Problem.FieldError> checkText(HttpServletRequest request) {
        Optional<Problem.FieldError> bad = requestText.checkPath(request.getRequestURI());
        if (bad.isEmpty()) {
            bad = requestText.checkQuery(request.getQueryString());
        }
        for (int i = 0; i < checkedHeaders.size() && bad.isEmpty(); i++) {
            var values = request.getHeaders(checkedHeaders.get(i));
            while (values != null && values.hasMoreElements() && bad.isEmpty()) {
                bad = requestText.checkHeader(checkedHeaders.get(i), values.nextElement());
            }
        }
        return bad;
    }

    private String overrideHeader(HttpServletRequest request) {
        for (String name : MethodPolicy.OVERRIDE_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean needsWrapper(HttpServletRequest request, MethodPolicy.Decision method) {
        if (!method.effectiveMethod().equals(request.getMethod())) {
            return true;
        }
        for (String name : MethodPolicy.OVERRIDE_HEADERS) {
            if (request.getHeader(name) != null) {
                return true;
            }
        }
        return false;
    }

    private static List<String> list(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
