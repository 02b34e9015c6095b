package dev.bulwark.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One API key as an {@link ApiKeyStore} holds it: never the key itself, only its keyed hash. The key's id is the
 * part of the key that names it (not secret: it is printed in lists and logs), so a presented key is looked up by
 * id and then compared with the stored hash in constant time.
 *
 * @param id        the key's id (12 base62 characters, part of the key)
 * @param hash      the HMAC-SHA256 of the whole key under the deployment's pepper, lower-case hex
 * @param owner     the subject the key authenticates a request as (what {@code @OwnedBy} and per-principal rate
 *                  limits see)
 * @param client    the client (machine) the key belongs to: two keys of one client may be valid at once while it
 *                  rotates
 * @param roles     the roles the key grants (as a token's {@code groups})
 * @param scopes    the scopes the key grants (as a token's {@code scope})
 * @param createdAt when the key was made (its age is measured from here)
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or null
 * @param rateLimit the key's own limit ({@code 100/1m}), or null for none beyond the endpoints' limits
 * @param audiences the services the key is for (matched against {@code bulwark.apikeys.audience}); empty for a key
 *                  made without one, which works only on servers that set no audience
 */
public record ApiKeyRecord(String id, String hash, String owner, String client, Set<String> roles,
                           Set<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt,
                           String rateLimit, Set<String> audiences) {

    /** A key without an audience (valid only on servers that set no {@code bulwark.apikeys.audience}). */
    public ApiKeyRecord(String id, String hash, String owner, String client, Set<String> roles, Set<String> scopes,
                        Instant createdAt, Instant expiresAt, Instant revokedAt, String rateLimit) {
        this(id, hash, owner, client, roles, scopes, createdAt, expiresAt, revokedAt, rateLimit, Set.of());
    }

    public ApiKeyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(client, "client");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
    }

    /** The same key, revoked at {@code when}. */
    public ApiKeyRecord revoked(Instant when) {
        return new ApiKeyRecord(id, hash, owner, client, roles, scopes, createdAt, expiresAt, when, rateLimit,
                audiences);
    }

    /** The same key with another expiry (a rotation ends the old key's life at the end of its window). */
    public ApiKeyRecord expiring(Instant when) {
        return new ApiKeyRecord(id, hash, owner, client, roles, scopes, createdAt, when, revokedAt, rateLimit,
                audiences);
    }

    @Override
    public String toString() {
        return "ApiKeyRecord[id=" + id + ", owner=" + owner + ", client=" + client + ", roles=" + roles + ", scopes="
                + scopes + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + ", revokedAt=" + revokedAt
                + ", rateLimit=" + rateLimit + ", audiences=" + audiences + "]";
    }
}
