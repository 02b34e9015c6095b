package dev.bulwark.it;

import dev.bulwark.api.RateLimit;

/**
 * A service whose rate does not parse. It is a bean only in the deployment that asks for it
 * ({@code it.broken-bean=true}, see {@link BrokenBeans}): that deployment must fail, naming this method.
 */
public class MisconfiguredQuota {

    @RateLimit(rate = "lots")
    public String take() {
        return "{\"taken\":true}";
    }
}
