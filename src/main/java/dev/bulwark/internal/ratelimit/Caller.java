package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.logging.SafeLog;
import dev.bulwark.internal.transport.TransportAttributes;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.function.Function;

/**
 * Who sent a request, as far as Bulwark knows: the subject of a bearer token Bulwark verified, else only the client
 * address (trusted-proxy aware). The refusal budget is kept per caller, so callers that share an address (an office
 * NAT, a carrier-grade NAT) but hold their own valid tokens are kept apart, and the log names the caller.
 *
 * @param clientAddress the client address, canonical ({@code unknown} when none could be resolved)
 * @param subject       the verified token's subject ({@link Limiter#subject}), or null for an unverified caller
 */
public record Caller(String clientAddress, String subject) {

    public Caller {
        clientAddress = clientAddress == null ? "unknown" : clientAddress;
    }

    /** An unverified caller, known by its address only. */
    public static Caller address(String clientAddress) {
        return new Caller(clientAddress, null);
    }

    /**
     * The caller of a request so far, from its state: the subject of the token the bearer step verified
     * ({@link TokenGate#VERIFIED}), else the client address the transport step resolved, else {@code remoteAddress}.
     */
    public static Caller of(Function<String, Object> attributes, String remoteAddress) {
        RequestState state = RequestState.from(attributes);
        String address = state == null ? null : state.get(TransportAttributes.CLIENT_ADDRESS);
        return of(address != null ? address : remoteAddress, state == null ? null : state.get(TokenGate.VERIFIED));
    }

    /** @param verifiedToken the request's verified token (a {@link RawToken}), or null */
    public static Caller of(String clientAddress, Object verifiedToken) {
        return new Caller(clientAddress, verifiedToken instanceof RawToken raw ? Limiter.subject(raw.claims()) : null);
    }

    /** True when the caller is known by a verified token's subject. */
    public boolean verified() {
        return subject != null;
    }

    /** For log lines: {@code client 203.0.113.7} or {@code subject 'alice'} (token text escaped, cut short). */
    @Override
    public String toString() {
        return verified() ? "subject '" + SafeLog.printable(subject, 100) + "'"
                : "client " + SafeLog.printable(clientAddress, 64);
    }
}
