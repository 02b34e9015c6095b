package dev.bulwark.transport;

/** Request attributes through which every later control reads what the transport layer resolved. */
public final class TransportAttributes {

    /** The client's IP address (a String in canonical form), from {@link ClientAddressResolver}. */
    public static final String CLIENT_ADDRESS = "dev.bulwark.clientAddress";
    /** Whether the request arrived over TLS (a Boolean), directly or as reported by a trusted proxy. */
    public static final String SECURE = "dev.bulwark.secure";

    private TransportAttributes() {
    }
}
