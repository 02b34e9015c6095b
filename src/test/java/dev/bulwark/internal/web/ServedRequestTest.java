package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code startAsync()} without arguments, on the request Bulwark hands the application: the asynchronous cycle
 * runs on the objects the filter passed on, so what the servlet writes through the context goes through the
 * response wrapper and its hook.
 */
class ServedRequestTest {

    private final FakeResponse container = new FakeResponse(64);
    private final List<Integer> hookRuns = new ArrayList<>();
    private final ProblemCapturingResponse captured = new ProblemCapturingResponse(container,
            (status, contentType, pending) -> {
                hookRuns.add(status);
                container.setHeader("X-Content-Type-Options", "nosniff");
            }, location -> null, null);

    /** What the container's request did with startAsync: the objects the cycle was started with, in order. */
    private final List<Object> startedWith = new ArrayList<>();
    private final List<AsyncContext> contexts = new ArrayList<>();
    private final List<String> completed = new ArrayList<>();

    private final HttpServletRequest containerRequest = (HttpServletRequest) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "startAsync" -> {
                            ServletRequest request = args == null ? null : (ServletRequest) args[0];
                            ServletResponse response = args == null ? null : (ServletResponse) args[1];
                            startedWith.add(request);
                            startedWith.add(response);
                            AsyncContext context = context(request, response);
                            contexts.add(context);
                            yield context;
                        }
                        case "getAsyncContext" -> contexts.isEmpty() ? null : contexts.get(contexts.size() - 1);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    /** The listeners added to the container's contexts, as the container holds them. */
    private final List<AsyncListener> listeners = new ArrayList<>();

    private AsyncContext context(ServletRequest request, ServletResponse response) {
        return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AsyncContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequest" -> request;
                    case "getResponse" -> response;
                    case "dispatch" -> {
                        completed.add("dispatched " + (args == null ? "" : args[args.length - 1]));
                        yield null;
                    }
                    case "addListener" -> {
                        listeners.add((AsyncListener) args[0]);
                        yield null;
                    }
                    case "hasOriginalRequestAndResponse" -> request == null;
                    case "complete" -> {
                        completed.add("status " + container.getStatus() + ", committed " + container.isCommitted());
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void startAsyncWithoutArgumentsKeepsTheObjectsTheFilterPassedOn() throws Exception {
        ServedRequest served = new ServedRequest(containerRequest, null);
        HttpServletRequest given = new HttpServletRequestWrapper(served); // as the API key caller's wrapper is
        served.serve(given, captured);

        AsyncContext async = given.startAsync();

        assertThat(startedWith).containsExactly(given, captured);
        assertThat(async.getResponse()).isSameAs(captured);
        assertThat(async.getRequest()).isSameAs(given);
        assertThat(async.hasOriginalRequestAndResponse()).isFalse();
        captured.passThrough(); // the filter returned, the request is asynchronous
        ((jakarta.servlet.http.HttpServletResponse) async.getResponse()).getWriter().write("late body");
        async.getResponse().flushBuffer();
        assertThat(hookRuns).containsExactly(200);
        assertThat(container.sentHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aBodilessAsynchronousResponseGetsTheHookBeforeItCompletes() throws Exception {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        AsyncContext async = served.startAsync();
        captured.passThrough();

        ((jakarta.servlet.http.HttpServletResponse) async.getResponse()).setStatus(403);
        async.complete();

        assertThat(hookRuns).containsExactly(403);
        assertThat(completed).containsExactly("status 403, committed false");
        assertThat(container.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theContextAskedForAgainIsTheSameCycle() {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        AsyncContext async = served.startAsync();

        assertThat(served.getAsyncContext()).isSameAs(async);
        served.getAsyncContext().complete();
        assertThat(hookRuns).containsExactly(200);
    }

    @Test
    void aCycleTheApplicationStartsWithAResponseOfItsOwnIsLeftAlone() {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        FakeResponse elsewhere = new FakeResponse(64);
        AsyncContext own = served.startAsync(served, elsewhere);

        assertThat(own).isSameAs(contexts.get(0));
        assertThat(served.getAsyncContext()).isSameAs(own);
    }

    /**
     * {@code startAsync(req, resp)} with the response the servlet was given, or a wrapper of its own around it, is a
     * cycle Bulwark sees through: a bodiless completion gets the hook as with {@code startAsync()}.
     */
    @Test
    void aCycleStartedWithBulwarksResponseOrAWrapperOfItIsServed() throws Exception {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        HttpServletResponseWrapper wrapper = new HttpServletResponseWrapper(captured);
        AsyncContext async = served.startAsync(new HttpServletRequestWrapper(served), wrapper);
        captured.passThrough();

        assertThat(startedWith).endsWith(wrapper);
        assertThat(served.getAsyncContext()).isSameAs(async);
        wrapper.setStatus(204);
        async.complete();
        assertThat(hookRuns).containsExactly(204);
        assertThat(completed).containsExactly("status 204, committed false");
    }

    /**
     * A listener gets its events with the context {@code startAsync} returned: a long poll that answers its timeout
     * through {@code event.getAsyncContext()} completes through Bulwark, and finds its context by identity.
     */
    @Test
    void aListenerSeesTheContextStartAsyncReturned() throws Exception {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        AsyncContext async = served.startAsync();
        captured.passThrough();
        List<AsyncContext> seen = new ArrayList<>();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                seen.add(event.getAsyncContext());
                ((jakarta.servlet.http.HttpServletResponse) event.getAsyncContext().getResponse()).setStatus(503);
                event.getAsyncContext().complete();
            }

            @Override
            public void onComplete(AsyncEvent event) {
                seen.add(event.getAsyncContext());
            }

            @Override
            public void onError(AsyncEvent event) {
                // not fired here
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not fired here
            }
        });

        AsyncListener held = listeners.get(0);
        AsyncContext containerContext = contexts.get(0);
        held.onTimeout(new AsyncEvent(containerContext));
        held.onComplete(new AsyncEvent(containerContext));

        assertThat(seen).containsExactly(async, async);
        assertThat(hookRuns).containsExactly(503);
        assertThat(completed).containsExactly("status 503, committed false");
        assertThat(container.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void anErrorDispatchOrAnUnservedRequestStartsAsTheContainerWould() {
        ServedRequest served = new ServedRequest(containerRequest, null);

        served.startAsync();

        assertThat(startedWith).containsExactly(null, null);
    }

    /**
     * A dispatch asked for from another thread while Bulwark's filter still works on the request waits for the
     * filter to be done (Payara otherwise ran the target while the filter finished, and sent its body twice).
     */
    @Test
    void aDispatchWaitsForTheFilterToBeDone() throws Exception {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        AsyncContext async = served.startAsync();

        Thread other = new Thread(() -> async.dispatch("/target"));
        other.start();
        other.join();
        assertThat(completed).isEmpty();
        served.filterDone();
        assertThat(completed).containsExactly("dispatched /target");

        async.dispatch("/again"); // the filter is done: at once
        assertThat(completed).containsExactly("dispatched /target", "dispatched /again");
    }

    /** The same for a completion from another thread; on the request's own thread it goes at once. */
    @Test
    void aCompletionFromAnotherThreadWaitsForTheFilterToBeDone() throws Exception {
        ServedRequest served = new ServedRequest(containerRequest, null);
        served.serve(served, captured);
        AsyncContext async = served.startAsync();
        captured.passThrough();

        Thread other = new Thread(async::complete);
        other.start();
        other.join();
        assertThat(completed).isEmpty();
        served.filterDone();
        assertThat(completed).containsExactly("status 200, committed false");
        assertThat(hookRuns).containsExactly(200);

        ServedRequest second = new ServedRequest(containerRequest, null);
        second.serve(second, captured);
        second.startAsync().complete(); // the request's thread: the container defers it itself
        assertThat(completed).hasSize(2);
    }
}
