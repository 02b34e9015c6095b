package dev.bulwark.api;

import java.time.Instant;

/**
 * Revoked or already-used token ids ({@code jti}). Bulwark refuses any token whose id is on the list, until the
 * token would have expired anyway. Inject it to revoke a token ({@code deny(jwt.getTokenID(), exp)}); provide
 * your own CDI bean implementing it (for example shared through Redis) to replace the bounded in-memory default.
 */
public interface TokenDenyList {

    /** True when tokens with this id must be refused. */
    boolean isDenied(String tokenId);

    /** Refuses tokens with this id until {@code expiresAt} (the token's own expiry). */
    void deny(String tokenId, Instant expiresAt);
}
