package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one resource of {@link NoServicesApplication}. */
@Path("/probe")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @GET
    public String probe() {
        return "{\"probe\":true}";
    }
}
