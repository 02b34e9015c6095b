package dev.bulwark.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * The asynchronous cycle {@link ServedRequest#startAsync()} began, as the application sees it: the container's,
 * except that {@link #complete()} first runs the commit hook, so that a response completed without a body (a 204,
 * a bare status) still goes out with the security headers, and that the listeners added here get their events
 * with this context in them (so that a listener completing the cycle does the same). A response with a body ran
 * the hook at its first byte. A dispatch asked for while Bulwark's filter still works on the request, or a completion
 * asked for on another thread meanwhile, goes when it is done ({@link ServedRequest#dispatchWhenFilterDone}).
 */
final class ServedAsyncContext implements AsyncContext {

    private final AsyncContext container;
    private final ProblemCapturingResponse response;
    private final ServedRequest request;

    ServedAsyncContext(AsyncContext container, ProblemCapturingResponse response, ServedRequest request) {
        this.container = container;
        this.response = response;
        this.request = request;
    }

    boolean wraps(AsyncContext context) {
        return context == container;
    }

    @Override
    public void complete() {
        request.completeWhenFilterDone(() -> {
            response.beforeComplete();
            container.complete();
        });
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
        request.dispatchWhenFilterDone(container::dispatch);
    }

    @Override
    public void dispatch(String path) {
        request.dispatchWhenFilterDone(() -> container.dispatch(path));
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        request.dispatchWhenFilterDone(() -> container.dispatch(context, path));
    }

    @Override
    public void start(Runnable run) {
        container.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        container.addListener(new Relay(listener));
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest supplied, ServletResponse suppliedResponse) {
        container.addListener(new Relay(listener), supplied, suppliedResponse);
    }

    /**
     * Hands the application's listener its events with the served context in them: a long poll answered in
     * {@code onTimeout} through {@code event.getAsyncContext().complete()} gets the commit hook like any other, and
     * {@code event.getAsyncContext()} is the very context {@code startAsync} returned (registries of waiting
     * clients remove it by identity).
     */
    /** The event as it is, or with another context in it. */
    private static AsyncEvent with(AsyncEvent event, AsyncContext context) {
        return context == event.getAsyncContext() ? event : new AsyncEvent(context, event.getSuppliedRequest(),
                event.getSuppliedResponse(), event.getThrowable());
    }

    private final class Relay implements AsyncListener {

        private final AsyncListener listener;

        Relay(AsyncListener listener) {
            this.listener = listener;
        }

        private AsyncEvent served(AsyncEvent event) {
            AsyncContext context = event.getAsyncContext();
            return context == null ? event : with(event, request.servedOrAsIs(context));
        }


        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            listener.onComplete(served(event));
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            listener.onTimeout(served(event));
        }

        @Override
        public void onError(AsyncEvent event) throws IOException {
            listener.onError(served(event));
        }

        @Override
        public void onStartAsync(AsyncEvent event) throws IOException {
            // a new cycle (startAsync again after a dispatch): its served context, made now if the cycle is Bulwark's
            AsyncContext context = event.getAsyncContext();
            listener.onStartAsync(context == null || !request.isServing() ? event
                    : with(event, request.served(context)));
        }
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
