package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A dependent resource (a new instance for every dispatch; the JAX-RS default, said here so that every runtime
 * makes it a bean) that other dependent resources inject and call as a bean, and a servlet looks up.
 */
@Dependent
@Path("/dependent-report")
@Produces(MediaType.APPLICATION_JSON)
public class DependentReportResource {

    @GET
    @RolesAllowed("admin")
    public String read() {
        return "{\"report\":\"dependent\"}";
    }

    /**
     * A sub-resource locator, guarded like the class's other methods. JAX-RS finds nothing below it; the servlet that
     * calls it as a bean after JAX-RS answered 404 must not pass for JAX-RS calling a locator while it matches.
     */
    @Path("locate")
    @RolesAllowed("admin")
    public Object locate() {
        return "located";
    }
}
