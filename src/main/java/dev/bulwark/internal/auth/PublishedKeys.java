package dev.bulwark.internal.auth;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 *
 * <p>A refresh never makes a token with a known {@code kid} wait: the fetch runs on its own (the fetcher answers
 * with a future) and such checks are answered from the current set meanwhile; nothing is locked while a fetch is
 * in flight. Only a token naming a key the set does not hold waits for the refresh that may bring it, at most
 * {@code unknownKidWait}. At most one fetch is in flight at a time.
 */
public final class PublishedKeys {

    private static final Logger LOG = Logger.getLogger("dev.bulwark.auth");

    /** How long a token with an unknown kid waits, by default, for the refresh that may publish its key. */
    public static final Duration UNKNOWN_KID_WAIT = Duration.ofSeconds(5);

    /** The published signing key ids (null before the first successful fetch) and the refresh schedule. */
    private record State(Set<String> kids, Instant fetchedAt, Instant forcedAt, Instant retryAt) {
    }

    private final Supplier<CompletableFuture<String>> fetch;
    private final Duration maxAge;
    private final Duration cooldown;
    private final Duration unknownKidWait;
    private final Clock clock;
    private volatile State state = new State(null, null, null, null);
    /** The refresh in flight, completed (with the kids, or null) once the state is updated; null when none. */
    private final AtomicReference<CompletableFuture<Set<String>>> inFlight = new AtomicReference<>();

    public PublishedKeys(Supplier<CompletableFuture<String>> fetch, Duration maxAge, Duration cooldown, Clock clock) {
        this(fetch, maxAge, cooldown, UNKNOWN_KID_WAIT, clock);
    }

    /** @param unknownKidWait the longest a token with an unknown kid waits for a refresh */
    public PublishedKeys(Supplier<CompletableFuture<String>> fetch, Duration maxAge, Duration cooldown,
                         Duration unknownKidWait, Clock clock) {
        this.fetch = fetch;
        this.maxAge = maxAge;
        this.cooldown = cooldown;
        this.unknownKidWait = unknownKidWait;
        this.clock = clock;
    }

    /** Whether the key set was fetched at least once. */
    public boolean fetched() {
        return state.fetchedAt() != null;
    }

    public boolean isPublished(String kid) {
        if (kid == null) {
            return false;
        }
        Instant now = clock.instant();
        State s = state;
        if (s.retryAt() != null && now.isBefore(s.retryAt())) {
            // the last fetch failed: do not make every request wait for a provider that is down
            return published(kid);
        }
        boolean stale = s.fetchedAt() == null || !now.isBefore(s.fetchedAt().plus(maxAge));
        if (s.kids() != null && s.kids().contains(kid)) {
            if (stale) {
                refresh(now, false); // answered from the current set unless the fetch already finished
            }
            return published(kid);
        }
        CompletableFuture<Set<String>> refresh = inFlight.get();
        if (refresh == null) {
            boolean mayForce = s.forcedAt() == null || !now.isBefore(s.forcedAt().plus(cooldown));
            if (!stale && !mayForce) {
                return false;
            }
            refresh = refresh(now, !stale);
        }
        await(refresh);
        return published(kid);
    }

    /** The refresh in flight (done once its outcome is in the set), or null when none is. */
    CompletableFuture<Set<String>> refreshInFlight() {
        return inFlight.get();
    }

    private boolean published(String kid) {
        Set<String> kids = state.kids();
        return kids != null && kids.contains(kid);
    }

    /** Starts a refresh unless one is in flight, and returns the one in flight. */
    private CompletableFuture<Set<String>> refresh(Instant now, boolean forced) {
        CompletableFuture<Set<String>> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
            CompletableFuture<Set<String>> other = inFlight.get();
            return other != null ? other : CompletableFuture.completedFuture(state.kids());
        }
        if (forced) {
            update(s -> new State(s.kids(), s.fetchedAt(), now, s.retryAt()));
        }
        CompletableFuture<String> fetched;
        try {
            fetched = fetch.get();
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete((jwks, error) -> finish(now, jwks, error, mine));
        return mine;
    }

    private void finish(Instant startedAt, String jwks, Throwable error, CompletableFuture<Set<String>> mine) {
        Throwable failure = error;
        Set<String> kids = null;
        if (failure == null) {
            try {
                kids = signingKeyIds(jwks);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure == null) {
            Set<String> fresh = kids;
            update(s -> new State(fresh, startedAt, s.forcedAt(), null));
        } else {
            update(s -> new State(s.kids(), s.fetchedAt(), s.forcedAt(), startedAt.plus(cooldown)));
            LOG.log(Level.WARNING, "Bulwark could not refresh the published signing keys; keeping the last known"
                    + " set" + (state.kids() == null ? " (none yet: tokens are refused)" : ""), failure);
        }
        inFlight.compareAndSet(mine, null);
        mine.complete(state.kids());
    }

    private synchronized void update(java.util.function.UnaryOperator<State> change) {
        state = change.apply(state);
    }

    /** Waits, at most {@code unknownKidWait}, for a refresh (it never fails: failures complete it normally). */
    private void await(CompletableFuture<Set<String>> refresh) {
        try {
            refresh.get(unknownKidWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // answered from the set as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
