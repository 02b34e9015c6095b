package dev.bulwark.it;

import dev.bulwark.api.Public;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A dependent resource with no Bulwark annotation a bean interceptor enforces, injecting a guarded dependent
 * resource and calling it as a bean.
 */
@Dependent
@Path("/unguarded-door")
@Produces(MediaType.APPLICATION_JSON)
public class UnguardedDoorResource {

    @Inject
    DependentReportResource report;

    @GET
    @Public
    public String open() {
        return report.read();
    }
}
