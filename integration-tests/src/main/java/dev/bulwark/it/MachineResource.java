package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** What a machine client (an API key, or a token) calls: a role and a scope, and who the application sees. */
@Path("/machine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MachineResource {

    @GET
    @Path("/report")
    @RolesAllowed("reports")
    @RequiresScopes("reports:read")
    public String report(@Context SecurityContext security) {
        return "{\"caller\":\"" + security.getUserPrincipal().getName() + "\",\"reports\":\""
                + security.isUserInRole("reports") + "\"}";
    }
}
