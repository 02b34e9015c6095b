package dev.bulwark.internal.auth;

import dev.bulwark.api.TokenDenyList;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link TokenDenyList}: bounded, in memory, per server. Entries leave when their token would have
 * expired; when full, expired entries are dropped first, then the entry expiring soonest (a denied token is never
 * dropped while a later-expiring one stays).
 */
public final class InMemoryTokenDenyList implements TokenDenyList {

    private final Map<String, Instant> denied = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public InMemoryTokenDenyList(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public boolean isDenied(String tokenId) {
        if (tokenId == null) {
            return false;
        }
        Instant until = denied.get(tokenId);
        if (until == null) {
            return false;
        }
        if (!until.isAfter(clock.instant())) {
            denied.remove(tokenId, until);
            return false;
        }
        return true;
    }

    @Override
    public synchronized void deny(String tokenId, Instant expiresAt) {
        if (tokenId == null || expiresAt == null || !expiresAt.isAfter(clock.instant())) {
            return;
        }
        if (!denied.containsKey(tokenId) && denied.size() >= maxEntries) {
            Instant now = clock.instant();
            denied.values().removeIf(until -> !until.isAfter(now));
            if (denied.size() >= maxEntries) {
                denied.entrySet().stream().min(Map.Entry.comparingByValue())
                        .ifPresent(soonest -> denied.remove(soonest.getKey()));
            }
        }
        denied.merge(tokenId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    int size() {
        return denied.size();
    }
}
