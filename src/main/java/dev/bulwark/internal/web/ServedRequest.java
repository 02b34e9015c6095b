package dev.bulwark.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The request every served request reaches the application as (under any wrapper a later step adds, such as the
 * API key caller's). It closes two ways around the filter:
 * <ul>
 *   <li>{@code startAsync()} without arguments would hand the application the container's own request and
 *   response, and a servlet writing through {@code AsyncContext.getResponse()} would send a response none of
 *   Bulwark's response controls saw (no security headers, no redirect rewriting). Here it starts the
 *   asynchronous cycle with the request and response the filter passed on. The context the application gets
 *   (from {@code startAsync}, with or without its own objects around Bulwark's response, from
 *   {@code getAsyncContext}, and in every {@code AsyncEvent} its listeners receive) runs the commit hook before
 *   {@code complete()} lets the container commit a response with no body.</li>
 *   <li>{@code authenticate(response)}, when bearer tokens are in use: the caller the container authenticates
 *   later passes the whole token policy, or is logged out again ({@link BearerAuthentication#authenticatedLater}).</li>
 * </ul>
 */
final class ServedRequest extends HttpServletRequestWrapper {

    private final BearerAuthentication bearer;
    /** The request the application was given (this one, or a wrapper of it) and the response it writes to. */
    private HttpServletRequest outermost;
    private ProblemCapturingResponse response;
    /** The context {@link #startAsync()} made; read on whichever thread asks for it. */
    private volatile ServedAsyncContext async;
    /** The thread Bulwark's filter serves the request on. */
    private Thread filterThread;
    /** True from {@link #serve} until {@link #filterDone}: Bulwark's filter still works on the request's thread. */
    private boolean inFilter;
    /** An asynchronous dispatch asked for while {@link #inFilter}, or null. */
    private Runnable pendingDispatch;
    /** A completion asked for on another thread while {@link #inFilter}, or null. */
    private Runnable pendingCompletion;

    /**
     * @param request the request so far
     * @param bearer  checks a caller authenticated at the application's request, or null when tokens are not in use
     */
    ServedRequest(HttpServletRequest request, BearerAuthentication bearer) {
        super(request);
        this.bearer = bearer;
    }

    /** Before the chain runs: what the application gets, so that an asynchronous cycle keeps exactly that. */
    void serve(HttpServletRequest given, ProblemCapturingResponse captured) {
        this.outermost = given;
        this.response = captured;
        this.filterThread = Thread.currentThread();
        this.inFilter = true;
    }

    /**
     * Completes the cycle, or, asked on another thread while Bulwark's filter still finishes the request, once it is
     * done (for the reason {@link #dispatchWhenFilterDone} gives). On the request's own thread it goes at once: the
     * container defers it itself, and the filter then answers the response as a synchronous one.
     */
    void completeWhenFilterDone(Runnable completion) {
        synchronized (this) {
            if (inFilter && Thread.currentThread() != filterThread) {
                pendingCompletion = completion;
                return;
            }
        }
        completion.run();
    }

    /**
     * Runs an asynchronous dispatch once Bulwark's filter is done with the request. The Servlet API defers a dispatch
     * asked for before the container's own dispatch returned; Payara let one from another thread start while the
     * filter was still finishing (an outside review and the parallel dispatches of HeadersIT saw the body twice), so
     * Bulwark holds it until the filter returns, on the request's thread, as a servlet's own dispatch in
     * {@code doGet} would be.
     */
    void dispatchWhenFilterDone(Runnable dispatch) {
        synchronized (this) {
            if (inFilter) {
                if (pendingDispatch != null) {
                    throw new IllegalStateException("the asynchronous cycle was dispatched already");
                }
                pendingDispatch = dispatch;
                return;
            }
        }
        dispatch.run();
    }

    /** Bulwark's filter is done: a dispatch or completion held meanwhile goes now. */
    void filterDone() {
        Runnable dispatch;
        Runnable completion;
        synchronized (this) {
            inFilter = false;
            dispatch = pendingDispatch;
            pendingDispatch = null;
            completion = pendingCompletion;
            pendingCompletion = null;
        }
        if (dispatch != null) {
            dispatch.run();
        } else if (completion != null) {
            completion.run();
        }
    }

    @Override
    public AsyncContext startAsync() {
        if (response == null) {
            return super.startAsync();
        }
        return served(super.startAsync(outermost, response));
    }

    /**
     * With the application's own objects: when its response is Bulwark's (or wraps it), the cycle is one Bulwark
     * sees through to its completion, as with {@link #startAsync()}.
     */
    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse given) {
        AsyncContext container = super.startAsync(request, given);
        return response != null && (given == response
                || given instanceof ServletResponseWrapper w && w.isWrapperFor(response)) ? served(container) : container;
    }

    /**
     * The application's view of the container's asynchronous context: one {@link ServedAsyncContext} per cycle, the
     * same object whoever asks (the servlet, the request, an {@link jakarta.servlet.AsyncEvent} a listener gets).
     */
    ServedAsyncContext served(AsyncContext container) {
        synchronized (this) {
            ServedAsyncContext context = async;
            if (context == null || !context.wraps(container)) {
                context = new ServedAsyncContext(container, response, this);
                async = context;
            }
            return context;
        }
    }

    /** True once the filter handed this request to the application with Bulwark's response. */
    boolean isServing() {
        return response != null;
    }

    /** The served context of the container's, or the container's when this request served none for it. */
    AsyncContext servedOrAsIs(AsyncContext container) {
        ServedAsyncContext context = async;
        return context != null && context.wraps(container) ? context : container;
    }

    @Override
    public AsyncContext getAsyncContext() {
        return servedOrAsIs(super.getAsyncContext());
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        if (!super.authenticate(response)) {
            return false;
        }
        return bearer == null || bearer.authenticatedLater(this, response);
    }
}
