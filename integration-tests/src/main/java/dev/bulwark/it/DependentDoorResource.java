package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A dependent resource that injects another dependent resource and calls its guarded method as a bean.
 */
@Dependent
@Path("/dependent-door")
@Produces(MediaType.APPLICATION_JSON)
public class DependentDoorResource {

    @Inject
    DependentReportResource report;

    @GET
    @Path("/open")
    @PermitAll
    public String open() {
        return report.read();
    }

    @GET
    @Path("/user")
    @RolesAllowed("user")
    public String user() {
        return report.read();
    }
}
