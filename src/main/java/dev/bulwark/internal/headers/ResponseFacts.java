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
 */
public record ResponseFacts(boolean secure, boolean authenticated, boolean problem, boolean unauthenticated,
                            SecurityHeaderOverrides.Overrides overrides) {

    public ResponseFacts {
        overrides = overrides == null ? SecurityHeaderOverrides.Overrides.NONE : overrides;
    }

    /** True when the resource that answered switched the header off. */
    public boolean switchedOff(String name) {
        return overrides.switchedOff(name);
    }
}
