package dev.bulwark.internal.transport;

import dev.bulwark.internal.config.Cidr;
import java.util.Locale;
import java.util.Optional;

/**
 * A host as a {@code Host} header (or a {@code bulwark.transport.allowed-hosts} entry) names it, once it has been
 * found well-formed: a DNS name, an IPv4 address or a bracketed IPv6 literal, with an optional port. Only
 * {@link #parse} makes one, so code that holds a {@code RequestHost} holds a validated host.
 *
 * <p>Well-formed is stricter than RFC 3986's reg-name on purpose: letters, digits, {@code -} and {@code _} in
 * dot-separated labels of at most 63 characters that neither start nor end with {@code -}, at most 253 in all.
 * Nothing that could end or extend a URL ({@code / ? # @ \ %}, spaces, quotes, sub-delimiters) and nothing outside
 * ASCII is accepted. The name is kept in lower case, without a trailing dot, IPv6 in its compressed form.
 */
public final class RequestHost {

    /** No port was given. */
    public static final int NO_PORT = -1;

    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private final String name;
    private final int port;

    private RequestHost(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** The host, or empty when {@code value} is null, empty or not a well-formed {@code host[:port]}. */
    public static Optional<RequestHost> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_NAME + 8) {
            return Optional.empty();
        }
        String host;
        String port;
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && rest.charAt(0) != ':') {
                return Optional.empty();
            }
            host = value.substring(0, close + 1);
            port = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0 && colon != value.lastIndexOf(':')) {
                return Optional.empty();
            }
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        int portNumber = port == null ? NO_PORT : port(port);
        String name = host.charAt(0) == '[' ? ipv6(host) : dnsName(host);
        if (name == null || (port != null && portNumber == NO_PORT)) {
            return Optional.empty();
        }
        return Optional.of(new RequestHost(name, portNumber));
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return NO_PORT;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return NO_PORT;
            }
        }
        int n = Integer.parseInt(digits);
        return n >= 1 && n <= 65535 ? n : NO_PORT;
    }

    private static String ipv6(String bracketed) {
        byte[] address = Cidr.literal(bracketed.substring(1, bracketed.length() - 1));
        return address != null && address.length == 16 ? "[" + IpAddresses.format(address) + "]" : null;
    }

    private static String dnsName(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || h.length() > MAX_NAME) {
            return null;
        }
        int labelStart = 0;
        for (int i = 0; i <= h.length(); i++) {
            char c = i == h.length() ? '.' : h.charAt(i);
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > MAX_LABEL || h.charAt(labelStart) == '-' || h.charAt(i - 1) == '-') {
                    return null;
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return null;
            }
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** The host name in lower case, or the bracketed IPv6 literal; never a port. */
    public String name() {
        return name;
    }

    /** The port the header named, or {@link #NO_PORT}. */
    public int port() {
        return port;
    }

    /** {@code name} or {@code name:port}, as it would appear in a Host header. */
    @Override
    public String toString() {
        return port == NO_PORT ? name : name + ":" + port;
    }
}
