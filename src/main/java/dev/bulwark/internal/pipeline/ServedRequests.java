package dev.bulwark.internal.pipeline;

/**
 * The state of the request each thread is serving inside Bulwark's servlet filter, for the bean interceptors of the
 * same deployment: they learn which call JAX-RS itself makes from it, and the container's request proxy (a lookup of
 * the current request context on every call) is then needed only for calls outside the filter (an asynchronous
 * response's thread, a timer). One per deployment, held by its extension; never static. Entered and left by the
 * filter around everything it runs, so no thread keeps a request's state after the filter returned.
 */
public final class ServedRequests {

    private final ThreadLocal<RequestState> current = new ThreadLocal<>();

    /** The state of the request this thread serves inside the filter, or null. */
    public RequestState current() {
        return current.get();
    }

    /** The filter starts serving a request on this thread; returns what was there (an error dispatch nests). */
    public RequestState enter(RequestState state) {
        RequestState previous = current.get();
        current.set(state);
        return previous;
    }

    /** The filter is done on this thread: what {@link #enter} returned comes back. */
    public void leave(RequestState previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }
}
