package dev.bulwark.internal.transport;

import java.util.List;
import java.util.Locale;

/**
 * Whether the connection itself is TLS, from what the container reports. A container believes forwarding headers
 * when it is configured to (Liberty does from any client unless its {@code httpDispatcher} trusts no header
 * origin, which {@code liberty-config/bulwark-base.xml} sets): its {@code isSecure()} then says true for
 * {@code X-Forwarded-Proto: https} sent over plain HTTP. So when such a header is present, only the TLS session
 * the container reports (the servlet cipher-suite attribute) counts; Bulwark applies forwarding headers itself,
 * from {@code bulwark.trusted-proxies} only ({@link ClientAddressResolver}).
 */
public final class DirectTls {

    /** Request headers through which a proxy, or a client pretending to be one, claims the original scheme. */
    static final List<String> SCHEME_HEADERS = List.of("x-forwarded-proto", "forwarded", "x-forwarded-ssl",
            "x-forwarded-scheme", "x-url-scheme", "front-end-https");

    /** Prefix of the WebSphere plug-in's private headers ({@code $WSIS}, {@code $WSRA}, {@code $WSSC}...). */
    public static final String PRIVATE_HEADER_PREFIX = "$ws";

    private DirectTls() {
    }

    /**
     * @param containerSecure  the container's {@code isSecure()}
     * @param tlsSession       the container reports a TLS session (the cipher-suite request attribute)
     * @param headerNames      the names of the request's headers (only read when the answer depends on them)
     */
    public static boolean of(boolean containerSecure, boolean tlsSession,
                             java.util.function.Supplier<? extends Iterable<String>> headerNames) {
        if (!containerSecure || tlsSession) {
            return containerSecure;
        }
        for (String name : headerNames.get()) {
            if (SCHEME_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The first WebSphere plug-in private header among the names, or null: no client may send one. */
    public static String privateHeader(Iterable<String> headerNames) {
        for (String name : headerNames) {
            if (name.regionMatches(true, 0, PRIVATE_HEADER_PREFIX, 0, PRIVATE_HEADER_PREFIX.length())) {
                return name;
            }
        }
        return null;
    }
}
