package dev.bulwark.auth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which signing keys the identity provider publishes right now, for tokens verified against a remote JWKS. A
 * container may cache a key set long after the provider removed a key; Bulwark refuses a token whose {@code kid}
 * is no longer published. The set is refetched when older than {@code maxAge}, and at once when a token names a
 * key it does not know (such forced refetches at most once per {@code cooldown}, so unknown kids cannot flood the
 * provider). When a refetch fails the last known set stays in use and no fetch is tried again for a cooldown;
 * before the first successful fetch every token is refused (fail closed).
 */
public final class PublishedKeys {

    private static final Logger LOG = Logger.getLogger("dev.bulwark.auth");

    private final Supplier<String> fetch;
    private final Duration maxAge;
    private final Duration cooldown;
    private final Clock clock;
    private Set<String> kids;
    private Instant fetchedAt;
    private Instant forcedAt;
    private Instant retryAt;

    public PublishedKeys(Supplier<String> fetch, Duration maxAge, Duration cooldown, Clock clock) {
        this.fetch = fetch;
        this.maxAge = maxAge;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    public synchronized boolean isPublished(String kid) {
        if (kid == null) {
            return false;
        }
        Instant now = clock.instant();
        if (retryAt != null && now.isBefore(retryAt)) {
            // the last fetch failed: do not make every request wait for a provider that is down
            return kids != null && kids.contains(kid);
        }
        boolean stale = fetchedAt == null || !now.isBefore(fetchedAt.plus(maxAge));
        boolean unknown = kids == null || !kids.contains(kid);
        if (stale) {
            refresh(now);
        } else if (unknown && (forcedAt == null || !now.isBefore(forcedAt.plus(cooldown)))) {
            forcedAt = now;
            refresh(now);
        }
        return kids != null && kids.contains(kid);
    }

    private void refresh(Instant now) {
        try {
            kids = signingKeyIds(fetch.get());
            fetchedAt = now;
            retryAt = null;
        } catch (RuntimeException e) {
            retryAt = now.plus(cooldown);
            LOG.log(Level.WARNING, "Bulwark could not refresh the published signing keys; keeping the last known"
                    + " set" + (kids == null ? " (none yet: tokens are refused)" : ""), e);
        }
    }

    /** The {@code kid}s of the signing keys of a JWK Set (keys marked {@code use: enc} are left out). */
    static Set<String> signingKeyIds(String jwks) {
        try (JsonReader reader = Json.createReader(new StringReader(jwks))) {
            JsonObject set = reader.readObject();
            Set<String> out = new HashSet<>();
            for (JsonValue v : set.getJsonArray("keys")) {
                JsonObject key = v.asJsonObject();
                boolean encryption = key.get("use") instanceof JsonString use && use.getString().equals("enc");
                if (!encryption && key.get("kid") instanceof JsonString kid) {
                    out.add(kid.getString());
                }
            }
            return Set.copyOf(out);
        }
    }
}
