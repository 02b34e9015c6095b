package dev.bulwark.bench.e2e;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** The authenticated GET: the caller's name, for a token with the role {@value E2eApplication#USER}. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @GET
    @RolesAllowed(E2eApplication.USER)
    public Map<String, String> me(@Context SecurityContext security) {
        return Map.of("name", security.getUserPrincipal().getName());
    }
}
