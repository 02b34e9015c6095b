package dev.bulwark.internal.transport;

import dev.bulwark.internal.pipeline.RequestState;

/** What the transport step resolved, as every later control reads it from the request's state. */
public final class TransportAttributes {

    /** The client's IP address in canonical form, from {@link ClientAddressResolver}. */
    public static final RequestState.Key<String> CLIENT_ADDRESS = RequestState.Key.of("client address", String.class);
    /**
     * The client address for address rules: {@link #CLIENT_ADDRESS} when the trusted proxies' headers name the client
     * for sure, else absent (an address rule then refuses: {@link ClientAddressResolver.Origin#exact()}).
     */
    public static final RequestState.Key<String> RULE_ADDRESS = RequestState.Key.of("rule address", String.class);
    /** Whether the request arrived over TLS, directly or as reported by a trusted proxy. */
    public static final RequestState.Key<Boolean> SECURE = RequestState.Key.of("secure", Boolean.class);

    /** Request attribute published for the application: the client address (a String), as documented. */
    public static final String PUBLISHED_CLIENT_ADDRESS = "dev.bulwark.clientAddress";
    /** Request attribute published for the application: whether the request arrived over TLS (a Boolean). */
    public static final String PUBLISHED_SECURE = "dev.bulwark.secure";

    private TransportAttributes() {
    }
}
