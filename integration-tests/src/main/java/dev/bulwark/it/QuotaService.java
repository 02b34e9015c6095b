package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;

/** A service-layer bean whose calls are rate limited whoever calls them. */
@ApplicationScoped
public class QuotaService {

    @RateLimit(rate = "3/1m", group = "quota")
    public String take() {
        return "{\"taken\":true}";
    }

    @RateLimit(name = "burst", rate = "3/1m")
    @RateLimit(name = "hourly", rate = "100/1h")
    public String takeTwice() {
        return "{\"taken\":true}";
    }
}
