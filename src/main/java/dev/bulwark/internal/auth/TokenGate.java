package dev.bulwark.internal.auth;

import dev.bulwark.internal.pipeline.RequestState;
import java.util.function.Function;
import dev.bulwark.api.TokenDenyList;
import java.time.Clock;
import java.time.Instant;

/**
 * The whole token policy in one place, for every door a token can come in by: the servlet filter runs
 * {@link #admit} on the token a request presents before the container sees it and {@link #confirm} once the
 * container verified its signature; the CDI interceptors, which only see the container's token, run
 * {@link #check} on it. A token that any of these refuses never identifies a caller.
 */
public final class TokenGate {

    /** The request's token once it passed every check. */
    public static final RequestState.Key<RawToken> VERIFIED = RequestState.Key.of("verified token", RawToken.class);

    private final TokenPolicy policy;
    private final TokenDenyList denyList;
    private final PublishedKeys keys;
    private final Clock clock;
    private final VerifiedTokens verified;

    /**
     * @param keys     the provider's published keys when they come from a remote JWKS, else null
     * @param verified the tokens the container verified lately, read once (their checks still run every time)
     */
    /** Whether the provider's keys were fetched; null when they are not remote. */
    public Boolean keysFetched() {
        return keys == null ? null : keys.fetched();
    }

    public TokenGate(TokenPolicy policy, TokenDenyList denyList, PublishedKeys keys, Clock clock,
                     VerifiedTokens verified) {
        this.policy = policy;
        this.denyList = denyList;
        this.keys = keys;
        this.clock = clock;
        this.verified = verified;
    }

    /**
     * The checks that need no signature: a strict compact JWS and every policy rule. Run before the container is
     * asked to verify, so that out-of-policy tokens never reach it (nor its log).
     */
    public RawToken admit(String compact) throws TokenRejected {
        Instant now = clock.instant();
        RawToken raw = verified.get(compact, now);
        if (raw != null) {
            // kept only after every check passed under this configuration: what depends on the moment is checked again
            policy.checkNow(raw, now, denyList);
            return raw;
        }
        raw = RawToken.parse(compact);
        policy.check(raw, now, denyList);
        return raw;
    }

    /**
     * The check after the container verified the signature of exactly this token: the signing key is still
     * published. The token is then kept as read, for the next requests that present it.
     */
    public void confirm(RawToken raw) throws TokenRejected {
        if (keys != null && !keys.isPublished(raw.header().getString("kid", null))) {
            throw new TokenRejected("the signing key is not (or no longer) published by the identity provider");
        }
        verified.put(raw, clock.instant());
    }

    /**
     * True when exactly this text is a token kept after the container verified it (expired or not): a strict compact
     * JWS, so its syntax needs no second look. Says nothing about whether the token is still acceptable.
     */
    public boolean readBefore(String compact) {
        return verified.holds(compact);
    }

    /** The verified token of a request (from its attributes or JAX-RS properties), or null. */
    public static RawToken verifiedToken(Function<String, Object> attributes) {
        RequestState state = RequestState.from(attributes);
        return state == null ? null : state.get(VERIFIED);
    }

    /** Every check, for a token the container already verified. */
    public RawToken check(String compact) throws TokenRejected {
        RawToken raw = admit(compact);
        confirm(raw);
        return raw;
    }
}
