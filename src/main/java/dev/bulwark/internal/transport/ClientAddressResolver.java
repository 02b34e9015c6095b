package dev.bulwark.internal.transport;

import dev.bulwark.internal.config.Cidr;
import java.util.List;
import java.util.Locale;

/**
 * The one place that decides who the client is and whether the request arrived over TLS. Forwarded headers count
 * only when the socket peer is a trusted proxy; the chain is then walked from the right, skipping trusted hops,
 * and the first untrusted address is the client. A hop that is not an IP address ({@code unknown}, an obfuscated
 * identifier, garbage) stops the walk: the last trusted hop, whose proxy wrote it, stands for the client.
 */
public final class ClientAddressResolver {

    /**
     * What the resolver concluded about one request.
     *
     * @param exact false when the trusted proxies' headers do not name the client for sure: a hop that is no IP
     *              address stopped the walk (the proxy stands for the client), or {@code Forwarded} and
     *              {@code X-Forwarded-For} both came and name different clients (a proxy that appends to one passes
     *              the other through as the client wrote it). Rate limits and logs use {@code clientAddress}
     *              anyway; an address rule refuses a request whose client is not exact.
     */
    public record Origin(String clientAddress, boolean secure, boolean viaTrustedProxy, boolean exact) {
        public Origin(String clientAddress, boolean secure, boolean viaTrustedProxy) {
            this(clientAddress, secure, viaTrustedProxy, true);
        }
    }

    private final List<Cidr> trustedProxies;

    public ClientAddressResolver(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param peer           the socket peer address ({@code getRemoteAddr()})
     * @param socketSecure   whether the connection to us is TLS ({@code isSecure()})
     * @param forwarded      every {@code Forwarded} header value, in order
     * @param xForwardedFor  every {@code X-Forwarded-For} header value, in order
     * @param xForwardedProto every {@code X-Forwarded-Proto} header value, in order
     */
    public Origin resolve(String peer, boolean socketSecure, List<String> forwarded, List<String> xForwardedFor,
                          List<String> xForwardedProto) {
        if (trustedProxies.isEmpty() && peer != null && IpAddresses.isCanonicalIpv4(peer)) {
            return new Origin(peer, socketSecure, false); // no proxy to trust, nothing to rewrite
        }
        byte[] peerBytes = IpAddresses.parseNode(peer);
        String peerText = peerBytes == null ? String.valueOf(peer) : IpAddresses.format(peerBytes);
        if (peerBytes == null || !IpAddresses.trusted(peerBytes, trustedProxies)) {
            return new Origin(peerText, socketSecure, false);
        }
        boolean useForwarded = !forwarded.isEmpty();
        Walk walk = walk(useForwarded ? ForwardedHops.forwardedFor(forwarded) : ForwardedHops.commaList(xForwardedFor),
                peerText);
        boolean exact = walk.exact;
        if (useForwarded && !xForwardedFor.isEmpty()) {
            Walk other = walk(ForwardedHops.commaList(xForwardedFor), peerText);
            exact = exact && other.exact && other.client.equals(walk.client);
        }
        boolean secure = secure(socketSecure, useForwarded, forwarded, xForwardedProto);
        if (useForwarded && secure && !xForwardedProto.isEmpty()) {
            // a client's own Forwarded: proto=https passed through a proxy that writes X-Forwarded-Proto: both must say so
            secure = secure(socketSecure, false, forwarded, xForwardedProto);
        }
        return new Origin(walk.client, secure, true, exact);
    }

    private record Walk(String client, boolean exact) {
    }

    /** From the right, skipping trusted hops: the first untrusted address; a hop that is no address stops it. */
    private Walk walk(List<String> hops, String peerText) {
        String client = peerText;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = IpAddresses.parseNode(hops.get(i));
            if (hop == null) {
                return new Walk(client, false);
            }
            client = IpAddresses.format(hop);
            if (!IpAddresses.trusted(hop, trustedProxies)) {
                return new Walk(client, true);
            }
        }
        return new Walk(client, true);
    }

    /**
     * The scheme the nearest trusted proxy reports: the last {@code proto=} of {@code Forwarded}, else the last
     * entry of {@code X-Forwarded-Proto}; without either, the connection itself decides.
     */
    private static boolean secure(boolean socketSecure, boolean useForwarded, List<String> forwarded,
                                  List<String> xForwardedProto) {
        List<String> protos = useForwarded ? ForwardedHops.forwardedProto(forwarded)
                : ForwardedHops.commaList(xForwardedProto);
        for (int i = protos.size() - 1; i >= 0; i--) {
            String proto = protos.get(i);
            if (proto != null && !proto.isEmpty()) {
                return proto.toLowerCase(Locale.ROOT).equals("https");
            }
        }
        return socketSecure;
    }
}
