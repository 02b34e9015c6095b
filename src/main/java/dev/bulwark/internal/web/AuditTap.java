package dev.bulwark.internal.web;

import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.AuditLog;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;

/**
 * Where a request ends in the servlet filter: hands its {@link AuditEvent} to the audit log, once per request
 * (whichever answered it: a guard, the bearer step, JAX-RS, the application, the container's error page), after an
 * asynchronous response completes. On the request thread only references are gathered; the log's writer thread
 * formats them.
 */
final class AuditTap {

    /** The request's event was handed over (or will be, when its asynchronous response completes). */
    static final RequestState.Key<Boolean> DONE = RequestState.Key.of("audited", Boolean.class);

    private final AuditLog log;
    private final Clock clock;

    AuditTap(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * The filter is done with the request.
     *
     * @param errorDispatch the container's error dispatch: audited only when the request's own dispatch was not
     *                      (the container refused it before the filter)
     */
    void end(BulwarkFilter.Exchange exchange, long start, boolean errorDispatch) {
        RequestState state = exchange.state;
        if (state.has(DONE)) {
            return;
        }
        state.put(DONE, Boolean.TRUE);
        HttpServletRequest request = exchange.request;
        if (errorDispatch && !state.has(Refusal.KEY) && exchange.response.getStatus() >= 400) {
            state.put(Refusal.KEY, new Refusal(Refusal.CONTAINER,
                    Refusal.kind(ProblemKind.forStatus(exchange.response.getStatus())),
                    "refused by the container before the application"));
        }
        if (!errorDispatch && request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(new Completion(exchange, start));
                return;
            } catch (IllegalStateException completedMeanwhile) {
                // the asynchronous response is already done: its event now
            }
        }
        emit(exchange, start, errorDispatch);
    }

    private void emit(BulwarkFilter.Exchange exchange, long start, boolean errorDispatch) {
        int status = exchange.response.getStatus();
        HttpServletRequest request = exchange.request;
        RequestState state = exchange.state;
        RawToken token = state.get(TokenGate.VERIFIED);
        String principal = null;
        java.util.List<dev.bulwark.internal.observe.Observation> observed = Observations.of(state);
        if (status < 400 && !log.everyRequest() && observed.isEmpty()) {
            if (!log.callerSuccesses()) {
                return; // only the refusal counters listen: nothing to hand over for a success
            }
            if (token == null) {
                principal = principal(exchange);
                if (principal == null) {
                    return; // an anonymous success: no detector counts it
                }
            }
        }
        long bytesOut = exchange.problemBytes >= 0 ? exchange.problemBytes
                : exchange.captured != null ? exchange.captured.bytesWritten() : 0;
        String path = errorDispatch && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri : request.getRequestURI();
        RequestState.Route route = state.get(RequestState.ROUTE);
        log.record(new AuditEvent(clock.millis(), System.nanoTime() - start, request.getMethod(),
                route == null ? null : route.template(), route != null && route.ownedObject(), path, status, request.getContentLengthLong(),
                bytesOut, exchange.clientAddress, token == null ? null : token.claims(),
                token != null ? null : principal != null ? principal : principal(exchange), request.getHeader("User-Agent"), exchange.correlationId,
                request.getHeader("traceparent"), state.get(Refusal.KEY), observed,
                route == null ? null : route.roles(), items(state)));
    }

    /** The items of the JSON entity Bulwark wrote, or -1. */
    private static long items(RequestState state) {
        Integer items = state.get(RequestState.RESPONSE_ITEMS);
        return items == null ? -1 : items;
    }

    private static String principal(BulwarkFilter.Exchange exchange) {
        try {
            Principal p = exchange.principal(); // asked of the container once per request
            return p == null ? null : p.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The refusal of an error response the filter turns into the generic problem: the refusal a Bulwark check threw
     * (a body limit while the body was read, a bean interceptor), the egress check's, else the application's.
     */
    static Refusal refusalOf(Throwable failure, int status, boolean egressRefused) {
        ProblemException problem = ProblemException.in(failure);
        if (problem != null) {
            return Refusal.of(problem);
        }
        if (egressRefused) {
            return new Refusal("egress", Refusal.kind(ProblemKind.INTERNAL), "the egress check refused the response");
        }
        return new Refusal(Refusal.APPLICATION, Refusal.kind(ProblemKind.forStatus(status)), failure != null
                ? "unhandled " + failure.getClass().getName() : "error status " + status + " from the application");
    }

    /** The event of an asynchronous response, once it completes. */
    private final class Completion implements AsyncListener {
        private final BulwarkFilter.Exchange exchange;
        private final long start;

        Completion(BulwarkFilter.Exchange exchange, long start) {
            this.exchange = exchange;
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            exchange.askPrincipalAgain(); // asked now, not as the response committed
            emit(exchange, start, false);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
