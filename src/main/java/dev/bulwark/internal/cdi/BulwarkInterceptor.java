package dev.bulwark.internal.cdi;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.auth.TokenRejected;
import dev.bulwark.internal.authz.BeanAccess;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What Bulwark's bean interceptors share: the deployment's extension (its endpoint model and shared parts), the
 * request a bean method is called for (through the extension's one request proxy), and the caller's token (the
 * container's principal of that request). The extension is the one injection: a request-scoped resource's
 * interceptors are made on every request, and each injection costs the container work then. It is injected as
 * {@link BulwarkExtension.Direct}, a {@code @Singleton} holder of the instance: the container's client proxy for
 * the extension would look the instance up on every call (a JAX-RS dispatch asks it three times).
 */
abstract class BulwarkInterceptor {

    /** The extension itself, not the container's client proxy for it (which looks the instance up on every call). */
    BulwarkExtension extension;

    @Inject
    void useExtension(BulwarkExtension.Direct injected) {
        this.extension = injected.extension();
    }

    /** Context data key: this invocation is a call JAX-RS makes (decided once, for every Bulwark interceptor). */
    private static final String JAXRS_CALL = "dev.bulwark.jaxrsCall";

    /**
     * The policy of the intercepted method, or null for a call the JAX-RS filters guard: the one call of the
     * resource method JAX-RS dispatches the request to, a sub-resource locator it calls while matching, or a
     * property setter through which it injects a request value. Every
     * other call, a resource class's method called as a bean from anywhere included, gets the method's policy. The
     * decision is made once per invocation and shared by Bulwark's interceptors through its context data.
     * With {@code bulwark.enabled=false} there is none for any call: no Bulwark control protects the application,
     * and nothing is there to answer a refusal (no filter, no exception mapper).
     */
    EndpointPolicy policy(InvocationContext invocation) {
        if (!extension.config().enabled()) {
            return null;
        }
        Object decided = invocation.getContextData().get(JAXRS_CALL);
        if (decided == null) {
            decided = jaxrsCall(invocation);
            invocation.getContextData().put(JAXRS_CALL, decided);
        }
        return Boolean.TRUE.equals(decided) ? null : extension.beanPolicy(invocation);
    }

    private boolean jaxrsCall(InvocationContext invocation) {
        if (extension.isInjectionSetter(invocation.getMethod())) {
            return true; // the runtime hands the resource a request value; not a business call
        }
        RequestState state = requestState();
        if (state == null) {
            return false;
        }
        Object target = invocation.getTarget();
        Method method = invocation.getMethod();
        Class<?> type = target == null ? method.getDeclaringClass() : target.getClass();
        if (Boolean.TRUE.equals(state.get(RequestState.MATCHING))) {
            return extension.isLocator(type, method);
        }
        return state.takeDispatch(type, method);
    }

    /**
     * The state of the request being served on this thread, or null outside a request or before Bulwark's filter:
     * one call through the request proxy (outside a request the built-in bean throws, and that is the answer).
     */
    private RequestState requestState() {
        RequestState served = extension.servedRequests().current();
        if (served != null) {
            return served; // inside the servlet filter on this thread: no lookup through the request proxy
        }
        try {
            HttpServletRequest request = extension.currentRequest();
            return request == null ? null : RequestState.from(request::getAttribute);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A bean step's check, which refuses by throwing Bulwark's problem. */
    @FunctionalInterface
    interface Check {
        void run() throws ProblemException;
    }

    /**
     * Runs a step's check. When its phase only observes ({@code bulwark.observe}), a refusal is recorded in the
     * request's state instead (outside a request, nowhere) and the call goes on; a refusal for want of a caller
     * (401) is authentication and is thrown all the same.
     */
    void enforce(Phase phase, Check check) {
        if (!extension.config().observe().observes(phase)) {
            check.run();
            return;
        }
        try {
            check.run();
        } catch (ProblemException refusal) {
            if (refusal.kind() == ProblemKind.UNAUTHORIZED) {
                throw refusal;
            }
            HttpServletRequest request = request();
            RequestState state = request == null ? null : RequestState.from(request::getAttribute);
            if (request != null && !Observations.knownCaller(request.getUserPrincipal(), state)) {
                // no caller at all: only a known caller's access is observed (an API key's caller is known to
                // Bulwark's request state even where the server's CDI request shows no principal for it)
                throw refusal;
            }
            if (state == null) {
                // no request (a timer, a message): no access event to carry it, so the log does
                java.util.logging.Logger.getLogger("dev.bulwark").warning("Bulwark observe: " + phase
                        + " would refuse a call outside an HTTP request (" + refusal.kind().label() + "): "
                        + dev.bulwark.internal.logging.SafeLog.printable(refusal.getMessage(), 300));
            }
            Observations.record(state, phase, refusal.kind().label(), refusal.getMessage());
        }
    }

    /** The HTTP request being served on this thread, or null outside a request. */
    HttpServletRequest request() {
        try {
            HttpServletRequest request = extension.currentRequest();
            if (request == null) {
                return null;
            }
            request.getMethod(); // outside a request the built-in bean cannot be used
            return request;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The caller of the current request for an access decision (nobody outside a request). */
    BeanAccess.Caller caller() {
        HttpServletRequest request = request();
        if (request == null) {
            return new BeanAccess.Caller(null, null, role -> false, false);
        }
        RawToken token = TokenGate.verifiedToken(request::getAttribute);
        return new BeanAccess.Caller(token == null ? null : token.claims(), request.getUserPrincipal(),
                request::isUserInRole, request.getHeader("Authorization") != null);
    }

    /**
     * The caller's token once it passed the whole token policy (interceptors cannot see the request the servlet
     * filter checked: the container's token gets every check here), the caller of a verified API key, or null when
     * the caller has neither.
     *
     * @throws TokenRejected when the caller's token breaks the policy
     */
    RawToken token() throws TokenRejected {
        HttpServletRequest request = request();
        String raw;
        try {
            raw = request != null && request.getUserPrincipal() instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
        } catch (RuntimeException e) {
            raw = null; // the request ended: no token
        }
        if (raw == null) {
            // no token principal: the caller of an API key the servlet filter verified, if any
            RawToken verified = request == null ? null : TokenGate.verifiedToken(request::getAttribute);
            return dev.bulwark.internal.apikeys.ApiKeys.isKeyCaller(verified) ? verified : null;
        }
        TokenGate gate = extension.tokenGate();
        if (gate == null) {
            throw new TokenRejected("a token-authenticated caller while Bulwark's token policy is not configured");
        }
        return gate.check(raw);
    }
}
