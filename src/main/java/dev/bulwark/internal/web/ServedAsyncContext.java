package dev.bulwark.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The asynchronous cycle {@link ServedRequest#startAsync()} began, as the application sees it: the container's,
 * except that {@link #complete()} first runs the commit hook, so that a response completed without a body (a 204,
 * a bare status) still goes out with the security headers. A response with a body ran the hook at its first byte.
 */
final class ServedAsyncContext implements AsyncContext {

    private final AsyncContext container;
    private final ProblemCapturingResponse response;

    ServedAsyncContext(AsyncContext container, ProblemCapturingResponse response) {
        this.container = container;
        this.response = response;
    }

    boolean wraps(AsyncContext context) {
        return context == container;
    }

    @Override
    public void complete() {
        response.beforeComplete();
        container.complete();
    }

    @Override
    public ServletRequest getRequest() {
        return container.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return container.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        // false: the cycle holds the wrappers the filters up to Bulwark's added, which must not be released
        return container.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        container.dispatch();
    }

    @Override
    public void dispatch(String path) {
        container.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        container.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
        container.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        container.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        container.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return container.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        container.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return container.getTimeout();
    }
}
