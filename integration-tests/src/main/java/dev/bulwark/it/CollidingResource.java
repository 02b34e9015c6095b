package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A public resource method with the same name and parameters as the guarded one it calls on another resource:
 * the dispatch JAX-RS made is this class's, not the other's, so the call is guarded.
 */
@Path("/colliding")
@PermitAll
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollidingResource {

    @Inject
    InternalReportResource internalReport;

    @GET
    public String read() {
        return internalReport.read();
    }
}
