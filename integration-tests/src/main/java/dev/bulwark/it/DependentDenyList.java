package dev.bulwark.it;

import dev.bulwark.api.TokenDenyList;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deny-list kept in the instance, without a scope: a dependent bean, so every injection point gets its own. It is a
 * bean only in the deployment that asks for it ({@code it.dependent-deny-list=true}, see {@link BrokenBeans}): the
 * token gate would keep one instance while the application's {@code deny()} calls reach others, and a revoked token
 * would still pass, so that deployment must fail, naming this class.
 */
public class DependentDenyList implements TokenDenyList {

    private final Map<String, Instant> denied = new ConcurrentHashMap<>();

    @Override
    public boolean isDenied(String tokenId) {
        return denied.containsKey(tokenId);
    }

    @Override
    public void deny(String tokenId, Instant expiresAt) {
        denied.put(tokenId, expiresAt);
    }
}
