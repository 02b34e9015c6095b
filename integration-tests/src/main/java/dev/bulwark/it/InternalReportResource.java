package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource that another resource also injects and calls as a bean: both doors need its scope. */
@Path("/internal-report")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class InternalReportResource {

    @GET
    @RequiresScopes("reports:admin")
    public String read() {
        return "{\"report\":\"internal\"}";
    }
}
