package dev.bulwark.api;

import java.util.List;
import java.util.Optional;

/**
 * Where API keys live: Bulwark ships a file store and a JDBC store ({@code bulwark.apikeys.store}); an application
 * may provide its own as a CDI bean ({@code bulwark.apikeys.store=CUSTOM}). A store never holds a usable key, only
 * {@link ApiKeyRecord#hash() keyed hashes}. Bulwark reads a key again at most once per
 * {@code bulwark.apikeys.cache-ttl}, so a revocation written to a store that every server reads reaches every server
 * within that time. Implementations must be thread-safe.
 */
public interface ApiKeyStore {

    /** The key with this id, or empty. */
    Optional<ApiKeyRecord> find(String id);

    /** Every key, revoked and expired ones included (for the command-line tool and the start-up check). */
    List<ApiKeyRecord> list();

    /** Adds the key, or replaces the one with the same id (a revocation, a shortened expiry). */
    void save(ApiKeyRecord key);
}
