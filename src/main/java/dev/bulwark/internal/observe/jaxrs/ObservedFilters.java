package dev.bulwark.internal.observe.jaxrs;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.observe.ObservedControl;
import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.ratelimit.RefusalBudget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Observe mode for the JAX-RS layer: a request filter of an observed {@link Phase} is registered inside a wrapper
 * that runs it as usual and, when it refuses, records the would-refusal ({@link Observations}) and lets the request
 * go on, its body as it came (what the filter read of it is replayed, then the rest), charged to no refusal budget
 * (the mark a check leaves for one, such as the ownership check's, is taken back). A refusal for want of any caller
 * (401) is authentication, never observed; nor is a body that could not be read.
 */
public final class ObservedFilters {

    private ObservedFilters() {
    }

    /** The provider to register at {@code phase} in observe mode: a request filter wrapped, anything else as is. */
    public static Object wrap(Object provider, Phase phase) {
        if (!(provider instanceof ContainerRequestFilter filter)) {
            return provider;
        }
        Request wrapper = wrapper(filter, phase);
        if (filter instanceof ServletUser user) {
            user.servlet(wrapper::request, wrapper::response);
        }
        return wrapper;
    }

    /**
     * The wrapper of one phase: a class of its own per phase, because a JAX-RS runtime registers one provider per
     * class for a method and ignores the next of the same class (RESTEasy: "already registered"), so that one shared
     * wrapper class would keep only the first observed check of an endpoint (its roles, and never its ownership).
     */
    static Request wrapper(ContainerRequestFilter filter, Phase phase) {
        Request wrapper = switch (phase) {
            case DENY -> new Deny(filter);
            case ROLES -> new Roles(filter);
            case SCOPES -> new Scopes(filter);
            case JSON_BODY -> new JsonBody(filter);
            case OPENAPI -> new OpenApi(filter);
            case OWNERSHIP -> new Ownership(filter);
            case RATE_LIMIT -> new RateLimit(filter);
            default -> throw new IllegalArgumentException("no observed JAX-RS step for phase " + phase);
        };
        if ((filter instanceof ContainerResponseFilter) != (wrapper instanceof ContainerResponseFilter)) {
            throw new IllegalStateException("the observed " + phase + " wrapper does not match "
                    + filter.getClass().getName() + " (request and response filter, or request filter only)");
        }
        return wrapper;
    }

    /** Deny by default and {@code @DenyAll}. */
    static final class Deny extends Request {
        Deny(ContainerRequestFilter filter) {
            super(filter, Phase.DENY);
        }
    }

    /** Roles. */
    static final class Roles extends Request {
        Roles(ContainerRequestFilter filter) {
            super(filter, Phase.ROLES);
        }
    }

    /** Scopes. */
    static final class Scopes extends Request {
        Scopes(ContainerRequestFilter filter) {
            super(filter, Phase.SCOPES);
        }
    }

    /** The JSON body. */
    static final class JsonBody extends Request {
        JsonBody(ContainerRequestFilter filter) {
            super(filter, Phase.JSON_BODY);
        }
    }

    /** The request against the OpenAPI document. */
    static final class OpenApi extends Request {
        OpenApi(ContainerRequestFilter filter) {
            super(filter, Phase.OPENAPI);
        }
    }

    /** Object ownership. */
    static final class Ownership extends Request {
        Ownership(ContainerRequestFilter filter) {
            super(filter, Phase.OWNERSHIP);
        }
    }

    /** The rate limit: a request filter that also writes the fields of a passed request. */
    static final class RateLimit extends Request implements ContainerResponseFilter {
        RateLimit(ContainerRequestFilter filter) {
            super(filter, Phase.RATE_LIMIT);
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext context) throws IOException {
            ((ContainerResponseFilter) filter).filter(request, context);
        }
    }

    /** A filter that needs the servlet request and response, which JAX-RS injects into the provider it registers. */
    public interface ServletUser {
        /** Hands the filter the wrapper's injected request and response (read on each call). */
        void servlet(java.util.function.Supplier<HttpServletRequest> request,
                     java.util.function.Supplier<HttpServletResponse> response);
    }

    /** An observed request filter. */
    abstract static class Request implements ContainerRequestFilter {
        final ContainerRequestFilter filter;
        private final Phase phase;

        @Context
        private HttpServletRequest request;

        @Context
        private HttpServletResponse response;

        Request(ContainerRequestFilter filter, Phase phase) {
            this.filter = filter;
            this.phase = phase;
        }

        private HttpServletRequest request() {
            return request;
        }

        private HttpServletResponse response() {
            return response;
        }

        @Override
        public void filter(ContainerRequestContext context) throws IOException {
            Recording body = context.hasEntity() ? new Recording(context.getEntityStream()) : null;
            if (body != null) {
                context.setEntityStream(body);
            }
            RequestState state = RequestState.ensure(context::getProperty, context::setProperty);
            boolean refusedBefore = state.has(RefusalBudget.REFUSED);
            try {
                filter.filter(context);
                if (body != null && context.getEntityStream() == body) {
                    // passed without taking the body over: the application reads the rest unrecorded
                    context.setEntityStream(body.replay());
                }
            } catch (IOException | RuntimeException e) {
                ProblemException refusal = ProblemException.in(e);
                if (refusal == null || refusal.kind() == ProblemKind.UNAUTHORIZED
                        || refusal.kind() == ProblemKind.UNREADABLE_BODY || anonymousAccess(phase, context)) {
                    throw e;
                }
                if (!refusedBefore) {
                    // the refusal did not happen: the answer (the application's own 404 included) is charged to no
                    // refusal budget on its account
                    state.put(RefusalBudget.REFUSED, null);
                }
                Observations.record(state, phase, refusal.kind().label(), refusal.getMessage());
                if (body != null) {
                    context.setEntityStream(body.replay());
                }
            }
        }
    }

    /**
     * An access decision (deny, roles, scopes, ownership) about a request with no caller at all: enforced, as
     * authentication is. Observe mode shows what enforcement would refuse to the callers it knows; it never opens
     * {@code @DenyAll} or an undecided endpoint to anonymous requests.
     */
    private static boolean anonymousAccess(Phase phase, ContainerRequestContext context) {
        return ObservedControl.of(phase) == ObservedControl.AUTHORIZATION && !Observations.knownCaller(
                context.getSecurityContext() == null ? null : context.getSecurityContext().getUserPrincipal(),
                RequestState.from(context::getProperty));
    }

    /** The request body as the wrapped filter reads it, keeping a copy of what it read for the replay. */
    static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int r = read(skipped, 0, skipped.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** The body as it came: what was read, then the rest. */
        InputStream replay() {
            return new SequenceInputStream(new ByteArrayInputStream(read.toByteArray()), in);
        }
    }
}
