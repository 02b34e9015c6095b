package dev.bulwark.internal.correlation;

/**
 * Where the correlation id of the current request lives: a request attribute that servlet filters, JAX-RS
 * providers ({@code ContainerRequestContext.getProperty}) and application code can read.
 */
public final class RequestCorrelation {

    /** Request attribute holding the correlation id (a String) of the current request. */
    public static final String ATTRIBUTE = "dev.bulwark.correlationId";

    private RequestCorrelation() {
    }

    /** The prefix Bulwark puts on every log line it writes for a request, so one grep finds them all. */
    public static String logPrefix(String correlationId) {
        return "[correlationId=" + correlationId + "] ";
    }
}
