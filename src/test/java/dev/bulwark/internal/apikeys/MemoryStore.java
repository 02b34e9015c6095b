package dev.bulwark.internal.apikeys;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.api.ApiKeyStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A store in memory that counts its look-ups, and can be made to fail. */
final class MemoryStore implements ApiKeyStore {

    final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();
    final AtomicInteger finds = new AtomicInteger();
    volatile boolean down;

    @Override
    public Optional<ApiKeyRecord> find(String id) {
        finds.incrementAndGet();
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<ApiKeyRecord> list() {
        return List.copyOf(keys.values());
    }

    @Override
    public void save(ApiKeyRecord key) {
        keys.put(key.id(), key);
    }
}
