package dev.bulwark.internal.ratelimit;

/** Where rate-limit counts live. */
public enum RateLimitStoreKind {
    /** In this server's memory. */
    MEMORY,
    /** In Redis, shared by every server. */
    REDIS
}
