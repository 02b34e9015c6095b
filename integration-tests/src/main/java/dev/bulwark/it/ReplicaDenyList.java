package dev.bulwark.it;

import dev.bulwark.api.TokenDenyList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deny-list the application keeps for a purpose of its own, under a qualifier of its own: it is not the token
 * gate's. Bulwark still adds its default deny-list for the gate, which JwtAttacksIT's revocation uses (before round
 * 11 a bean like this one kept Bulwark from adding it, and the JAX-RS application failed to start).
 */
@ApplicationScoped
@ReplicaDenyList.Replica
public class ReplicaDenyList implements TokenDenyList {

    /** The qualifier of the application's own deny-list. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    public @interface Replica {
    }

    private final Map<String, Instant> denied = new ConcurrentHashMap<>();

    @Override
    public boolean isDenied(String tokenId) {
        Instant until = denied.get(tokenId);
        return until != null && until.isAfter(Instant.now());
    }

    @Override
    public void deny(String tokenId, Instant until) {
        denied.put(tokenId, until);
    }
}
