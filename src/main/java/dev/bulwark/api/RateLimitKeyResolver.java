package dev.bulwark.api;

import java.util.function.Function;

/**
 * An application's own rate-limit key (a tenant, an account, a device), named by
 * {@code @RateLimit(key = CUSTOM, resolver = ...)} and looked up as a CDI bean. Return null to count the request
 * per client address instead. The key is only held as given; do not return secrets.
 */
public interface RateLimitKeyResolver {

    /**
     * @param clientAddress the client address (trusted-proxy aware)
     * @param subject       the verified token's subject, or null without a token
     * @param header        request headers by name (null when absent)
     */
    String key(String clientAddress, String subject, Function<String, String> header);
}
