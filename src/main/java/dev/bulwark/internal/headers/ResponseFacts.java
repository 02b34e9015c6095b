package dev.bulwark.internal.headers;

/**
 * What the header writers may know about one exchange, decided before any of them runs.
 *
 * @param secure          the request arrived over TLS (directly or through a trusted proxy)
 * @param authenticated   the request carried an Authorization header or the container authenticated a caller
 * @param problem         the response is an error (no-store whatever the application set)
 * @param unauthenticated the response is a 401 whose bearer challenge is to be checked against the credentials
 *                        the request carried
 * @param overrides       the {@code @SecurityHeader} overrides of the resource that answered (none for others)
 * @param json            the response's content type is JSON ({@code application/json}, {@code application/*+json},
 *                        problems included)
 * @param path            the path below the context root the container resolved (servlet path and path info), or
 *                        null when not known
 */
public record ResponseFacts(boolean secure, boolean authenticated, boolean problem, boolean unauthenticated,
                            SecurityHeaderOverrides.Overrides overrides, boolean json, String path) {

    public ResponseFacts {
        overrides = overrides == null ? SecurityHeaderOverrides.Overrides.NONE : overrides;
    }

    /** Facts of a response whose path does not matter. */
    public ResponseFacts(boolean secure, boolean authenticated, boolean problem, boolean unauthenticated,
                         SecurityHeaderOverrides.Overrides overrides, boolean json) {
        this(secure, authenticated, problem, unauthenticated, overrides, json, null);
    }

    /** Facts of a response that is not JSON. */
    public ResponseFacts(boolean secure, boolean authenticated, boolean problem, boolean unauthenticated,
                         SecurityHeaderOverrides.Overrides overrides) {
        this(secure, authenticated, problem, unauthenticated, overrides, false);
    }

    /**
     * True when the content type (as set on a response: one media type, parameters allowed) is JSON. A value
     * with a comma is not one media type, and not JSON.
     */
    public static boolean isJson(String contentType) {
        String type = singleMediaType(contentType);
        return type != null && (type.equalsIgnoreCase("application/json")
                || type.regionMatches(true, 0, "application/", 0, 12) && type.regionMatches(true,
                type.length() - 5, "+json", 0, 5));
    }

    /**
     * The media type of a Content-Type value, parameters and surrounding blanks dropped (case kept); null for no
     * value, or for a value with a comma: that is not one media type, and browsers split it at commas and take
     * the last type they know ("application/json, text/html" renders as HTML).
     */
    public static String singleMediaType(String contentType) {
        if (contentType == null || contentType.indexOf(',') >= 0) {
            return null;
        }
        int end = contentType.indexOf(';');
        return (end < 0 ? contentType : contentType.substring(0, end)).strip();
    }

    /** The prefix of the parameters RESTEasy marks a negotiated type with, for itself. */
    private static final String INTERNAL_PARAMETER = "resteasy-";

    /**
     * A Content-Type value without the parameters a JAX-RS runtime adds for its own use
     * ({@code resteasy-server-has-produces=true}, which RESTEasy's asynchronous responses sent as they were): they
     * name the product, and mean nothing to a client. Every other part is kept as it was written.
     */
    public static String withoutInternalParameters(String contentType) {
        if (contentType == null || contentType.indexOf(';') < 0 || !containsInternalParameter(contentType)) {
            return contentType;
        }
        String[] parts = contentType.split(";", -1);
        StringBuilder kept = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].strip().regionMatches(true, 0, INTERNAL_PARAMETER, 0, INTERNAL_PARAMETER.length())) {
                kept.append(';').append(parts[i]);
            }
        }
        return kept.toString();
    }

    private static boolean containsInternalParameter(String contentType) {
        for (int i = contentType.indexOf(';'); i >= 0 && i < contentType.length(); i++) {
            if (contentType.regionMatches(true, i, INTERNAL_PARAMETER, 0, INTERNAL_PARAMETER.length())) {
                return true;
            }
        }
        return false;
    }

    /** True when the resource that answered switched the header off. */
    public boolean switchedOff(String name) {
        return overrides.switchedOff(name);
    }
}
