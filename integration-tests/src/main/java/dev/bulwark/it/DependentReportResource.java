package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A dependent resource (a new instance for every dispatch; the JAX-RS default, said here so that every runtime
 * makes it a bean) that another dependent resource injects and
 * calls as a bean. The instance the JAX-RS runtime dispatches to goes without Bulwark's interceptors (its filters
 * guard the call), so it says which class it is; every instance injected elsewhere keeps them.
 */
@Dependent
@Path("/dependent-report")
@Produces(MediaType.APPLICATION_JSON)
public class DependentReportResource {

    @GET
    @RolesAllowed("admin")
    public String read() {
        return "{\"report\":\"dependent\",\"instance\":\"" + getClass().getSimpleName() + "\"}";
    }
}
