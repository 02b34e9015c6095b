package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;
import jakarta.enterprise.context.ApplicationScoped;

/** A service-layer bean: its scope rule holds whichever resource calls it. */
@ApplicationScoped
public class ReportService {

    @RequiresScopes("reports:read")
    public String report() {
        return "{\"report\":\"ok\"}";
    }
}
