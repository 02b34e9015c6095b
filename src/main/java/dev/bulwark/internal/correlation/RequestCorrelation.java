package dev.bulwark.internal.correlation;

import dev.bulwark.internal.pipeline.RequestState;

/**
 * Where the correlation id of the current request lives: a request attribute that servlet filters, JAX-RS
 * providers ({@code ContainerRequestContext.getProperty}) and application code can read.
 */
public final class RequestCorrelation {

    /**
     * Request attribute published for the application: the correlation id (a String) of the current request, as
     * documented. Bulwark's own steps read {@link #ID} from the request's state instead.
     */
    public static final String ATTRIBUTE = "dev.bulwark.correlationId";

    /** The correlation id of the current request. */
    public static final RequestState.Key<String> ID = RequestState.Key.of("correlation id", String.class);

    /** The correlation id of a request (from its attributes or JAX-RS properties), or null. */
    public static String of(java.util.function.Function<String, Object> attributes) {
        RequestState state = RequestState.from(attributes);
        return state == null ? null : state.get(ID);
    }

    private RequestCorrelation() {
    }

    /** The prefix Bulwark puts on every log line it writes for a request, so one grep finds them all. */
    public static String logPrefix(String correlationId) {
        return "[correlationId=" + correlationId + "] ";
    }
}
