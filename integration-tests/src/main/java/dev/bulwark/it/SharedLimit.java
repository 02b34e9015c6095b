package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;

/** A rate-limited method inherited by two beans: one method, one count. */
public abstract class SharedLimit {

    @RateLimit(rate = "2/1m", key = RateLimit.Key.PRINCIPAL)
    public String work() {
        return "{\"worked\":\"" + getClass().getSimpleName() + "\"}";
    }

    /** One bean. */
    @ApplicationScoped
    public static class First extends SharedLimit {
    }

    /** Another. */
    @ApplicationScoped
    public static class Second extends SharedLimit {
    }
}
