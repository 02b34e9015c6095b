package dev.bulwark.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
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
 *   asynchronous cycle with the request and response the filter passed on, and its context runs the commit hook
 *   before {@code complete()} lets the container commit a response with no body.</li>
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
    }

    @Override
    public AsyncContext startAsync() {
        if (response == null) {
            return super.startAsync();
        }
        ServedAsyncContext context = new ServedAsyncContext(super.startAsync(outermost, response), response);
        async = context;
        return context;
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext container = super.getAsyncContext();
        ServedAsyncContext context = async;
        // the same cycle as startAsync() began (a later startAsync with the application's own objects is another)
        return context != null && context.wraps(container) ? context : container;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        if (!super.authenticate(response)) {
            return false;
        }
        return bearer == null || bearer.authenticatedLater(this, response);
    }
}
